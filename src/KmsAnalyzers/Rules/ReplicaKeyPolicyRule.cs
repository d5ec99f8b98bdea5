using System.Collections.Generic;
using System.Collections.Immutable;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Rules;

/// <summary>
/// KMS0006: a <c>CfnReplicaKey</c> whose primary is a multi-Region key (<c>CfnKey</c>, or the L2 <c>Key</c>) found
/// anywhere in the compilation, and whose <c>KeyPolicy</c> is not provably the same definition as the primary's.
/// Replicating a key does not replicate its policy, so two definitions drift. "The same definition" is decided on
/// symbols, never on text: the same local, field, property or constant, or calls of the same method (a policy factory,
/// whatever its arguments). The primary is found live through definitions in any type (another stack's property, a
/// static holder); through parameters (stack props, a constructor argument) only at compilation end, from the call sites.
/// </summary>
internal static class ReplicaKeyPolicyRule
{
    /// <summary>Judges the keys and replicas of one pass (<see cref="CdkKeyFlow.Register"/>).</summary>
    public static void Report(CdkScope scope)
    {
        foreach (var replica in scope.Replicas)
        {
            scope.CancellationToken.ThrowIfCancellationRequested();
            // At compilation end, what the live pass finds was reported while typing.
            if (scope.IsCompilationEnd && Judge(scope.Live, replica) is not null)
                continue;
            if (Judge(scope.Flow, replica) is not { } primary)
                continue;
            var descriptor = scope.IsCompilationEnd ? Descriptors.ReplicaKeyPolicyApartAtBuild : Descriptors.ReplicaKeyPolicyApart;
            scope.Report(Diagnostic.Create(descriptor, replica.Syntax.GetLocation(), scope.Flow.KeyName(replica), scope.Flow.KeyName(primary)));
        }
    }

    /// <summary>The primary whose policy the replica's is written apart from, or null when it is not (or not provably).</summary>
    private static IObjectCreationOperation? Judge(CdkKeyFlow flow, IObjectCreationOperation replica)
    {
        if (flow.PrimaryOf(replica) is not { } primary || !flow.IsMultiRegion(primary))
            return null;
        if (flow.HasPolicy(primary) is not { } primaryHasPolicy || flow.HasPolicy(replica) is not { } replicaHasPolicy)
            return null; // the props come from somewhere this model cannot see
        var primaryPolicy = primaryHasPolicy ? flow.Policy(primary) : null;
        var replicaPolicy = replicaHasPolicy ? flow.Policy(replica) : null;
        if (!primaryHasPolicy && !replicaHasPolicy)
            return null; // both take the default key policy
        if (primaryHasPolicy != (primaryPolicy is not null) || replicaHasPolicy != (replicaPolicy is not null))
            return null; // set on several paths: not one value to compare
        if (primaryPolicy is not null && replicaPolicy is not null &&
            (flow.IsPolicyOf(replicaPolicy, primary) || Meet(Definitions(flow, primaryPolicy), Definitions(flow, replicaPolicy))))
            return null;
        return primary;
    }

    /// <summary>
    /// What a policy value is defined by, nearest first: the symbols it is read from and the source method whose call
    /// builds it, following each local, field, property or props member to the one value it holds (<c>var copy = Shared;</c>).
    /// </summary>
    private static List<ISymbol> Definitions(CdkKeyFlow flow, IOperation policy)
    {
        var definitions = new List<ISymbol>();
        IOperation? current = policy;
        for (var depth = 0; current is not null && depth < CdkKeyFlow.MaxDepth; depth++)
        {
            var operation = ValueModel.Unwrap(current);
            if (ValueModel.ValueSymbol(operation) is { } symbol)
            {
                // A parameter or an instance's settable member (props.Policy) is a slot, not a definition: two reads of
                // it may hold different policies. What it holds is followed instead.
                if (!IsSlot(flow, symbol))
                    definitions.Add(symbol);
            }
            else if (operation is IInvocationOperation { TargetMethod: var method } && ValueModel.IsInSource(method))
                definitions.Add(method.OriginalDefinition); // a policy factory of this code, whatever its arguments
            current = flow.Next(operation);
        }

        return definitions;
    }

    private static bool IsSlot(CdkKeyFlow flow, ISymbol symbol) =>
        symbol is IParameterSymbol || (symbol is IPropertySymbol or IFieldSymbol && !symbol.IsStatic && !flow.Values.IsWrittenOnlyHere(symbol));

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
