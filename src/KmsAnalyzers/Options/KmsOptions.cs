using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Options;

/// <summary>The .editorconfig / .globalconfig keys of KmsAnalyzers. Every key is documented in README and the rule docs.</summary>
internal static class KmsOptions
{
    public const string ReportDocumentationAccounts = "kms_analyzers.report_documentation_accounts";
    public const string DeriveAliasNames = "kms_analyzers.derive_alias_names";
    public const string HomeRegions = "kms_analyzers.home_regions";

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
