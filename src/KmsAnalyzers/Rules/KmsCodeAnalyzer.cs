using System.Collections.Immutable;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Roslyn;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Rules;

/// <summary>
/// The analyzer that reads KMS calls, for KMS0003 and KMS0008 (<see cref="CrossRegionDecryptRule"/>): a symbol start
/// per type that registers the rule only where the type's code may use the KMS client, told from its files' text
/// (<see cref="SourceSearch.MayUseKmsClient"/>), so that the driver dispatches nothing on the invocations of the other
/// types (most of a code base). The strings of KMS0001/0002/0004/0005 are <see cref="KmsStringAnalyzer"/>'s, and the
/// CDK key rules <see cref="CdkKeyPolicyAnalyzer"/>'s: each analyzer's gate reads the files for its own question. KMS0010
/// is apart too: it is off by default, and the driver then skips it whole.
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
            // Every file is read once here, on one thread, rather than by the first types' starts at once; where no
            // file names the SDK or kms, no type may use the client, and the driver has nothing to dispatch to the rule.
            var search = SourceSearch.For(start.Compilation);
            if (!search.AnyFileMayNameKmsSdk(start.CancellationToken))
                return;
            _ = search.GlobalUsingsNameKmsSdk(start.CancellationToken);
            var decrypts = new CrossRegionDecryptRule(start.Compilation);
            start.RegisterSymbolStartAction(typeStart =>
            {
                if (search.MayUseKmsClient((INamedTypeSymbol)typeStart.Symbol, typeStart.CancellationToken))
                    decrypts.Register(typeStart);
            }, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(decrypts.Report);
        });
    }
}
