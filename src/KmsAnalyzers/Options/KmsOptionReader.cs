using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Options;

/// <summary>
/// Reads options for the tree being analyzed, so that folder-scoped .editorconfig sections apply. An invalid value
/// falls back to the default and is reported once per compilation as KMS0101 by <see cref="Validate"/>.
/// </summary>
internal sealed class KmsOptionReader
{
    private static readonly string[] BooleanKeys = { KmsOptions.ReportDocumentationAccounts, KmsOptions.DeriveAliasNames };

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<string, bool> _reported = new();

    public KmsOptionReader(AnalyzerConfigOptionsProvider provider) => _provider = provider;

    public bool ReportDocumentationAccounts(SyntaxTree tree) =>
        KmsOptions.ReadBool(_provider.GetOptions(tree), KmsOptions.ReportDocumentationAccounts, defaultValue: false, out _);

    public bool DeriveAliasNames(SyntaxTree tree) =>
        KmsOptions.ReadBool(_provider.GetOptions(tree), KmsOptions.DeriveAliasNames, defaultValue: true, out _);

    /// <summary>Reports each invalid (key, value) pair seen in the options of <paramref name="context"/>'s tree once.</summary>
    public void Validate(SyntaxTreeAnalysisContext context)
    {
        var options = _provider.GetOptions(context.Tree);
        foreach (var key in BooleanKeys)
        {
            KmsOptions.ReadBool(options, key, defaultValue: false, out var invalid);
            if (invalid is not null && _reported.TryAdd(key + "=" + invalid, true))
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, key, invalid, "true or false"));
        }
    }
}
