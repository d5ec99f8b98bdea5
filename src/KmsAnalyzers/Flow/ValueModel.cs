using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// The values of one compilation, shared by every rule (design §2 "Values come from the whole compilation"): what a
/// local, field, property or method of any source type holds or returns, followed to its definition (initializer,
/// assignments in constructors and methods, expression and return bodies, <c>??=</c> lazy properties) in whatever type
/// and file declares it. A type's values are read from its syntax (GetOperation on its declarations) only when a rule
/// asks about one of its symbols, once per compilation, and cached; a compilation whose rules never ask builds nothing.
/// <para>
/// Parameters are the call-site direction: a model made <see cref="WithCallSites"/> answers a parameter with the
/// arguments of every call in the compilation (known only at compilation end); the live model answers nothing.
/// </para>
/// </summary>
internal sealed class ValueModel
{
    /// <summary>How many definitions, calls and parameters a value is followed through before the trace gives up.</summary>
    internal const int MaxDepth = 8;

    private static readonly ConditionalWeakTable<Compilation, ValueModel> Models = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<ISymbol, TypeValueFlow> _types;
    private readonly CallSites? _callSites;

    private ValueModel(Compilation compilation, ConcurrentDictionary<ISymbol, TypeValueFlow> types, CallSites? callSites)
    {
        _compilation = compilation;
        _types = types;
        _callSites = callSites;
    }

    /// <summary>The compilation's model (definition direction), shared by every analyzer that asks.</summary>
    public static ValueModel For(Compilation compilation) =>
        Models.GetValue(compilation, static c => new ValueModel(c, new ConcurrentDictionary<ISymbol, TypeValueFlow>(SymbolEqualityComparer.Default), null));

    /// <summary>The same values, plus parameters answered from every call site the compilation has (compilation end).</summary>
    public ValueModel WithCallSites(CallSites callSites) => new(_compilation, _types, callSites);

    public bool HasCallSites => _callSites is not null;

    public Compilation Compilation => _compilation;

    private readonly ConcurrentDictionary<(string Rule, SyntaxNode Node), byte> _claims = new();

    /// <summary>
    /// True the first time a rule claims a node in this compilation: a finding in a definition shared by several types
    /// (a policy class) is reached from each of them and must be reported once.
    /// </summary>
    public bool Claim(string rule, SyntaxNode node) => _claims.TryAdd((rule, node), 0);

    /// <summary>Every value <paramref name="symbol"/> is given in its declaring type (for a parameter: at every call site).</summary>
    public IReadOnlyList<IOperation> ValuesOf(ISymbol symbol)
    {
        if (symbol is IParameterSymbol parameter)
            return _callSites?.ArgumentsFor(parameter) ?? (IReadOnlyList<IOperation>)Array.Empty<IOperation>();
        return FlowOf(symbol)?.ValuesOf(symbol) ?? Array.Empty<IOperation>();
    }

    /// <summary>Values assigned to <c>symbol.member</c> after its creation, in the type that holds the symbol.</summary>
    public IReadOnlyList<IOperation> MemberValuesOf(ISymbol symbol, string member) =>
        FlowOf(symbol)?.MemberValuesOf(symbol, member) ?? Array.Empty<IOperation>();

    /// <summary>The calls made on <paramref name="symbol"/>'s object in the type that holds it.</summary>
    public IReadOnlyList<IOperation> CallsOn(ISymbol symbol) => MemberValuesOf(symbol, TypeValueFlow.CallsMember);

    // Parameters asked about on this thread by a model without call sites: an answer that depended on one may change at
    // compilation end, any other answer cannot. Per thread, because a rule asks its questions on one thread at a time.
    [ThreadStatic]
    private static int t_openParameters;

    /// <summary>How many questions on this thread met a parameter that only the call sites could answer (compare before and after).</summary>
    public static int OpenParameters => t_openParameters;

    /// <summary>Counts a cached answer that met such a parameter when it was first computed.</summary>
    public static void NoteOpenParameter() => t_openParameters++;

    /// <summary>
    /// Whether the values this model sees for <paramref name="symbol"/> are all it can hold: locals; private, readonly or
    /// const fields; properties without a public setter; non-virtual source methods; parameters only where every call
    /// site is known. A public settable member may be replaced by any caller, so what its type assigns proves nothing.
    /// </summary>
    public bool IsWrittenOnlyHere(ISymbol symbol)
    {
        var known = symbol switch
        {
            ILocalSymbol => true,
            IFieldSymbol field => field.IsConst || field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private,
            IPropertySymbol property => property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private,
            IMethodSymbol method => !method.IsVirtual && !method.IsAbstract && !method.IsOverride && !method.IsExtern,
            IParameterSymbol parameter => _callSites is not null && parameter.RefKind == RefKind.None && !parameter.IsParams &&
                parameter.ContainingSymbol is IMethodSymbol,
            _ => false,
        };
        if (!known)
        {
            if (_callSites is null && symbol is IParameterSymbol)
                t_openParameters++;
            return false;
        }

        if (symbol is IParameterSymbol p)
            return FlowOf(p)?.IsOpaque(p) != true;
        return FlowOf(symbol) is { } flow && !flow.IsOpaque(symbol);
    }

    /// <summary>The local, field, property, parameter or source method (its call) an expression reads, when it reads one directly.</summary>
    public static ISymbol? ValueSymbol(IOperation operation) => Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation { Property.Parameters.IsEmpty: true } property => property.Property.OriginalDefinition,
        IInvocationOperation { TargetMethod: { IsGenericMethod: false } method } when IsInSource(method) => method.OriginalDefinition,
        _ => null,
    };

    public static bool IsInSource(ISymbol symbol) => !symbol.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>Strips conversions, parentheses and lazy initialization: <c>_x ??= v</c> and <c>_x ?? (_x = v)</c> read <c>_x</c>.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        for (var i = 0; i < 64; i++)
        {
            operation = Conversions.Strip(operation);
            switch (operation)
            {
                case ICoalesceAssignmentOperation { Target: var target }:
                    operation = target; // its values include the assigned one
                    continue;
                case ICoalesceOperation { Value: var value, WhenNull: var whenNull } when IsAssignmentTo(Conversions.Strip(whenNull), value):
                    operation = value; // _x ?? (_x = v): the assignment is recorded as one of _x's values
                    continue;
                case ISimpleAssignmentOperation { Value: var assigned } when operation.Parent is not IObjectOrCollectionInitializerOperation:
                    operation = assigned;
                    continue;
            }

            return operation;
        }

        return operation;
    }

    private static bool IsAssignmentTo(IOperation operation, IOperation read) =>
        operation is ISimpleAssignmentOperation { Target: var target } && ValueSymbol(target) is { } written &&
        SymbolEqualityComparer.Default.Equals(written, ValueSymbol(read));

    /// <summary>The value of <c>instance.Member</c>: from the creation's object initializer (or a record's positional argument), or set once afterwards.</summary>
    public IOperation? MemberValue(IOperation instance, string member, int depth = 0)
    {
        var values = MemberValues(instance, member, depth);
        return values is { Count: 1 } ? values[0] : null;
    }

    /// <summary>
    /// Every value <c>instance.Member</c> may hold, one per creation the instance may come from (several when a
    /// parameter has several call sites); null when any of them is unknown.
    /// </summary>
    public IReadOnlyList<IOperation>? MemberValues(IOperation instance, string member, int depth = 0)
    {
        if (depth > MaxDepth)
            return null;
        var operation = Unwrap(instance);
        if (operation is IObjectCreationOperation creation)
            return CreationMember(creation, member) is { } found ? new[] { found } : null;

        if (ValueSymbol(operation) is not { } symbol)
            return null;
        var later = MemberValuesOf(symbol, member);
        if (later.Count > 0)
            return later.Count == 1 ? new[] { later[0] } : null;
        if (!IsWrittenOnlyHere(symbol))
            return null;
        var sources = ValuesOf(symbol);
        if (sources.Count == 0)
            return null;
        var result = new List<IOperation>(sources.Count);
        foreach (var source in sources)
        {
            if (MemberValues(source, member, depth + 1) is not { } inner)
                return null;
            result.AddRange(inner);
        }

        return result;
    }

    private static IOperation? CreationMember(IObjectCreationOperation creation, string member)
    {
        IOperation? found = null;
        if (creation.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation or IFieldReferenceOperation } assignment &&
                    ((IMemberReferenceOperation)assignment.Target).Member.Name == member)
                    found = assignment.Value;
            }
        }

        if (found is null && creation.Type is INamedTypeSymbol { IsRecord: true })
        {
            // record ReplicaProps(string PrimaryKeyArn): the positional argument is the property's value.
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == member && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    return argument.Value;
            }
        }

        return found;
    }

    /// <summary>The constant string an expression evaluates to, through symbols written once (in any type).</summary>
    public string? ConstantString(IOperation value, int depth = 0)
    {
        if (depth > MaxDepth)
            return null;
        var operation = Unwrap(value);
        if (operation.ConstantValue.Value is string text)
            return text;
        return SingleValue(operation) is { } single ? ConstantString(single, depth + 1) : null;
    }

    /// <summary>The one value a local, field, property, parameter or call can hold, when the model sees all its writes and there is one.</summary>
    public IOperation? SingleValue(IOperation operation) =>
        ValueSymbol(operation) is { } symbol && IsWrittenOnlyHere(symbol) && ValuesOf(symbol) is { Count: 1 } values ? values[0] : null;

    private TypeValueFlow? FlowOf(ISymbol symbol)
    {
        var type = symbol is IParameterSymbol or ILocalSymbol ? symbol.ContainingType : symbol.ContainingType?.OriginalDefinition;
        if (type is null || !IsInSource(type))
            return null;
        if (_types.TryGetValue(type, out var flow))
            return flow;
        flow = Build(type, CancellationToken.None); // bounded by the type's size; shared by concurrent callers, so not cancelled by one
        return _types.GetOrAdd(type, flow);
    }

    // Reads the type's declarations: every member body and initializer of every partial part (nested types excluded).
    private TypeValueFlow Build(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var flow = new TypeValueFlow();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            // The model of the driver's operations where a callback offered it (SourceSearch.OfferOperationModel says why).
            var semanticModel = SourceSearch.For(_compilation).Model(declaration.SyntaxTree);
            foreach (var (root, owner) in Roots(declaration, semanticModel, cancellationToken))
            {
                if (semanticModel.GetOperation(root, cancellationToken) is { } operation)
                    Walk(flow, operation, owner, cancellationToken);
            }
        }

        return flow;
    }

    private static IEnumerable<(SyntaxNode Root, ISymbol? Owner)> Roots(SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (declaration is CompilationUnitSyntax unit)
        {
            // Top-level statements: the synthesized Program's entry point.
            var entryPoint = model.GetDeclaredSymbol(unit, cancellationToken);
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax global)
                    yield return (global.Statement, entryPoint);
            }

            yield break;
        }

        if (declaration is not TypeDeclarationSyntax type)
            yield break;
        if (type is { ParameterList: not null, BaseList: { } baseList })
        {
            foreach (var baseType in baseList.Types)
            {
                if (baseType is PrimaryConstructorBaseTypeSyntax primaryBase)
                    yield return (primaryBase, null);
            }
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    yield return (method, model.GetDeclaredSymbol(method, cancellationToken));
                    break;
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is { } initializer)
                            yield return (initializer, null);
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    var symbol = model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol;
                    if (property.Initializer is { } propertyInitializer)
                        yield return (propertyInitializer, null);
                    if (property.ExpressionBody is { } arrow)
                        yield return (arrow, symbol?.GetMethod);
                    if (property.AccessorList is { } accessors)
                    {
                        foreach (var accessor in accessors.Accessors)
                        {
                            if (accessor.Body is not null || accessor.ExpressionBody is not null)
                                yield return (accessor, model.GetDeclaredSymbol(accessor, cancellationToken));
                        }
                    }

                    break;
            }
        }
    }

    // Iterative: a long expression must not overflow the stack. Returns inside lambdas and local functions are theirs.
    private static void Walk(TypeValueFlow flow, IOperation root, ISymbol? owner, CancellationToken cancellationToken)
    {
        var pending = new Stack<(IOperation Operation, bool Nested)>();
        pending.Push((root, false));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (operation, nested) = pending.Pop();
            if (operation is not IReturnOperation || !nested)
                flow.RecordWrite(operation, owner);
            var inner = nested || operation is IAnonymousFunctionOperation or ILocalFunctionOperation;
            foreach (var child in operation.ChildOperations)
                pending.Push((child, inner));
        }
    }
}

/// <summary>
/// The call-site direction of <see cref="ValueModel"/>: a parameter's values are the arguments of every call of its
/// method in the compilation, found on demand by <see cref="SourceSearch"/> (asked only at compilation end, where every
/// call is known).
/// </summary>
internal sealed class CallSites
{
    private readonly SourceSearch _search;
    private readonly CancellationToken _cancellationToken;

    public CallSites(Compilation compilation, CancellationToken cancellationToken)
    {
        _search = SourceSearch.For(compilation);
        _cancellationToken = cancellationToken;
    }

    /// <summary>The argument given to <paramref name="parameter"/> at every call; empty when the method is never called here.</summary>
    public IReadOnlyList<IOperation> ArgumentsFor(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || !ValueModel.IsInSource(method))
            return Array.Empty<IOperation>();
        var arguments = new List<IOperation>();
        foreach (var call in _search.CallsOf(method, _cancellationToken))
        {
            var list = call switch
            {
                IObjectCreationOperation creation => creation.Arguments,
                IInvocationOperation invocation => invocation.Arguments,
                _ => default,
            };
            foreach (var argument in list)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal)
                    arguments.Add(argument.Value);
            }
        }

        return arguments;
    }
}
