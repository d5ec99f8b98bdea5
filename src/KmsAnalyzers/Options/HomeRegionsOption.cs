using System;
using System.Collections.Generic;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Options;

/// <summary><c>kms_analyzers.home_regions</c> (or the per-rule <c>kms_analyzers.KMS0003.home_regions</c>): Regions a client may be pinned to.</summary>
internal static class HomeRegionsOption
{
    public const string RuleKey = "kms_analyzers.KMS0003.home_regions";

    public static string[] Read(AnalyzerOptions options, SyntaxTree tree) => Parse(Raw(options.AnalyzerConfigOptionsProvider.GetOptions(tree)), out _);

    public static string? Raw(AnalyzerConfigOptions options) =>
        options.TryGetValue(RuleKey, out var rule) ? rule : options.TryGetValue(KmsOptions.HomeRegions, out var all) ? all : null;

    /// <summary>The valid Region codes of a comma-separated list; <paramref name="invalid"/> lists the rest.</summary>
    public static string[] Parse(string? raw, out List<string>? invalid)
    {
        invalid = null;
        if (string.IsNullOrWhiteSpace(raw))
            return Array.Empty<string>();
        var result = new List<string>();
        foreach (var part in raw!.Split(','))
        {
            var region = part.Trim();
            if (region.Length == 0)
                continue;
            if (KmsIdentifiers.IsRegion(region))
                result.Add(region);
            else
                (invalid ??= new List<string>()).Add(region);
        }

        return result.ToArray();
    }
}
