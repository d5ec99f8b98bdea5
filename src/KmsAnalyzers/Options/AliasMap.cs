using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Options;

/// <summary>A problem found in one alias map file, with the offset it refers to.</summary>
internal readonly struct AliasMapProblem
{
    public AliasMapProblem(string message, int position)
    {
        Message = message;
        Position = position;
    }

    public string Message { get; }
    public int Position { get; }
}

/// <summary>One parsed <c>kms-aliases*.json</c> file: key id → alias names, plus what was wrong with it.</summary>
internal sealed class AliasMapFile
{
    // Parsed once per file text and shared by every analyzer and compilation that sees the same text.
    private static readonly ConditionalWeakTable<SourceText, AliasMapFile> Cache = new();

    public static AliasMapFile Get(SourceText text) => Cache.GetValue(text, static t => Parse(t.ToString()));

    private AliasMapFile(Dictionary<string, List<string>> aliasesByKeyId, ImmutableArray<AliasMapProblem> problems)
    {
        AliasesByKeyId = aliasesByKeyId;
        Problems = problems;
    }

    public Dictionary<string, List<string>> AliasesByKeyId { get; }
    public ImmutableArray<AliasMapProblem> Problems { get; }

    /// <summary>Whether an AdditionalFile is an alias map: its name is <c>kms-aliases*.json</c>, in any case.</summary>
    public static bool IsAliasMapPath(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("kms-aliases", StringComparison.OrdinalIgnoreCase) &&
            name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads the JSON that <c>aws kms list-aliases --output json</c> prints: <c>{ "Aliases": [ { "AliasName",
    /// "AliasArn", "TargetKeyId", … } ] }</c>. A malformed file yields no aliases and one problem; a bad entry is
    /// skipped with a problem of its own. AWS managed aliases (<c>alias/aws/…</c>) are never offered.
    /// </summary>
    public static AliasMapFile Parse(string text)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var problems = ImmutableArray.CreateBuilder<AliasMapProblem>();
        JsonValue root;
        try
        {
            root = JsonReader.Parse(text);
        }
        catch (JsonException e)
        {
            problems.Add(new AliasMapProblem(e.Message + "; the file is ignored", e.Position));
            return new AliasMapFile(map, problems.ToImmutable());
        }

        if (root.Kind != JsonKind.Object || root["Aliases"] is not { Kind: JsonKind.Array, Items: { } entries })
        {
            problems.Add(new AliasMapProblem("expected an object with an \"Aliases\" array, as 'aws kms list-aliases --output json' prints; the file is ignored", root.Position));
            return new AliasMapFile(map, problems.ToImmutable());
        }

        // Same alias ARN (Region + name) seen twice with different targets: the file contradicts itself.
        var targetByAliasArn = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<(string KeyId, string Alias)>();
        foreach (var entry in entries)
        {
            if (entry.Kind != JsonKind.Object)
            {
                problems.Add(new AliasMapProblem("an entry of \"Aliases\" is not an object; the entry is ignored", entry.Position));
                continue;
            }

            if (entry["AliasName"] is not { Kind: JsonKind.String, Text: { } aliasName } || !KmsIdentifiers.IsAliasName(aliasName))
            {
                problems.Add(new AliasMapProblem("\"AliasName\" must be a string 'alias/<name>'; the entry is ignored", entry.Position));
                continue;
            }

            var target = entry["TargetKeyId"];
            if (target is null || target.Kind == JsonKind.Null || KmsIdentifiers.IsAwsManagedAlias(aliasName))
                continue; // AWS managed aliases and aliases with no key: nothing to offer

            if (target.Kind != JsonKind.String || !TryGetKeyId(target.Text!, out var keyId))
            {
                problems.Add(new AliasMapProblem("\"TargetKeyId\" of '" + aliasName + "' is not a KMS key id; the entry is ignored", target.Position));
                continue;
            }

            if (entry["AliasArn"] is { Kind: JsonKind.String, Text: { } aliasArn })
            {
                if (targetByAliasArn.TryGetValue(aliasArn, out var earlier) && earlier != keyId)
                {
                    // Named by alias and Region, never by the whole ARN: the message goes into build logs and SARIF.
                    var where = KmsIdentifiers.TryParseArn(aliasArn, out var arn) ? "' in Region '" + arn.Region : "";
                    problems.Add(new AliasMapProblem("Alias '" + aliasName + where + "' is listed twice with different target keys; the second entry is ignored", entry.Position));
                    continue;
                }

                targetByAliasArn[aliasArn] = keyId;
            }

            if (!seen.Add((keyId, aliasName)))
                continue;
            if (!map.TryGetValue(keyId, out var aliases))
                map[keyId] = aliases = new List<string>();
            aliases.Add(aliasName);
        }

        return new AliasMapFile(map, problems.ToImmutable());
    }

    // Key ids are compared in lower case: KMS prints them so, but a hand-edited map or code may not.
    private static bool TryGetKeyId(string value, out string keyId)
    {
        keyId = value.ToLowerInvariant();
        if (KmsIdentifiers.IsKeyId(value, 0, value.Length) || KmsIdentifiers.IsMultiRegionKeyId(value))
            return true;
        if (KmsIdentifiers.TryParseArn(value, out var arn) && arn.ResourceType == KmsResourceType.Key)
        {
            keyId = arn.ResourceId.ToLowerInvariant();
            return true;
        }

        return false;
    }
}

/// <summary>Every alias map of a compilation merged: key id → alias names in ordinal order.</summary>
internal sealed class AliasMap
{
    public static readonly AliasMap Empty = new(new Dictionary<string, string[]>());

    private readonly Dictionary<string, string[]> _aliasesByKeyId;

    private AliasMap(Dictionary<string, string[]> aliasesByKeyId) => _aliasesByKeyId = aliasesByKeyId;

    public static AliasMap Create(IEnumerable<AliasMapFile> files)
    {
        var merged = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var pair in file.AliasesByKeyId)
            {
                if (!merged.TryGetValue(pair.Key, out var set))
                    merged[pair.Key] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.UnionWith(pair.Value);
            }
        }

        if (merged.Count == 0)
            return Empty;
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var pair in merged)
        {
            var aliases = new string[pair.Value.Count];
            pair.Value.CopyTo(aliases);
            result[pair.Key] = aliases;
        }

        return new AliasMap(result);
    }

    // One map per analysis: every rule of every analyzer of a compilation gets the same AnalyzerOptions.
    private static readonly ConditionalWeakTable<AnalyzerOptions, AliasMap> PerOptions = new();

    /// <summary>
    /// Reads every <c>kms-aliases*.json</c> AdditionalFile, each parsed once per text, and merges them once per
    /// <paramref name="options"/> (the rules that offer aliases each asked for the whole merge before).
    /// </summary>
    public static AliasMap FromAdditionalFiles(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (PerOptions.TryGetValue(options, out var known))
            return known;
        var map = Read(options, cancellationToken);
        return PerOptions.GetValue(options, _ => map);
    }

    private static AliasMap Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        List<AliasMapFile>? files = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (AliasMapFile.IsAliasMapPath(file.Path) && file.GetText(cancellationToken) is { } text)
                (files ??= new List<AliasMapFile>()).Add(AliasMapFile.Get(text));
        }

        return files is null ? Empty : Create(files);
    }

    public string[] AliasesFor(string keyId) =>
        _aliasesByKeyId.Count > 0 && _aliasesByKeyId.TryGetValue(keyId.ToLowerInvariant(), out var aliases) ? aliases : Array.Empty<string>();
}
