using System.Collections.Generic;
using System.Collections.Immutable;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers;

/// <summary>
/// KMS0007: a constant string that names a Region (a Region code, or any service's ARN with a Region field) inside
/// the <c>KeyPolicy</c> of a multi-Region <c>CfnKey</c>, of a <c>CfnReplicaKey</c>, or of a policy definition they
/// share: locals, fields, properties and policy factory methods of the same type are followed. A replica deployed in
/// another Region keeps pointing at the Region written here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegionPinnedKeyPolicyAnalyzer : DiagnosticAnalyzer
{
    // Hops from a symbol to its values or from a call to what it returns; nesting inside one expression is not counted
    // (a policy is deeply nested), only bounded against pathological input.
    private const int MaxHops = 16;
    private const int MaxNesting = 256;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RegionPinnedInKeyPolicy);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        CdkKeyFlow.Register(context, Report);
    }

    private static void Report(SymbolAnalysisContext context, CdkKeyFlow flow)
    {
        var reported = new HashSet<SyntaxNode>();
        var visited = new HashSet<IOperation>();
        foreach (var key in flow.Keys)
        {
            if (flow.IsMultiRegion(key) && flow.Policy(key) is { } policy)
                Walk(context, flow, policy, CdkKeyFlow.ConstructId(key), visited, reported, 0, 0);
        }

        visited.Clear();
        foreach (var replica in flow.Replicas)
        {
            if (flow.Policy(replica) is { } policy)
                Walk(context, flow, policy, CdkKeyFlow.ConstructId(replica), visited, reported, 0, 0);
        }
    }

    private static bool IsConstant(ISymbol symbol) => symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true };

    private static void Walk(
        SymbolAnalysisContext context, CdkKeyFlow flow, IOperation operation, string keyId,
        HashSet<IOperation> visited, HashSet<SyntaxNode> reported, int hops, int nesting)
    {
        if (hops > MaxHops || nesting > MaxNesting || !visited.Add(operation))
            return;
        context.CancellationToken.ThrowIfCancellationRequested();

        // (An assignment in an anonymous object carries its value's constant; the value itself is reported.)
        if (operation is not ISimpleAssignmentOperation && operation.ConstantValue.Value is string constant)
        {
            // One finding per constant expression, at the outermost one (a concatenation, not each literal).
            if (RegionTokens.TryFind(constant, 0, out var start, out var length) && reported.Add(operation.Syntax))
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RegionPinnedInKeyPolicy, operation.Syntax.GetLocation(),
                    keyId, constant.Substring(start, length)));
            return;
        }

        if (operation is IInterpolatedStringOperation interpolated)
        {
            // Built at run time, but its text may still name a Region: report the string once, then walk the holes.
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } &&
                    RegionTokens.TryFind(text, 0, out var start, out var length) && reported.Add(operation.Syntax))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.RegionPinnedInKeyPolicy, operation.Syntax.GetLocation(),
                        keyId, text.Substring(start, length)));
                }
                else if (part is IInterpolationOperation { Expression: var hole })
                {
                    Walk(context, flow, hole, keyId, visited, reported, hops, nesting + 1);
                }
            }

            return;
        }

        // Follow what a local, field or property holds, and what a policy factory of this type returns. A constant is
        // not followed: its use above is the finding, and its declaration must stay constant.
        if (TypeValueFlow.ValueSymbol(operation) is { } symbol && TypeValueFlow.IsWrittenOnlyHere(symbol) && !IsConstant(symbol))
        {
            foreach (var value in flow.Values.ValuesOf(symbol))
                Walk(context, flow, value, keyId, visited, reported, hops + 1, 0);
            foreach (var call in flow.Values.CallsOn(symbol))
                Walk(context, flow, call, keyId, visited, reported, hops + 1, 0);
        }
        else if (operation is IInvocationOperation invocation)
        {
            foreach (var value in flow.Values.ValuesOf(invocation.TargetMethod.OriginalDefinition))
                Walk(context, flow, value, keyId, visited, reported, hops + 1, 0);
        }

        foreach (var child in operation.ChildOperations)
            Walk(context, flow, child, keyId, visited, reported, hops, nesting + 1);
    }
}
