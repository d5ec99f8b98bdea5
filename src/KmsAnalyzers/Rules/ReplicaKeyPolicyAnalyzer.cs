using System.Collections.Immutable;
using KmsAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers;

/// <summary>
/// KMS0006: a <c>CfnReplicaKey</c> whose primary is a multi-Region <c>CfnKey</c> of the same type, and whose
/// <c>KeyPolicy</c> is not provably the same definition as the primary's. Replicating a key does not replicate its
/// policy, so two definitions drift. "The same definition" is decided on symbols, never on text: the same local,
/// field, property or constant, or calls of the same method (a policy factory, whatever its arguments).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReplicaKeyPolicyAnalyzer : DiagnosticAnalyzer
{
    private const int MaxDepth = 8;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ReplicaKeyPolicyApart);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        CdkKeyFlow.Register(context, Report);
    }

    private static void Report(SymbolAnalysisContext context, CdkKeyFlow flow)
    {
        foreach (var replica in flow.Replicas)
        {
            if (flow.PrimaryOf(replica) is not { } primary || !flow.IsMultiRegion(primary) ||
                SameDefinition(flow.Values, flow.Policy(primary), flow.Policy(replica), 0))
                continue;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReplicaKeyPolicyApart, replica.Syntax.GetLocation(),
                CdkKeyFlow.ConstructId(replica), CdkKeyFlow.ConstructId(primary)));
        }
    }

    private static bool SameDefinition(TypeValueFlow values, IOperation? primary, IOperation? replica, int depth)
    {
        if (primary is null || replica is null)
            return primary is null && replica is null; // both take the default key policy
        var a = TypeValueFlow.Unwrap(primary);
        var b = TypeValueFlow.Unwrap(replica);
        if (TypeValueFlow.ValueSymbol(a) is { } symbolA && SymbolEqualityComparer.Default.Equals(symbolA, TypeValueFlow.ValueSymbol(b)))
            return true;
        if (a is IInvocationOperation callA && b is IInvocationOperation callB &&
            SymbolEqualityComparer.Default.Equals(callA.TargetMethod.OriginalDefinition, callB.TargetMethod.OriginalDefinition))
            return true;
        if (depth >= MaxDepth)
            return false;

        // var primaryPolicy = Policies.For("eu-west-1"); … follow each side to the one value it holds.
        var nextA = values.SingleValue(a);
        var nextB = values.SingleValue(b);
        return (nextA is not null || nextB is not null) && SameDefinition(values, nextA ?? a, nextB ?? b, depth + 1);
    }
}
