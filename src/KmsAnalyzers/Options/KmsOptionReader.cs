using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Options;

/// <summary>
/// Reads options for the tree being analyzed, so that folder-scoped .editorconfig sections apply. An invalid value
/// falls back to the default; the options rule (KMS0101) reports it.
/// </summary>
internal sealed class KmsOptionReader
{
    private readonly AnalyzerConfigOptionsProvider _provider;

    public KmsOptionReader(AnalyzerConfigOptionsProvider provider) => _provider = provider;

    public bool ReportDocumentationAccounts(SyntaxTree tree) =>
        KmsOptions.ReadBool(_provider.GetOptions(tree), KmsOptions.ReportDocumentationAccounts, defaultValue: false, out _);

    public DeriveAliasMode DeriveAliasNames(SyntaxTree tree) =>
        KmsOptions.ReadDeriveAliasNames(_provider.GetOptions(tree), out _);
}
