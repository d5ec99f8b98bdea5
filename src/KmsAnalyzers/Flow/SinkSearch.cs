using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using KmsAnalyzers.Roslyn;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>A key-identifier sink of <c>kms-sinks.json</c> that a value reaches.</summary>
internal readonly struct ReachedSink
{
    public ReachedSink(string displayName, KeyForms accepts)
    {
        DisplayName = displayName;
        Accepts = accepts;
    }

    public string DisplayName { get; }
    public KeyForms Accepts { get; }
}

/// <summary>
/// Where a constant value goes: the SDK sinks it reaches directly or through locals, fields, properties, constants,
/// parameters of the compilation's own methods and return values, across types and files (definition direction,
/// followed forwards from the value). A value is followed only while it stays itself: a concatenation or a call of a
/// library method ends the path. One instance per compilation; what a symbol reaches is computed once and kept.
/// </summary>
/// <remarks>
/// The search starts at the value, in the value's own callback, so a finding is a function of the compilation alone
/// (no state shared between callbacks decides whether or where to report) and shows as the code is typed. Uses in other
/// files are found through an index of identifier names, built on the first search that needs it: a compilation
/// without a candidate value never pays for it.
/// </remarks>
internal sealed class SinkSearch
{
    private const int MaxHops = 8;
    private const int MaxSinks = 16;
    private readonly SourceSearch _source;
    private readonly ConcurrentDictionary<ISymbol, List<ReachedSink>> _bySymbol = new(SymbolEqualityComparer.Default);

    public SinkSearch(Compilation compilation) => _source = SourceSearch.For(compilation);

    /// <summary>The sinks that the value of <paramref name="value"/> reaches, in a fixed order (source order of the uses).</summary>
    public List<ReachedSink> Find(IOperation value, string constant, CancellationToken cancellationToken)
    {
        _source.Offer(value.SemanticModel);
        var walk = new Walk(constant, cancellationToken);
        FromValue(value, walk, 0);
        return walk.Sinks;
    }

    private sealed class Walk
    {
        public Walk(string constant, CancellationToken cancellationToken)
        {
            Constant = constant;
            CancellationToken = cancellationToken;
        }

        public string Constant { get; }
        public CancellationToken CancellationToken { get; }
        public List<ReachedSink> Sinks { get; set; } = new();
        public HashSet<ISymbol> Visiting { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>A cycle or the hop bound cut the search: what was found is true but may be incomplete, so it is not kept.</summary>
        public bool Cut { get; set; }

        public void Add(ReachedSink sink)
        {
            if (Sinks.Count >= MaxSinks)
                return;
            foreach (var known in Sinks)
            {
                if (known.DisplayName == sink.DisplayName)
                    return;
            }

            Sinks.Add(sink);
        }
    }

    private enum Entry
    {
        Write,
        Return,
    }

    /// <summary>Follows the value of <paramref name="operation"/> to where it is stored, passed or used.</summary>
    private void FromValue(IOperation operation, Walk walk, int hops)
    {
        var current = operation;
        var parent = Climb(ref current, walk.Constant);
        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Value == current:
                if (assignment.Target is IPropertyReferenceOperation { Property: var property } && KnownSinks.FindProperty(property) is { } propertySink)
                    walk.Add(new ReachedSink(propertySink.DisplayName, propertySink.Accepts));
                else if (TargetSymbol(assignment.Target) is { } target)
                    FromSymbol(target, Entry.Write, walk, hops);
                break;
            case ICoalesceAssignmentOperation assignment when assignment.Value == current:
                if (TargetSymbol(assignment.Target) is { } coalesced)
                    FromSymbol(coalesced, Entry.Write, walk, hops);
                break;
            case IArgumentOperation { Parameter: { } parameter } argument:
                if (KnownSinks.FindParameter(parameter) is { } parameterSink)
                    walk.Add(new ReachedSink(parameterSink.DisplayName, parameterSink.Accepts));
                else if (argument.Parent is IInvocationOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation collection } })
                    FromValue(collection, walk, hops); // new List<string> { id }: the list carries the value
                else if (parameter.RefKind == RefKind.None && IsInSource(parameter))
                    FromSymbol(parameter, Entry.Write, walk, hops);
                break;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                FromSymbol(declarator.Symbol, Entry.Write, walk, hops);
                break;
            case IFieldInitializerOperation initializer:
                foreach (var field in initializer.InitializedFields)
                    FromSymbol(field, Entry.Write, walk, hops);
                break;
            case IPropertyInitializerOperation initializer:
                foreach (var initialized in initializer.InitializedProperties)
                    FromSymbol(initialized, Entry.Write, walk, hops);
                break;
            case IParameterInitializerOperation { Parameter: var defaultOf }:
                FromSymbol(defaultOf, Entry.Write, walk, hops); // the default value, when a caller leaves the argument out
                break;
            case IReturnOperation { Kind: OperationKind.Return } @return when ReturningMember(@return) is { } member:
                FromSymbol(member, Entry.Return, walk, hops);
                break;
            case IArrayInitializerOperation { Parent: IArrayCreationOperation array }:
                FromValue(array, walk, hops);
                break;
        }
    }

    /// <summary>
    /// Climbs over what passes the value on unchanged: conversions, parentheses, the branches of <c>?:</c>,
    /// <c>??</c> and switch expressions, and a constant concatenation or interpolation whose value is still the same.
    /// </summary>
    private static IOperation? Climb(ref IOperation current, string constant)
    {
        var parent = current.Parent;
        while (parent is not null)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                case IConditionalOperation conditional when conditional.Condition != current:
                case ICoalesceOperation:
                case ISwitchExpressionOperation switchExpression when switchExpression.Value != current:
                case ISwitchExpressionArmOperation arm when arm.Value == current:
                    break;
                case IInterpolationOperation or IInterpolatedStringOperation or IBinaryOperation:
                    if (parent is IInterpolationOperation || parent.ConstantValue.Value is string same && same == constant)
                        break;
                    return null; // the value became part of another one
                default:
                    return parent;
            }

            current = parent;
            parent = parent.Parent;
        }

        return null;
    }

    private static ISymbol? TargetSymbol(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => IsInSource(field.Field) ? field.Field : null,
        IPropertyReferenceOperation { Property.Parameters.IsEmpty: true } property => IsInSource(property.Property) ? property.Property : null,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    // The property or method whose value a return statement (or an expression body) gives.
    private static ISymbol? ReturningMember(IReturnOperation operation)
    {
        if (operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is not IMethodSymbol method)
            return null;
        return method.MethodKind switch
        {
            MethodKind.PropertyGet => method.AssociatedSymbol is IPropertySymbol { Parameters.IsEmpty: true } property ? property : null,
            MethodKind.Ordinary => method,
            _ => null, // lambdas, local functions, operators: not followed
        };
    }

    /// <summary>Follows every read of <paramref name="symbol"/>, once the symbol is known to hold only constants.</summary>
    private void FromSymbol(ISymbol symbol, Entry entry, Walk walk, int hops)
    {
        symbol = symbol.OriginalDefinition;
        if (entry == Entry.Write && symbol is IPropertySymbol property && !IsAutoProperty(property))
            return; // a computed getter does not give back what was stored
        if (_bySymbol.TryGetValue(symbol, out var known))
        {
            foreach (var sink in known)
                walk.Add(sink);
            return;
        }

        if (hops >= MaxHops || !walk.Visiting.Add(symbol))
        {
            walk.Cut = true;
            return;
        }

        var outer = walk.Sinks;
        var outerCut = walk.Cut;
        walk.Sinks = new List<ReachedSink>();
        walk.Cut = false;
        var reads = new List<IOperation>();
        var holdsOnlyConstants = CollectUses(symbol, reads, walk.CancellationToken);
        if (holdsOnlyConstants)
        {
            foreach (var read in reads)
                FromValue(read, walk, hops + 1);
        }

        var found = walk.Sinks;
        if (!walk.Cut)
            _bySymbol.TryAdd(symbol, found);
        walk.Visiting.Remove(symbol);
        walk.Sinks = outer;
        walk.Cut |= outerCut;
        foreach (var sink in found)
            walk.Add(sink);
    }

    /// <summary>
    /// Collects the reads of <paramref name="symbol"/>; false when something writes it a value that is not a constant
    /// (then its reads prove nothing about where a constant goes).
    /// </summary>
    private bool CollectUses(ISymbol symbol, List<IOperation> reads, CancellationToken cancellationToken)
    {
        if (!InitializerIsConstantOrAbsent(symbol, cancellationToken))
            return false;
        foreach (var (tree, scope) in SearchScopes(symbol, cancellationToken))
        {
            var model = Model(tree);
            foreach (var token in _source.IdentifiersNamed(scope, symbol.Name, cancellationToken))
            {
                if (token.Parent is not IdentifierNameSyntax name)
                    continue;
                var node = ValueNode(name);
                if (model.GetOperation(node, cancellationToken) is not { } use || !Refers(use, symbol))
                    continue;
                switch (ClassifyUse(use))
                {
                    case UseKind.Read:
                        reads.Add(use);
                        break;
                    case UseKind.UnknownWrite:
                        return false;
                }
            }
        }

        return true;
    }

    private enum UseKind
    {
        Read,
        KnownWrite,
        UnknownWrite,
    }

    private static UseKind ClassifyUse(IOperation use)
    {
        var current = Conversions.Outermost(use);
        return current.Parent switch
        {
            ISimpleAssignmentOperation assignment when assignment.Target == current =>
                IsConstantOrCopy(assignment.Value) ? UseKind.KnownWrite : UseKind.UnknownWrite,
            ICoalesceAssignmentOperation assignment when assignment.Target == current =>
                IsConstantOrCopy(assignment.Value) ? UseKind.KnownWrite : UseKind.UnknownWrite,
            ICompoundAssignmentOperation assignment when assignment.Target == current => UseKind.UnknownWrite,
            IDeconstructionAssignmentOperation => UseKind.UnknownWrite,
            IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } => UseKind.UnknownWrite,
            _ when current.Parent is ITupleOperation { Parent: IDeconstructionAssignmentOperation } => UseKind.UnknownWrite,
            _ => UseKind.Read,
        };
    }

    /// <summary>
    /// A write that passes a constant or another symbol's value on (<c>copy = local</c>, <c>id = prod ? A : B</c>);
    /// anything computed (<c>id = Normalize(id)</c>) may replace the constant, so the reads prove nothing.
    /// </summary>
    private static bool IsConstantOrCopy(IOperation? value)
    {
        return (value is null ? null : Conversions.Strip(value)) switch
        {
            null => false,
            { ConstantValue.HasValue: true } => true,
            ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation => true,
            IPropertyReferenceOperation { Property.Parameters.IsEmpty: true } => true,
            IConditionalOperation conditional => IsConstantOrCopy(conditional.WhenTrue) && IsConstantOrCopy(conditional.WhenFalse),
            ICoalesceOperation coalesce => IsConstantOrCopy(coalesce.Value) && IsConstantOrCopy(coalesce.WhenNull),
            _ => false,
        };
    }

    private static bool Refers(IOperation use, ISymbol symbol)
    {
        var referenced = use switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            IInvocationOperation invocation => invocation.TargetMethod,
            _ => null,
        };
        return referenced is not null && SymbolEqualityComparer.Default.Equals(referenced.OriginalDefinition, symbol);
    }

    // x, this.x, Keys.X, Keys.M(): the node whose operation is the read (or the call).
    private static SyntaxNode ValueNode(IdentifierNameSyntax name)
    {
        SyntaxNode node = name;
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node)
            node = access;
        else if (node.Parent is MemberBindingExpressionSyntax binding && binding.Name == node)
            node = binding;
        if (node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node)
            node = invocation;
        return node;
    }

    private bool InitializerIsConstantOrAbsent(ISymbol symbol, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var value = reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax declaration => declaration.Initializer?.Value,
                _ => null,
            };
            if (value is not null && !IsConstantOrCopy(Model(value.SyntaxTree).GetOperation(value, cancellationToken)))
                return false;
        }

        return true;
    }

    /// <summary>Where uses of <paramref name="symbol"/> can be: its method, its type, or every file that names it.</summary>
    private IEnumerable<(SyntaxTree Tree, SyntaxNode Scope)> SearchScopes(ISymbol symbol, CancellationToken cancellationToken)
    {
        switch (symbol)
        {
            case ILocalSymbol or IParameterSymbol:
                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    if (Owner(reference.GetSyntax(cancellationToken)) is { } owner)
                        yield return (owner.SyntaxTree, owner);
                }

                yield break;
            case { DeclaredAccessibility: Accessibility.Private, ContainingType: { } type }:
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax(cancellationToken);
                    yield return (declaration.SyntaxTree, declaration);
                }

                yield break;
            default:
                foreach (var tree in _source.TreesThatMayName(symbol.Name, cancellationToken))
                    yield return (tree, tree.GetRoot(cancellationToken));

                yield break;
        }
    }

    // The member (or the file, for top-level statements) that a local or parameter belongs to.
    private static SyntaxNode? Owner(SyntaxNode declaration)
    {
        if (declaration is ParameterSyntax { Parent: BaseParameterListSyntax { Parent: { } parameterOwner } })
            return parameterOwner is LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or BaseMethodDeclarationSyntax or TypeDeclarationSyntax or IndexerDeclarationSyntax
                ? parameterOwner
                : parameterOwner.Parent;
        if (declaration is ParameterSyntax { Parent: SimpleLambdaExpressionSyntax lambda })
            return lambda;
        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            if (node is GlobalStatementSyntax)
                return node.Parent;
            if (node is MemberDeclarationSyntax)
                return node;
        }

        return null;
    }

    private SemanticModel Model(SyntaxTree tree) => _source.Model(tree);

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
                return false;
            foreach (var accessor in accessors.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                    return false;
            }
        }

        return !property.DeclaringSyntaxReferences.IsEmpty;
    }

    private static bool IsInSource(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
                return true;
        }

        return false;
    }
}
