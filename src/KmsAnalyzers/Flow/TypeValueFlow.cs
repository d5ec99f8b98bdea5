using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// What one type (all its partial parts, constructors and initializers included) assigns to its locals, fields and
/// properties, and to members of those (<c>config.RegionEndpoint = …</c>, <c>request.KeyId = …</c>). A rule says
/// which values can matter to it (<see cref="IsOfInterest"/>); the rest is not kept. Filled concurrently by operation
/// callbacks, read once at symbol end.
/// </summary>
internal sealed class TypeValueFlow
{
    private const int MaxDepth = 8;
    private readonly Func<ITypeSymbol?, IOperation, bool> _isOfInterest;
    private readonly Func<ITypeSymbol?, bool> _isModel;
    private readonly object _gate = new();
    private readonly Dictionary<ISymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<(ISymbol Instance, string Member), List<IOperation>> _memberValues = new();

    /// <param name="isOfInterest">Whether a value of this type, assigned to a symbol, can matter to the rule.</param>
    /// <param name="isModel">Whether assignments to members of such an object (<c>x.Member = …</c>) are kept.</param>
    public TypeValueFlow(Func<ITypeSymbol?, IOperation, bool> isOfInterest, Func<ITypeSymbol?, bool> isModel)
    {
        _isOfInterest = isOfInterest;
        _isModel = isModel;
    }

    /// <summary>
    /// Records what a declaration, initializer or assignment statement gives a symbol; false for other operations.
    /// Object-initializer members are not recorded: they are read from their creation.
    /// </summary>
    public bool RecordWrite(IOperation operation)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment:
                if (assignment.Parent is not IObjectOrCollectionInitializerOperation)
                    RecordAssignment(assignment.Target, assignment.Value);
                return true;
            case IVariableDeclaratorOperation declarator:
                if (declarator.Initializer?.Value is { } value)
                    Record(declarator.Symbol, declarator.Symbol.Type, value);
                return true;
            case IFieldInitializerOperation initializer:
                foreach (var field in initializer.InitializedFields)
                    Record(field, field.Type, initializer.Value);
                return true;
            case IPropertyInitializerOperation initializer:
                foreach (var property in initializer.InitializedProperties)
                    Record(property, property.Type, initializer.Value);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Records <c>target = value</c> when the target is a symbol of interest.</summary>
    public void RecordAssignment(IOperation target, IOperation value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Record(local.Local, local.Local.Type, value);
                break;
            case IFieldReferenceOperation field when IsOwnMember(field.Instance):
                Record(field.Field, field.Field.Type, value);
                break;
            case IPropertyReferenceOperation property when IsOwnMember(property.Instance) && property.Property.Parameters.IsEmpty:
                Record(property.Property, property.Property.Type, value);
                break;
            case IPropertyReferenceOperation { Instance: { } instance } property when ValueSymbol(instance) is { } owner &&
                _isModel(property.Property.ContainingType):
                lock (_gate)
                    Add(_memberValues, (owner, property.Property.Name), value);
                break;
        }
    }

    /// <summary>Records a call on a local, field or property (<c>statement.AddResources(…)</c>): it changes what the object holds.</summary>
    public void RecordCall(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance && ValueSymbol(instance) is { } owner)
        {
            lock (_gate)
                Add(_memberValues, (owner, CallsMember), invocation);
        }
    }

    /// <summary>The calls made on <paramref name="symbol"/>'s object in this type.</summary>
    public IReadOnlyList<IOperation> CallsOn(ISymbol symbol) => MemberValuesOf(symbol, CallsMember);

    // Not a C# member name, so it never meets a real property.
    private const string CallsMember = "()";

    public void Record(ISymbol symbol, ITypeSymbol? type, IOperation value)
    {
        if (type is null || !_isOfInterest(type, value))
            return;
        lock (_gate)
            Add(_values, symbol, value);
    }

    /// <summary>Every value assigned to <paramref name="symbol"/> in this type; empty when none was seen.</summary>
    public IReadOnlyList<IOperation> ValuesOf(ISymbol symbol) =>
        _values.TryGetValue(symbol, out var values) ? values : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

    /// <summary>Values assigned to <c>symbol.member</c> after its creation.</summary>
    public IReadOnlyList<IOperation> MemberValuesOf(ISymbol symbol, string member) =>
        _memberValues.TryGetValue((symbol, member), out var values) ? values : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

    /// <summary>The local, field or property an expression reads, when it reads one directly.</summary>
    public static ISymbol? ValueSymbol(IOperation operation) => Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Property.Parameters.IsEmpty: true } property => property.Property,
        _ => null,
    };

    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { Operand: var operand })
            operation = operand;
        return operation;
    }

    // this.x, x, or a static member: a member of the type being analyzed rather than of some other object.
    private static bool IsOwnMember(IOperation? instance) => instance is null or IInstanceReferenceOperation;

    /// <summary>The value of <c>instance.Member</c>: from the creation's object initializer, or set once afterwards.</summary>
    public IOperation? MemberValue(IOperation instance, string member, int depth = 0)
    {
        if (depth > MaxDepth)
            return null;
        var operation = Unwrap(instance);
        if (operation is IObjectCreationOperation { Initializer: { } initializer })
        {
            IOperation? found = null;
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment && property.Property.Name == member)
                    found = assignment.Value;
            }

            return found;
        }

        if (ValueSymbol(operation) is not { } symbol)
            return null;
        var later = MemberValuesOf(symbol, member);
        if (later.Count > 0)
            return later.Count == 1 ? later[0] : null;
        return SingleValue(operation) is { } value ? MemberValue(value, member, depth + 1) : null;
    }

    /// <summary>The constant string an expression evaluates to, through locals and fields written once in this type.</summary>
    public string? ConstantString(IOperation value, int depth = 0)
    {
        if (depth > MaxDepth)
            return null;
        var operation = Unwrap(value);
        if (operation.ConstantValue.Value is string text)
            return text;
        return SingleValue(operation) is { } single ? ConstantString(single, depth + 1) : null;
    }

    /// <summary>The one value a local, field or property read here can hold, when this type alone writes it, once.</summary>
    public IOperation? SingleValue(IOperation operation) =>
        ValueSymbol(operation) is { } symbol && IsWrittenOnlyHere(symbol) && ValuesOf(symbol) is { Count: 1 } values ? values[0] : null;

    /// <summary>
    /// Whether what this type assigns to <paramref name="symbol"/> is all it ever holds: a public settable field or
    /// property may be replaced by any caller, so what this type assigns proves nothing.
    /// </summary>
    public static bool IsWrittenOnlyHere(ISymbol symbol) => symbol switch
    {
        ILocalSymbol => true,
        IFieldSymbol field => field.IsReadOnly || field.IsConst || field.DeclaredAccessibility == Accessibility.Private,
        IPropertySymbol property => property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private,
        IMethodSymbol => true, // what a method of this type returns
        _ => false,
    };

    private static void Add<TKey>(Dictionary<TKey, List<IOperation>> map, TKey key, IOperation value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = new List<IOperation>(1);
        list.Add(value);
    }
}
