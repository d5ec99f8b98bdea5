using System.Collections.Generic;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>A Region known at compile time, and the syntax that pins it when that syntax is one place the fix can edit.</summary>
internal readonly struct ResolvedRegion
{
    public ResolvedRegion(string region, SyntaxNode? pin)
    {
        Region = region;
        Pin = pin;
    }

    public string? Region { get; }

    /// <summary>The <c>RegionEndpoint</c> argument, or the <c>RegionEndpoint = …</c>/<c>ServiceURL = …</c> initializer member.</summary>
    public SyntaxNode? Pin { get; }

    public bool IsKnown => Region is not null;
}

/// <summary>The key identifier of a request, when it is a constant ARN that names a Region.</summary>
internal readonly struct KeyArnRegion
{
    public KeyArnRegion(string region, string identifier, string display, IOperation value)
    {
        Region = region;
        Identifier = identifier;
        Display = display;
        Value = value;
    }

    public string Region { get; }

    /// <summary>The whole key ARN or alias ARN.</summary>
    public string Identifier { get; }

    /// <summary>How the message names the key: its key id or alias name (the account stays out of logs).</summary>
    public string Display { get; }

    /// <summary>The expression assigned to the key property (literal or constant reference).</summary>
    public IOperation Value { get; }
}

/// <summary>
/// Resolves, over the values one type assigns (<see cref="TypeValueFlow"/>), the Region a KMS client was created for,
/// the Region named by a request's key ARN, and the Region where a ciphertext was produced. Anything that comes from
/// outside the type (a parameter, configuration, the environment, DI) or that differs between assignments is
/// unknown, and unknown keeps the rule silent.
/// </summary>
internal sealed class RegionResolver
{
    private readonly ValueModel _flow;
    private readonly KmsSymbols _kms;
    private readonly string? _injectedRegion;

    // The factory calls being followed, innermost last: their parameters read the arguments of that call.
    private readonly List<IOperation> _calls = new();

    /// <param name="injectedRegion">The Region of the compilation's single KMS registration for dependency injection, when known.</param>
    public RegionResolver(ValueModel model, KmsSymbols kms, string? injectedRegion = null)
    {
        _flow = model;
        _kms = kms;
        _injectedRegion = injectedRegion;
    }

    /// <summary>The Region of the KMS client an expression evaluates to.</summary>
    public ResolvedRegion ClientRegion(IOperation? client, int depth = 0)
    {
        if (client is null || depth > ValueModel.MaxDepth)
            return default;
        var operation = ValueModel.Unwrap(client);
        if (operation is IObjectCreationOperation creation)
            return CreationRegion(creation);
        if (_injectedRegion is not null && operation is IParameterReferenceOperation { Parameter: var parameter } && IsInjected(parameter))
            return new ResolvedRegion(_injectedRegion, null);
        return Merge(operation, depth, static (self, value, d) => self.ClientRegion(value, d));
    }

    /// <summary>The Region a request's key property (<c>KeyId</c>, <c>SourceKeyId</c>) names, if it is a constant ARN.</summary>
    public KeyArnRegion? RequestKeyRegion(IOperation request, string keyProperty) =>
        _flow.MemberValue(request, keyProperty) is { } value ? KeyValueRegion(value) : null;

    /// <summary>The Region a key identifier value (a request member's value or an argument) names, if it is a constant ARN.</summary>
    public KeyArnRegion? KeyValueRegion(IOperation value)
    {
        if (_flow.ConstantString(value) is not { } text || !KmsIdentifiers.TryParseArn(text, out var arn))
            return null;
        return new KeyArnRegion(arn.Region, text, arn.ResourceId, value);
    }

    /// <summary>The Region of the client whose Encrypt/GenerateDataKey*/ReEncrypt produced a request's <c>CiphertextBlob</c>.</summary>
    public ResolvedRegion CiphertextRegion(IOperation request)
    {
        var blob = _flow.MemberValue(request, SdkNames.CiphertextBlob);
        return blob is null ? default : BlobRegion(blob, 0);
    }

    private ResolvedRegion BlobRegion(IOperation blob, int depth)
    {
        if (depth > ValueModel.MaxDepth)
            return default;
        var operation = ValueModel.Unwrap(blob);
        if (operation is IPropertyReferenceOperation { Property.Name: SdkNames.CiphertextBlob or SdkNames.PrivateKeyCiphertextBlob, Instance: { } response } &&
            KmsSymbols.IsKmsModel(response.Type))
            return ResponseRegion(response, depth + 1);
        return Merge(operation, depth, static (self, value, d) => self.BlobRegion(value, d));
    }

    private ResolvedRegion ResponseRegion(IOperation response, int depth)
    {
        if (depth > ValueModel.MaxDepth)
            return default;
        var operation = ValueModel.Unwrap(response);
        if (operation is IAwaitOperation { Operation: var awaited })
            operation = ValueModel.Unwrap(awaited);
        if (operation is IInvocationOperation invocation && IsEncryptCall(invocation))
        {
            var region = ClientRegion(invocation.Instance, depth + 1);
            return region.IsKnown ? new ResolvedRegion(region.Region!, null) : default;
        }

        return Merge(operation, depth, static (self, value, d) => self.ResponseRegion(value, d));
    }

    // A constant string, also through the parameters of the factory calls being followed.
    private string? ConstantString(IOperation value, int depth)
    {
        if (depth > ValueModel.MaxDepth)
            return null;
        var operation = ValueModel.Unwrap(value);
        if (operation.ConstantValue.Value is string text)
            return text;
        return Merge(operation, depth, static (self, v, d) => self.ConstantString(v, d) is { } s ? new ResolvedRegion(s, null) : default).Region;
    }

    private bool IsEncryptCall(IInvocationOperation invocation)
    {
        return KmsOperations.IsEncryptOperation(invocation.TargetMethod.Name) && _kms.IsKmsClient(invocation.TargetMethod.ContainingType);
    }

    // new AmazonKeyManagementServiceClient(RegionEndpoint.X) / (credentials, region) / (config) / () …
    private ResolvedRegion CreationRegion(IObjectCreationOperation creation)
    {
        if (!_kms.IsKmsClient(creation.Type))
            return default;
        foreach (var argument in creation.Arguments)
        {
            var type = argument.Parameter?.Type;
            if (_kms.IsRegionEndpoint(type))
            {
                var region = EndpointRegion(argument.Value, 0);
                return region.IsKnown ? new ResolvedRegion(region.Region!, argument.Syntax) : default;
            }

            if (_kms.IsClientConfig(type))
                return ConfigRegion(argument.Value, 0);
        }

        return default; // no Region given: the SDK resolves the deployment's Region
    }

    /// <summary>The Region a <c>RegionEndpoint</c> expression names.</summary>
    public ResolvedRegion EndpointRegionOf(IOperation value) => EndpointRegion(value, 0);

    private ResolvedRegion EndpointRegion(IOperation value, int depth)
    {
        if (depth > ValueModel.MaxDepth)
            return default;
        var operation = ValueModel.Unwrap(value);
        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when _kms.IsRegionEndpoint(field.ContainingType):
                return RegionEndpointFields.RegionOf(field.Name) is { } code ? new ResolvedRegion(code, null) : default;
            case IInvocationOperation { TargetMethod.Name: SdkNames.GetBySystemName, Arguments: { Length: 1 } args } invocation
                when _kms.IsRegionEndpoint(invocation.TargetMethod.ContainingType):
                return ConstantString(args[0].Value, depth + 1) is { } name && KmsIdentifiers.IsRegion(name) ? new ResolvedRegion(name, null) : default;
            default:
                return Merge(operation, depth, static (self, v, d) => self.EndpointRegion(v, d));
        }
    }

    // new AmazonKeyManagementServiceConfig { RegionEndpoint = …, ServiceURL = … }, plus later config.X = … assignments.
    private ResolvedRegion ConfigRegion(IOperation value, int depth)
    {
        if (depth > ValueModel.MaxDepth)
            return default;
        var operation = ValueModel.Unwrap(value);
        if (operation is IObjectCreationOperation creation)
        {
            ResolvedRegion result = default;
            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    {
                        var region = SettingRegion(property.Property.Name, assignment.Value, depth);
                        if (region is { } r)
                            result = r.IsKnown ? new ResolvedRegion(r.Region!, assignment.Syntax) : default; // last one wins, as in the SDK
                    }
                }
            }

            return result;
        }

        if (ValueModel.ValueSymbol(operation) is { } symbol &&
            (_flow.MemberValuesOf(symbol, SdkNames.RegionEndpointMember).Count > 0 || _flow.MemberValuesOf(symbol, SdkNames.ServiceUrlMember).Count > 0))
        {
            // Set after creation: known only when it is set once, to a known Region, and nothing else sets it.
            var endpoints = _flow.MemberValuesOf(symbol, SdkNames.RegionEndpointMember);
            var urls = _flow.MemberValuesOf(symbol, SdkNames.ServiceUrlMember);
            if (endpoints.Count + urls.Count != 1)
                return default;
            var setting = endpoints.Count == 1 ? SettingRegion(SdkNames.RegionEndpointMember, endpoints[0], depth) : SettingRegion(SdkNames.ServiceUrlMember, urls[0], depth);
            return setting is { IsKnown: true } known ? new ResolvedRegion(known.Region!, null) : default;
        }

        return Merge(operation, depth, static (self, v, d) => self.ConfigRegion(v, d));
    }

    private ResolvedRegion? SettingRegion(string property, IOperation value, int depth) => property switch
    {
        SdkNames.RegionEndpointMember => EndpointRegion(value, depth + 1),
        SdkNames.ServiceUrlMember => ConstantString(value, depth + 1) is { } url && KmsIdentifiers.RegionOfEndpointUrl(url) is { } region ? new ResolvedRegion(region, null) : default(ResolvedRegion),
        _ => null,
    };

    /// <summary>
    /// A local, field, property, parameter or factory call: known only when every value it may hold gives the same
    /// Region. A parameter of a factory being followed reads that call's argument.
    /// </summary>
    private ResolvedRegion Merge(IOperation operation, int depth, System.Func<RegionResolver, IOperation, int, ResolvedRegion> resolve)
    {
        if (operation is IParameterReferenceOperation { Parameter: var parameter } && BoundCall(parameter) is { } frame)
        {
            if (ArgumentFor(_calls[frame], parameter) is not { } argument)
                return default;
            // The argument is the caller's expression: resolve it outside the call it was passed to.
            var inner = _calls.GetRange(frame, _calls.Count - frame);
            _calls.RemoveRange(frame, inner.Count);
            try
            {
                return resolve(this, argument, depth + 1);
            }
            finally
            {
                _calls.AddRange(inner);
            }
        }

        if (ValueModel.ValueSymbol(operation) is not { } symbol || !_flow.IsWrittenOnlyHere(symbol))
            return default;
        // Outside any factory call being followed, a symbol's answer depends only on the symbol, the question and the
        // depth: asked once. 2,000 decrypts on a client written 2,000 times were 4,000,000 resolutions, now 4,000.
        if (_calls.Count == 0 && operation is not IInvocationOperation)
        {
            var key = (symbol, resolve, depth);
            if (_merged.TryGetValue(key, out var known))
            {
                if (known.MetOpenParameter)
                    ValueModel.NoteOpenParameter(); // as the first computation did
                return known.Region;
            }

            var open = ValueModel.OpenParameters;
            var result = MergeValues(operation, symbol, depth, resolve);
            _merged[key] = (result, ValueModel.OpenParameters != open);
            return result;
        }

        return MergeValues(operation, symbol, depth, resolve);
    }

    private readonly Dictionary<(ISymbol Symbol, System.Func<RegionResolver, IOperation, int, ResolvedRegion> Resolve, int Depth), (ResolvedRegion Region, bool MetOpenParameter)> _merged =
        new(MergeKeyComparer.Instance);

    private sealed class MergeKeyComparer : IEqualityComparer<(ISymbol Symbol, System.Func<RegionResolver, IOperation, int, ResolvedRegion> Resolve, int Depth)>
    {
        public static readonly MergeKeyComparer Instance = new();

        public bool Equals((ISymbol Symbol, System.Func<RegionResolver, IOperation, int, ResolvedRegion> Resolve, int Depth) x,
            (ISymbol Symbol, System.Func<RegionResolver, IOperation, int, ResolvedRegion> Resolve, int Depth) y) =>
            x.Depth == y.Depth && ReferenceEquals(x.Resolve, y.Resolve) && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

        public int GetHashCode((ISymbol Symbol, System.Func<RegionResolver, IOperation, int, ResolvedRegion> Resolve, int Depth) key) =>
            SymbolEqualityComparer.Default.GetHashCode(key.Symbol) ^ (key.Depth * 397) ^ System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Resolve);
    }

    private ResolvedRegion MergeValues(IOperation operation, ISymbol symbol, int depth, System.Func<RegionResolver, IOperation, int, ResolvedRegion> resolve)
    {
        var values = _flow.ValuesOf(symbol);
        if (values.Count == 0)
            return default;
        var isCall = operation is IInvocationOperation;
        if (isCall)
            _calls.Add(operation);
        try
        {
            string? region = null;
            SyntaxNode? pin = null;
            foreach (var value in values)
            {
                var resolved = resolve(this, value, depth + 1);
                if (!resolved.IsKnown || (region is not null && region != resolved.Region))
                    return default;
                region = resolved.Region;
                pin = resolved.Pin;
            }

            // A pin in another type or behind a factory is not the one place this call can be fixed.
            return new ResolvedRegion(region!, values.Count == 1 && !isCall && symbol is not IParameterSymbol ? pin : null);
        }
        finally
        {
            if (isCall)
                _calls.RemoveAt(_calls.Count - 1);
        }
    }

    private int? BoundCall(IParameterSymbol parameter)
    {
        for (var i = _calls.Count - 1; i >= 0; i--)
        {
            if (_calls[i] is IInvocationOperation invocation &&
                SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, parameter.ContainingSymbol.OriginalDefinition))
                return i;
        }

        return null;
    }

    private static IOperation? ArgumentFor(IOperation call, IParameterSymbol parameter)
    {
        foreach (var argument in ((IInvocationOperation)call).Arguments)
        {
            if (argument.Parameter?.Ordinal == parameter.Ordinal)
                return argument.Value;
        }

        return null;
    }

    // A constructor parameter of the KMS interface type: the dependency-injection container supplies it.
    private bool IsInjected(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } &&
        SymbolEqualityComparer.Default.Equals(parameter.Type, _kms.KmsInterface) && _flow.ValuesOf(parameter).Count == 0 &&
        !IsKeyed(parameter);

    // [FromKeyedServices("dr")]: a keyed registration, not the compilation's single one.
    private static bool IsKeyed(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == SdkNames.FromKeyedServicesAttribute)
                return true;
        }

        return false;
    }
}
