using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Options;

namespace KmsAnalyzers.Cli;

/// <summary>One alias of an alias map: its name, the Region and account of its ARN, and the key it targets.</summary>
internal sealed record AliasMapEntry(string AliasName, string? Region, string? Account, string? TargetKeyId, string File);

/// <summary>
/// The alias maps (<c>aws kms list-aliases --output json</c>) the fix used, read with the rules' JSON reader, keeping
/// the Region of each alias (from its ARN, else from a Region code in the file name) for the alias plan.
/// </summary>
internal sealed class AliasMaps
{
    public AliasMaps(IEnumerable<string> files)
    {
        foreach (var file in files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
        {
            Files.Add(file);
            JsonValue root;
            try
            {
                root = JsonReader.Parse(File.ReadAllText(file));
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                continue; // KMS0100 reports it
            }

            if (root["Aliases"]?.Items is not { } items)
                continue;
            var fileRegion = RegionInFileName(file);
            foreach (var item in items)
            {
                if (item["AliasName"]?.Text is not { } name)
                    continue;
                string? region = fileRegion, account = null;
                if (item["AliasArn"]?.Text is { } arnText && KmsIdentifiers.TryParseArn(arnText, out var arn))
                {
                    region = arn.Region;
                    account = arn.Account;
                }

                Entries.Add(new AliasMapEntry(name, region, account, item["TargetKeyId"]?.Text, file));
            }
        }
    }

    public List<string> Files { get; } = new();
    public List<AliasMapEntry> Entries { get; } = new();

    public IEnumerable<string> RegionsOf(string file) =>
        Entries.Where(e => e.File == file && e.Region is not null).Select(e => e.Region!).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal);

    public bool CoversRegion(string region) => Entries.Any(e => e.Region == region);

    /// <summary>The accounts the maps hold aliases of in <paramref name="region"/>.</summary>
    public IEnumerable<string> AccountsIn(string region) =>
        Entries.Where(e => e.Region == region && e.Account is not null).Select(e => e.Account!).Distinct(StringComparer.Ordinal);

    private static string? RegionInFileName(string file)
    {
        foreach (var part in Path.GetFileNameWithoutExtension(file).Split('.', '_'))
        {
            if (KmsIdentifiers.IsRegion(part))
                return part;
        }

        return null;
    }
}
