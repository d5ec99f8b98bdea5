using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// What one type (all its partial parts, constructors and initializers included) assigns to its locals, fields and
/// properties, what its methods and getters return, and what it assigns to members of those (<c>config.RegionEndpoint
/// = …</c>, <c>request.KeyId = …</c>). Built once per type by <see cref="ValueModel"/>, only for types a rule asks
/// about, and read-only afterwards.
/// </summary>
internal sealed class TypeValueFlow
{
    private readonly Dictionary<ISymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<(ISymbol Instance, string Member), List<IOperation>> _memberValues = new(MemberKeyComparer.Instance);
    private readonly HashSet<ISymbol> _opaque = new(SymbolEqualityComparer.Default);

    // Not a C# member name, so it never meets a real property.
    internal const string CallsMember = "()";

    /// <summary>
    /// Records what a declaration, initializer, assignment or return gives a symbol; false for other operations.
    /// Object-initializer members are not recorded: they are read from their creation.
    /// </summary>
    public bool RecordWrite(IOperation operation, ISymbol? owner)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment:
                if (assignment.Parent is not IObjectOrCollectionInitializerOperation)
                    RecordAssignment(assignment.Target, assignment.Value);
                return true;
            case ICoalesceAssignmentOperation lazy:
                // _client ??= new …(): the field holds what it held before or this value.
                RecordAssignment(lazy.Target, lazy.Value);
                return true;
            case ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation:
                MarkOpaque(operation);
                return true;
            case IVariableDeclaratorOperation declarator:
                if (declarator.Initializer?.Value is { } value)
                    Record(declarator.Symbol, value);
                return true;
            case IFieldInitializerOperation initializer:
                foreach (var field in initializer.InitializedFields)
                    Record(field, initializer.Value);
                return true;
            case IPropertyInitializerOperation initializer:
                foreach (var property in initializer.InitializedProperties)
                    Record(property, initializer.Value);
                return true;
            case IReturnOperation { ReturnedValue: { } returned } when owner is IMethodSymbol method:
                // A factory: what it returns. A property getter counts as its property.
                ISymbol of = method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is { } getterOf ? getterOf : method.OriginalDefinition;
                Record(of, returned);
                return true;
            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } byRef:
                // TryCreate(out _client): written with a value this model cannot see.
                if (ValueModel.ValueSymbol(byRef.Value) is { } written)
                    _opaque.Add(written);
                return true;
            case IInvocationOperation invocation:
                RecordCall(invocation);
                return true;
            default:
                return false;
        }
    }

    private void MarkOpaque(IOperation operation)
    {
        var target = operation switch
        {
            ICompoundAssignmentOperation compound => compound.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            _ => null,
        };
        if (target is not null && ValueModel.ValueSymbol(target) is { } symbol)
            _opaque.Add(symbol);
    }

    /// <summary>Records <c>target = value</c>: a symbol of this type or a local, or a member of such an object.</summary>
    public void RecordAssignment(IOperation target, IOperation value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Record(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                _opaque.Add(parameter.Parameter); // reassigned: what the callers pass is not all it holds
                break;
            case IFieldReferenceOperation field when IsOwnMember(field.Instance):
                Record(field.Field.OriginalDefinition, value);
                break;
            case IPropertyReferenceOperation property when IsOwnMember(property.Instance) && property.Property.Parameters.IsEmpty:
                Record(property.Property.OriginalDefinition, value);
                break;
            case IMemberReferenceOperation { Instance: { } instance } member when ValueModel.ValueSymbol(instance) is { } owner:
                Add(_memberValues, (owner, member.Member.Name), value);
                break;
        }
    }

    /// <summary>Records a call on a local, field or property (<c>statement.AddResources(…)</c>): it changes what the object holds.</summary>
    public void RecordCall(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance && ValueModel.ValueSymbol(instance) is { } owner)
            Add(_memberValues, (owner, CallsMember), invocation);
    }

    public void Record(ISymbol symbol, IOperation value) => Add(_values, symbol, value);

    /// <summary>Every value assigned to <paramref name="symbol"/> in this type; empty when none was seen.</summary>
    public IReadOnlyList<IOperation> ValuesOf(ISymbol symbol) =>
        _values.TryGetValue(symbol, out var values) ? values : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

    /// <summary>Values assigned to <c>symbol.member</c> after its creation.</summary>
    public IReadOnlyList<IOperation> MemberValuesOf(ISymbol symbol, string member) =>
        _memberValues.TryGetValue((symbol, member), out var values) ? values : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

    /// <summary>Whether this type writes the symbol in a way whose value is not seen (<c>out</c>, <c>+=</c>, …).</summary>
    public bool IsOpaque(ISymbol symbol) => _opaque.Contains(symbol);

    // this.x, x, or a static member: a member of the type being analyzed rather than of some other object.
    private static bool IsOwnMember(IOperation? instance) => instance is null or IInstanceReferenceOperation;

    private static void Add<TKey>(Dictionary<TKey, List<IOperation>> map, TKey key, IOperation value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = new List<IOperation>(1);
        list.Add(value);
    }

    private sealed class MemberKeyComparer : IEqualityComparer<(ISymbol Instance, string Member)>
    {
        public static readonly MemberKeyComparer Instance = new();

        public bool Equals((ISymbol Instance, string Member) x, (ISymbol Instance, string Member) y) =>
            x.Member == y.Member && SymbolEqualityComparer.Default.Equals(x.Instance, y.Instance);

        public int GetHashCode((ISymbol Instance, string Member) obj) =>
            SymbolEqualityComparer.Default.GetHashCode(obj.Instance) * 31 + StringComparer.Ordinal.GetHashCode(obj.Member);
    }
}
