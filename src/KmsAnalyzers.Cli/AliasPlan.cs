using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace KmsAnalyzers.Cli;

/// <summary>One place where the fixed code now names an alias, and what it named there before.</summary>
internal sealed record AliasUse(string Alias, ReplacedIdentifier Replaced, string File, int Line);

/// <summary>One row of the plan: an alias in one Region for one key, whether the alias maps show it, and where it is used.</summary>
internal sealed record PlannedAlias(
    string Alias, string? Region, string? TargetKeyId, string? MaskedAccount, bool InAliasMaps, string? MapTargetKeyId,
    IReadOnlyList<string> InAliasMapRegions, IReadOnlyList<(string File, int Line)> UsedAt, string? Note, string? CreateCommand);

/// <summary>
/// The alias plan of a fix run: every alias the fixed code now references, per Region named by the replaced ARNs,
/// whether the alias maps show it to exist (pointing at the key it replaced), and the <c>aws kms create-alias</c>
/// commands for those they do not show. Written as kms-alias-plan.md (for people) and .json (for scripts).
/// </summary>
internal sealed class AliasPlan
{
    public const string FileName = "kms-alias-plan";

    public AliasPlan(IEnumerable<AliasUse> uses, AliasMaps maps)
    {
        Maps = maps;
        foreach (var group in uses
                     .GroupBy(u => (u.Alias, u.Replaced.Region, Key: u.Replaced.KeyId ?? ""))
                     .OrderBy(g => g.Key.Alias, StringComparer.Ordinal).ThenBy(g => g.Key.Region ?? "~", StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal))
        {
            var (alias, region, key) = group.Key;
            var keyId = key.Length == 0 ? null : key;
            var replaced = group.First().Replaced;
            var usedAt = group.Select(u => (u.File, u.Line)).Distinct().OrderBy(u => u.File, StringComparer.Ordinal).ThenBy(u => u.Line).ToList();
            var named = maps.Entries.Where(e => e.AliasName == alias).ToList();
            string? note = null;
            string? command = null;
            bool exists;
            string? mapTarget = null;
            if (region is not null)
            {
                var inRegion = named.Where(e => e.Region == region).ToList();
                exists = inRegion.Any(e => keyId is null || e.TargetKeyId is null || e.TargetKeyId == keyId);
                if (!exists && inRegion.Count > 0)
                {
                    mapTarget = inRegion[0].TargetKeyId;
                    note = $"the alias maps have {alias} in {region} for another key ({mapTarget}): check which key the code meant";
                }
                else if (!exists && !maps.CoversRegion(region))
                {
                    note = $"no alias map for {region} was given: it may exist; add 'aws kms list-aliases --region {region} --output json' to check";
                }

                if (replaced.Account is { } account && maps.AccountsIn(region).Any() && !maps.AccountsIn(region).Contains(account, StringComparer.Ordinal))
                    note = Join(note, $"the key is in account {replaced.MaskedAccount}, not the alias maps' account: an alias resolves in the caller's account only");
                if (!exists && keyId is not null)
                    command = $"aws kms create-alias --region {region} --alias-name {alias} --target-key-id {keyId}";
                if (!exists && keyId is null)
                    note = Join(note, "the code named this alias by its ARN, so it likely exists; its key is not known here");
            }
            else
            {
                // A bare key id names no Region: the alias must exist wherever the key is used.
                exists = named.Any(e => keyId is null || e.TargetKeyId == keyId);
                note = "the replaced key id names no Region: the alias is needed in every Region where the code runs";
                if (!exists && keyId is not null)
                    command = $"aws kms create-alias --region <region> --alias-name {alias} --target-key-id {keyId}";
            }

            var mapRegions = named.Where(e => keyId is null || e.TargetKeyId == keyId).Select(e => e.Region).OfType<string>().Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToList();
            Aliases.Add(new PlannedAlias(alias, region, keyId, replaced.MaskedAccount, exists, mapTarget, mapRegions, usedAt, note, command));
        }
    }

    public AliasMaps Maps { get; }
    public List<PlannedAlias> Aliases { get; } = new();

    public IEnumerable<string> CreateCommands => Aliases.Select(a => a.CreateCommand).OfType<string>();

    private static string Join(string? a, string b) => a is null ? b : a + "; " + b;

    public string ToMarkdown(string input, string baseDirectory, bool dryRun)
    {
        var md = new StringBuilder();
        md.Append("# KMS alias plan\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Written by `kms-analyzers fix {input}`{(dryRun ? " --dry-run (the code was not changed)" : "")}. ");
        md.Append("Every alias that the fixed code now references, in each Region named by the key ARNs it replaced, ");
        md.Append("whether the alias maps show it, and the commands that create the missing ones.\n\n");
        md.Append("Alias maps: ");
        md.Append(Maps.Files.Count == 0 ? "none" : string.Join(", ", Maps.Files.Select(f => $"`{InputLoader.Relative(baseDirectory, f)}` ({Regions(Maps.RegionsOf(f))})")));
        md.Append("\n\n");
        if (Aliases.Count == 0)
        {
            md.Append("The fixed code references no new alias.\n");
            return md.ToString();
        }

        md.Append("| Alias | Region | Replaced key | In the alias maps | Used at | Note |\n");
        md.Append("|---|---|---|---|---|---|\n");
        foreach (var a in Aliases)
        {
            var used = string.Join(", ", a.UsedAt.Select(u => $"{u.File}:{u.Line}"));
            md.Append(CultureInfo.InvariantCulture,
                $"| `{a.Alias}` | {a.Region ?? "(not named)"} | {(a.TargetKeyId is null ? "an alias ARN" : "`" + a.TargetKeyId + "`")} | {(a.InAliasMaps ? "yes" : "**no**")}{(a.InAliasMapRegions.Count > 0 && a.Region is null ? " (" + Regions(a.InAliasMapRegions) + ")" : "")} | {used} | {a.Note ?? ""} |\n");
        }

        md.Append('\n');
        var commands = CreateCommands.ToList();
        if (commands.Count == 0)
        {
            md.Append("The alias maps show every alias above; nothing to create.\n");
            return md.ToString();
        }

        md.Append("## Create the missing aliases\n\n");
        md.Append("Run with credentials of the account that owns each key (or add the aliases to your infrastructure code):\n\n");
        md.Append("```bash\n");
        foreach (var command in commands)
            md.Append(command).Append('\n');
        md.Append("```\n");
        return md.ToString();
    }

    public byte[] ToJson(string input, string baseDirectory, bool dryRun)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("input", input);
            json.WriteBoolean("dryRun", dryRun);
            json.WriteStartArray("aliasMaps");
            foreach (var file in Maps.Files)
            {
                json.WriteStartObject();
                json.WriteString("file", InputLoader.Relative(baseDirectory, file));
                json.WriteStartArray("regions");
                foreach (var region in Maps.RegionsOf(file))
                    json.WriteStringValue(region);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("aliases");
            foreach (var a in Aliases)
            {
                json.WriteStartObject();
                json.WriteString("alias", a.Alias);
                WriteNullable(json, "region", a.Region);
                WriteNullable(json, "targetKeyId", a.TargetKeyId);
                WriteNullable(json, "account", a.MaskedAccount);
                json.WriteBoolean("inAliasMaps", a.InAliasMaps);
                json.WriteStartArray("inAliasMapRegions");
                foreach (var region in a.InAliasMapRegions)
                    json.WriteStringValue(region);
                json.WriteEndArray();
                WriteNullable(json, "aliasMapTargetKeyId", a.MapTargetKeyId);
                json.WriteStartArray("usedAt");
                foreach (var (file, line) in a.UsedAt)
                {
                    json.WriteStartObject();
                    json.WriteString("file", file);
                    json.WriteNumber("line", line);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                WriteNullable(json, "note", a.Note);
                WriteNullable(json, "createCommand", a.CreateCommand);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

    private static string Regions(IEnumerable<string> regions)
    {
        var list = regions.ToList();
        return list.Count == 0 ? "Region unknown" : string.Join(", ", list);
    }
}
