using System.Collections.Immutable;
using KmsAnalyzers.Roslyn;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Rules;

/// <summary>
/// The analyzer that reads KMS calls, for KMS0003 and KMS0008 (<see cref="CrossRegionDecryptRule"/>): one invocation
/// action for the whole compilation. The strings of KMS0001/0002/0004/0005 are <see cref="KmsStringAnalyzer"/>'s, visited
/// per type: an analyzer that has a symbol start is charged, in the IDE, for binding that its invocation flow meets first
/// (one document: 1.7 → 6.9 ms with both in one analyzer, 2.0 ms apart; docs/performance.md, session 13). The CDK key
/// rules (<see cref="CdkKeyPolicyAnalyzer"/>) need per-type actions and stay apart, and KMS0010 too: it is off by
/// default, and the driver then skips it whole.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KmsCodeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.CrossRegionDecrypt, Descriptors.CrossRegionDecryptAtBuild, Descriptors.KeyInAnotherRegion, Descriptors.KeyInAnotherRegionAtBuild);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            // Told from the references' names, without binding them (SdkReferences says why): without the KMS SDK the
            // rule registers nothing and costs nothing.
            if (!SdkReferences.Of(start.Compilation).MayHaveKmsSdk)
                return;
            var decrypts = new CrossRegionDecryptRule(start.Compilation);
            start.RegisterOperationAction(decrypts.Analyze, OperationKind.Invocation);
            start.RegisterCompilationEndAction(decrypts.Report);
        });
    }
}
