using System.Collections.Generic;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// What one type (all its partial parts, constructors and initializers included) assigns to its locals, fields and
/// properties, and to members of those (<c>config.RegionEndpoint = …</c>, <c>request.KeyId = …</c>). Only values that
/// can matter to KMS0003 are kept: KMS clients, client configs, Region endpoints, KMS requests and responses,
/// ciphertext streams and constant strings. Filled concurrently by operation callbacks, read once at symbol end.
/// </summary>
internal sealed class TypeValueFlow
{
    private readonly KmsSymbols _kms;
    private readonly object _gate = new();
    private readonly Dictionary<ISymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<(ISymbol Instance, string Member), List<IOperation>> _memberValues = new();

    public TypeValueFlow(KmsSymbols kms) => _kms = kms;

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
                (KmsSymbols.IsKmsModel(property.Property.ContainingType) || _kms.IsClientConfig(property.Property.ContainingType)):
                lock (_gate)
                    Add(_memberValues, (owner, property.Property.Name), value);
                break;
        }
    }

    public void Record(ISymbol symbol, ITypeSymbol? type, IOperation value)
    {
        if (!IsOfInterest(type, value))
            return;
        lock (_gate)
            Add(_values, symbol, value);
    }

    /// <summary>Every value assigned to <paramref name="symbol"/> in this type; empty when none was seen.</summary>
    public IReadOnlyList<IOperation> ValuesOf(ISymbol symbol) =>
        _values.TryGetValue(symbol, out var values) ? values : (IReadOnlyList<IOperation>)System.Array.Empty<IOperation>();

    /// <summary>Values assigned to <c>symbol.member</c> after its creation.</summary>
    public IReadOnlyList<IOperation> MemberValuesOf(ISymbol symbol, string member) =>
        _memberValues.TryGetValue((symbol, member), out var values) ? values : (IReadOnlyList<IOperation>)System.Array.Empty<IOperation>();

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

    private bool IsOfInterest(ITypeSymbol? type, IOperation value)
    {
        if (type is null)
            return false;
        if (type.SpecialType == SpecialType.System_String)
            return Unwrap(value).ConstantValue.HasValue || ValueSymbol(value) is not null;
        return _kms.IsKmsClient(type) || _kms.IsRegionEndpoint(type) || _kms.IsClientConfig(type) || KmsSymbols.IsKmsModel(type) ||
            SymbolEqualityComparer.Default.Equals(type, _kms.MemoryStream) || IsTaskOfKmsModel(type) || type.TypeKind == TypeKind.Error;
    }

    // var pending = kms.EncryptAsync(request); … (await pending).CiphertextBlob
    private static bool IsTaskOfKmsModel(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments: { Length: 1 } args } && KmsSymbols.IsKmsModel(args[0]);

    private static void Add<TKey>(Dictionary<TKey, List<IOperation>> map, TKey key, IOperation value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = new List<IOperation>(1);
        list.Add(value);
    }
}
