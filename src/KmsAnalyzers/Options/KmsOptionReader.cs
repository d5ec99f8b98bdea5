using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Options;

/// <summary>
/// Reads options for the tree being analyzed (so folder-scoped .editorconfig sections apply) and reports an invalid
/// value once per compilation as KMS0101, then falls back to the default.
/// </summary>
internal sealed class KmsOptionReader
{
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<string, bool> _reported = new();

    public KmsOptionReader(AnalyzerConfigOptionsProvider provider) => _provider = provider;

    public bool ReportDocumentationAccounts(OperationAnalysisContext context) =>
        ReadBool(context, KmsOptions.ReportDocumentationAccounts, defaultValue: false);

    public bool DeriveAliasNames(OperationAnalysisContext context) =>
        ReadBool(context, KmsOptions.DeriveAliasNames, defaultValue: true);

    private bool ReadBool(OperationAnalysisContext context, string key, bool defaultValue)
    {
        var options = _provider.GetOptions(context.Operation.Syntax.SyntaxTree);
        var value = KmsOptions.ReadBool(options, key, defaultValue, out var invalid);
        if (invalid is not null && _reported.TryAdd(key + "=" + invalid, true))
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, key, invalid, "true or false"));
        return value;
    }
}
