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

    /// <summary>The accepted values of <see cref="DeriveAliasNames"/>, for messages.</summary>
    public const string DeriveAliasNamesValues = "extra, preferred or false (true means extra)";

    /// <summary>
    /// Reads <see cref="DeriveAliasNames"/>: <c>extra</c> (default; <c>true</c> is kept as its synonym, the value of
    /// earlier versions), <c>preferred</c> or <c>false</c>. <paramref name="invalid"/> holds any other value.
    /// </summary>
    public static DeriveAliasMode ReadDeriveAliasNames(AnalyzerConfigOptions options, out string? invalid)
    {
        invalid = null;
        if (!options.TryGetValue(DeriveAliasNames, out var raw))
            return DeriveAliasMode.Extra;
        var value = raw.Trim();
        if (string.Equals(value, "extra", System.StringComparison.OrdinalIgnoreCase) || string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase))
            return DeriveAliasMode.Extra;
        if (string.Equals(value, "preferred", System.StringComparison.OrdinalIgnoreCase))
            return DeriveAliasMode.Preferred;
        if (string.Equals(value, "false", System.StringComparison.OrdinalIgnoreCase))
            return DeriveAliasMode.Off;
        invalid = raw;
        return DeriveAliasMode.Extra;
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

/// <summary>How the "Use an alias" fix offers an alias derived from the symbol name (<c>kms_analyzers.derive_alias_names</c>).</summary>
internal enum DeriveAliasMode
{
    /// <summary>No derived alias.</summary>
    Off,

    /// <summary>Offered one at a time in the IDE, after any map alias; never applied by Fix All or <c>dotnet format</c>.</summary>
    Extra,

    /// <summary>Also the bulk choice when the alias map has no alias for the key (the user creates the aliases).</summary>
    Preferred,
}
