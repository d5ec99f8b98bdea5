using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Roslyn;

/// <summary>How every analyzer treats generated code: not analyzed, and no second check of what is reported.</summary>
internal static class GeneratedCode
{
    /// <summary>
    /// Callbacks are not run on generated code (files marked or named as generated, <c>[GeneratedCode]</c> symbols,
    /// <c>#line hidden</c>), so what a rule reports is found in user code already. <c>ReportDiagnostics</c> spares the
    /// driver's second check of each reported location: without it, the first report in a file walks every token of
    /// the file looking for a <c>GeneratedCode</c> attribute, and the telemetry charges that walk to the analyzer that
    /// reported (most of KMS0001's reporting cost on the benchmark, docs/performance.md).
    /// </summary>
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
