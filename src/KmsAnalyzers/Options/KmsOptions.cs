using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Options;

/// <summary>The .editorconfig / .globalconfig keys of KmsAnalyzers. Every key is documented in README and the rule docs.</summary>
internal static class KmsOptions
{
    public const string Prefix = "kms_analyzers.";
    public const string ReportDocumentationAccounts = "kms_analyzers.report_documentation_accounts";
    public const string DeriveAliasNames = "kms_analyzers.derive_alias_names";
    public const string HomeRegions = "kms_analyzers.home_regions";

    private static readonly string[] Known = { ReportDocumentationAccounts, DeriveAliasNames, HomeRegions, "kms_analyzers.KMS0003.home_regions" };

    /// <summary>The known keys, for messages.</summary>
    public static string KnownList => string.Join(", ", Known);

    /// <summary>Whether <paramref name="key"/> is an option KmsAnalyzers reads (.editorconfig keys are case-insensitive).</summary>
    public static bool IsKnown(string key)
    {
        foreach (var known in Known)
        {
            if (string.Equals(known, key, System.StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary>Reads a boolean option; <paramref name="invalid"/> holds a value that is neither true nor false.</summary>
    public static bool ReadBool(AnalyzerConfigOptions options, string key, bool defaultValue, out string? invalid)
    {
        invalid = null;
        if (!options.TryGetValue(key, out var raw))
            return defaultValue;
        var value = raw.Trim();
        if (string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase))
            return true;
        if (string.Equals(value, "false", System.StringComparison.OrdinalIgnoreCase))
            return false;
        invalid = raw;
        return defaultValue;
    }
}
