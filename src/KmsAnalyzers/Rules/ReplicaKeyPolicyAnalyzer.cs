using System.Collections.Generic;
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
            if (flow.PrimaryOf(replica) is not { } primary || !flow.IsMultiRegion(primary))
                continue;
            var primaryPolicy = flow.Policy(primary);
            var replicaPolicy = flow.Policy(replica);
            if (primaryPolicy is null && replicaPolicy is null)
                continue; // both take the default key policy
            if (primaryPolicy is not null && replicaPolicy is not null &&
                (flow.IsPolicyOf(replicaPolicy, primary) || Meet(Definitions(flow.Values, primaryPolicy), Definitions(flow.Values, replicaPolicy))))
                continue;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReplicaKeyPolicyApart, replica.Syntax.GetLocation(),
                CdkKeyFlow.ConstructId(replica), CdkKeyFlow.ConstructId(primary)));
        }
    }

    /// <summary>
    /// What a policy value is defined by, nearest first: the symbols it is read from and the source method whose call
    /// builds it, following each local, field or property to the one value it holds (<c>var copy = Shared;</c>).
    /// </summary>
    private static List<ISymbol> Definitions(TypeValueFlow values, IOperation policy)
    {
        var definitions = new List<ISymbol>();
        IOperation? current = policy;
        for (var depth = 0; current is not null && depth < MaxDepth; depth++)
        {
            var operation = TypeValueFlow.Unwrap(current);
            if (TypeValueFlow.ValueSymbol(operation) is { } symbol)
                definitions.Add(symbol);
            else if (operation is IInvocationOperation { TargetMethod: var method } && IsInSource(method))
                definitions.Add(method.OriginalDefinition); // a policy factory of this code, whatever its arguments
            current = values.SingleValue(operation);
        }

        return definitions;
    }

    // Library methods (PolicyDocument.FromJson) build whatever they are given: two calls are two definitions.
    private static bool IsInSource(IMethodSymbol method) => !method.Locations.IsEmpty && method.Locations[0].IsInSource;

    private static bool Meet(List<ISymbol> a, List<ISymbol> b)
    {
        foreach (var symbol in a)
        {
            foreach (var other in b)
            {
                if (SymbolEqualityComparer.Default.Equals(symbol, other))
                    return true;
            }
        }

        return false;
    }
}
