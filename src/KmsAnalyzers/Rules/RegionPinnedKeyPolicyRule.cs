using System.Collections.Generic;
using System.Collections.Immutable;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Rules;

/// <summary>
/// KMS0007: a constant string that names a Region (a Region code, or any service's ARN with a Region field) inside
/// the policy of a multi-Region key (<c>CfnKey</c> or L2 <c>Key</c>), of a <c>CfnReplicaKey</c>, or of a policy
/// definition they share: locals, fields, properties and policy factory methods are followed into any type and file
/// (a shared <c>KeyPolicies</c> class). A replica deployed in another Region keeps pointing at the Region written here.
/// A policy or multi-Region setting that comes in through parameters (stack props) is judged at compilation end.
/// </summary>
internal static class RegionPinnedKeyPolicyRule
{
    // Hops from a symbol to its values or from a call to what it returns; nesting inside one expression is not counted
    // (a policy is deeply nested), only bounded against pathological input.
    private const int MaxHops = 16;
    private const int MaxNesting = 256;

    private readonly struct Finding
    {
        public Finding(SyntaxNode node, string key, string region, bool isShared)
        {
            Node = node;
            Key = key;
            Region = region;
            IsShared = isShared;
        }

        /// <summary>Whether the constant lies in a definition of another type than the key's.</summary>
        public bool IsShared { get; }

        public SyntaxNode Node { get; }
        public string Key { get; }
        public string Region { get; }
    }

    /// <summary>Judges the keys and replicas of one pass (<see cref="CdkKeyFlow.Register"/>).</summary>
    public static void Report(CdkScope scope)
    {
        var findings = Findings(scope.Flow, scope);
        if (!scope.IsCompilationEnd)
        {
            foreach (var finding in findings)
            {
                // A constant in a definition shared across types (a KeyPolicies class) is reached from every key that
                // uses it: reported once per compilation, named after that definition so that the message does not
                // depend on which type finished first.
                if (finding.IsShared && !scope.Flow.Values.Claim(DiagnosticIds.RegionPinnedInKeyPolicy, finding.Node))
                    continue;
                scope.Report(Diagnostic.Create(Descriptors.RegionPinnedInKeyPolicy, finding.Node.GetLocation(), finding.Key, finding.Region));
            }

            return;
        }

        // Compilation end: only what parameters (call sites) add to what the live pass already reported.
        var live = new HashSet<SyntaxNode>();
        foreach (var finding in Findings(scope.Live, scope))
            live.Add(finding.Node);
        foreach (var finding in findings)
        {
            if (!live.Contains(finding.Node))
                scope.Report(Diagnostic.Create(Descriptors.RegionPinnedInKeyPolicyAtBuild, finding.Node.GetLocation(), finding.Key, finding.Region));
        }
    }

    private static List<Finding> Findings(CdkKeyFlow flow, CdkScope scope)
    {
        var findings = new List<Finding>();
        var reported = new HashSet<SyntaxNode>();
        var visited = new HashSet<IOperation>(OperationComparer.Instance);
        foreach (var key in scope.Keys)
        {
            if (flow.IsMultiRegion(key) && flow.Policy(key) is { } policy)
                new Walker(flow, scope, key, findings, reported, visited).Walk(policy, 0, 0);
        }

        visited.Clear();
        foreach (var replica in scope.Replicas)
        {
            if (flow.Policy(replica) is { } policy)
                new Walker(flow, scope, replica, findings, reported, visited).Walk(policy, 0, 0);
        }

        return findings;
    }

    private sealed class Walker
    {
        private readonly CdkKeyFlow _flow;
        private readonly CdkScope _scope;
        private readonly IObjectCreationOperation _key;
        private readonly List<Finding> _findings;
        private readonly HashSet<SyntaxNode> _reported;
        private readonly HashSet<IOperation> _visited;
        private readonly HashSet<IReadOnlyList<IOperation>> _followed = new(); // lists and arrays compare by reference
        private readonly SyntaxNode? _keyType;
        private string? _keyName;

        public Walker(CdkKeyFlow flow, CdkScope scope, IObjectCreationOperation key, List<Finding> findings, HashSet<SyntaxNode> reported, HashSet<IOperation> visited)
        {
            _flow = flow;
            _scope = scope;
            _key = key;
            _findings = findings;
            _reported = reported;
            _visited = visited;
            _keyType = EnclosingType(key.Syntax);
        }

        private void Add(IOperation operation, string region)
        {
            if (!_reported.Add(operation.Syntax))
                return;
            // Inside the key's own type the key names the finding; in a definition of another type (a shared policy
            // class), the definition does.
            if (EnclosingType(operation.Syntax) != _keyType && DefinitionName(operation.Syntax) is { } definition)
                _findings.Add(new Finding(operation.Syntax, definition, region, isShared: true));
            else
                _findings.Add(new Finding(operation.Syntax, _keyName ??= _flow.KeyName(_key), region, isShared: false));
        }

        public void Walk(IOperation operation, int hops, int nesting)
        {
            // Only a root (a policy, a value followed to) is remembered: an operation inside one is reached only
            // through it, and a set of every operation walked cost most of the walk.
            if (hops > MaxHops || nesting > MaxNesting || (nesting == 0 && !_visited.Add(operation)))
                return;
            _scope.CancellationToken.ThrowIfCancellationRequested();

            // (An assignment in an anonymous object carries its value's constant; the value itself is reported.)
            if (operation is not ISimpleAssignmentOperation && operation.ConstantValue.Value is string constant)
            {
                // One finding per constant expression, at the outermost one (a concatenation, not each literal).
                if (RegionCodeScanner.TryFind(constant, 0, out var start, out var length))
                    Add(operation, constant.Substring(start, length));
                return;
            }

            if (operation is IInterpolatedStringOperation interpolated)
            {
                // Built at run time, but its text may still name a Region: report the string once, then walk the holes.
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } &&
                        RegionCodeScanner.TryFind(text, 0, out var start, out var length))
                        Add(operation, text.Substring(start, length));
                    else if (part is IInterpolationOperation { Expression: var hole })
                        Walk(hole, hops, nesting + 1);
                }

                return;
            }

            // primary.KeyPolicy: the replica reuses that key's policy, and only the policy matters (not its Description).
            if (_flow.PolicyOwner(operation) is { } owner)
            {
                if (_flow.Policy(owner) is { } ownerPolicy)
                    Walk(ownerPolicy, hops + 1, 0);
                return;
            }

            // A construct and its attributes (key.AttrArn, stack.Region) are deployment tokens, not text of this policy.
            if (operation is IObjectCreationOperation creation && _flow.Cdk.IsConstruct(creation.Type))
                return;
            if (operation is IPropertyReferenceOperation { Instance: { } construct } && _flow.Cdk.IsConstruct(construct.Type))
                return;

            // Follow what a local, field, property or props member holds, and what a policy factory returns. A constant
            // is not followed: its use above is the finding, and its declaration must stay constant.
            var symbol = ValueModel.ValueSymbol(operation);
            if (symbol is not (IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true }) && _flow.Alternatives(operation) is { } values)
            {
                Follow(values, hops);
                if (symbol is not null && symbol is not IMethodSymbol)
                    Follow(_flow.Values.CallsOn(symbol), hops);
            }
            else if (operation is IInvocationOperation invocation && ValueModel.IsInSource(invocation.TargetMethod))
            {
                Follow(_flow.Values.ValuesOf(invocation.TargetMethod.OriginalDefinition), hops);
            }

            // props.KeyPolicy: the policy is that member, not the object it is read from (props.Env names a Region too).
            var instance = (operation as IMemberReferenceOperation)?.Instance;
            foreach (var child in operation.ChildOperations)
            {
                if (child != instance)
                    Walk(child, hops, nesting + 1);
            }
        }

        // The same list of values (a symbol's writes, the calls on it) is met at every read of the symbol: walked once,
        // every value in it is in _visited, so walking it again at any read changes nothing and cost n² for n reads.
        private void Follow(IReadOnlyList<IOperation> values, int hops)
        {
            if (hops >= MaxHops || values.Count == 0 || !_followed.Add(values))
                return;
            foreach (var value in values)
                Walk(value, hops + 1, 0);
        }
    }

    private static SyntaxNode? EnclosingType(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is BaseTypeDeclarationSyntax or CompilationUnitSyntax)
                return ancestor;
        }

        return null;
    }

    // KeyPolicies.ForOrders: the member (method, property, field) that holds a constant, qualified by its type.
    private static string? DefinitionName(SyntaxNode node)
    {
        string? member = null;
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method when member is null:
                    member = method.Identifier.ValueText;
                    break;
                case PropertyDeclarationSyntax property when member is null:
                    member = property.Identifier.ValueText;
                    break;
                case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } field when member is null:
                    member = field.Identifier.ValueText;
                    break;
                case BaseTypeDeclarationSyntax type:
                    return member is null ? null : type.Identifier.ValueText + "." + member;
            }
        }

        return null;
    }
}
