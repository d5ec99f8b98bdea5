using System.Collections.Generic;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>A Region known at compile time, and the syntax that pins it when that syntax is one place the fix can edit.</summary>
internal readonly struct KnownRegion
{
    public KnownRegion(string region, SyntaxNode? pin)
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
internal readonly struct KeyRegion
{
    public KeyRegion(string region, string identifier, string display, IOperation value)
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
    private const int MaxDepth = 8;
    private static readonly string[] EncryptOperations =
    {
        "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "ReEncrypt",
    };

    private readonly TypeValueFlow _flow;
    private readonly KmsSymbols _kms;

    public RegionResolver(TypeValueFlow flow, KmsSymbols kms)
    {
        _flow = flow;
        _kms = kms;
    }

    /// <summary>The Region of the KMS client an expression evaluates to.</summary>
    public KnownRegion ClientRegion(IOperation? client, int depth = 0)
    {
        if (client is null || depth > MaxDepth)
            return default;
        var operation = TypeValueFlow.Unwrap(client);
        if (operation is IObjectCreationOperation creation)
            return CreationRegion(creation);
        return Merge(operation, depth, static (self, value, d) => self.ClientRegion(value, d));
    }

    /// <summary>The Region a request's key property (<c>KeyId</c>, <c>SourceKeyId</c>) names, if it is a constant ARN.</summary>
    public KeyRegion? RequestKeyRegion(IOperation request, string keyProperty) =>
        _flow.MemberValue(request, keyProperty) is { } value ? KeyValueRegion(value) : null;

    /// <summary>The Region a key identifier value (a request member's value or an argument) names, if it is a constant ARN.</summary>
    public KeyRegion? KeyValueRegion(IOperation value)
    {
        if (_flow.ConstantString(value) is not { } text || !KmsIdentifiers.TryParseArn(text, out var arn))
            return null;
        return new KeyRegion(arn.Region, text, arn.ResourceId, value);
    }

    /// <summary>The Region of the client whose Encrypt/GenerateDataKey*/ReEncrypt produced a request's <c>CiphertextBlob</c>.</summary>
    public KnownRegion CiphertextRegion(IOperation request)
    {
        var blob = _flow.MemberValue(request, "CiphertextBlob");
        return blob is null ? default : BlobRegion(blob, 0);
    }

    private KnownRegion BlobRegion(IOperation blob, int depth)
    {
        if (depth > MaxDepth)
            return default;
        var operation = TypeValueFlow.Unwrap(blob);
        if (operation is IPropertyReferenceOperation { Property.Name: "CiphertextBlob", Instance: { } response } &&
            KmsSymbols.IsKmsModel(response.Type))
            return ResponseRegion(response, depth + 1);
        return Merge(operation, depth, static (self, value, d) => self.BlobRegion(value, d));
    }

    private KnownRegion ResponseRegion(IOperation response, int depth)
    {
        if (depth > MaxDepth)
            return default;
        var operation = TypeValueFlow.Unwrap(response);
        if (operation is IAwaitOperation { Operation: var awaited })
            operation = TypeValueFlow.Unwrap(awaited);
        if (operation is IInvocationOperation invocation && IsEncryptCall(invocation))
        {
            var region = ClientRegion(invocation.Instance, depth + 1);
            return region.IsKnown ? new KnownRegion(region.Region!, null) : default;
        }

        return Merge(operation, depth, static (self, value, d) => self.ResponseRegion(value, d));
    }

    private bool IsEncryptCall(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        if (name.EndsWith("Async", System.StringComparison.Ordinal))
            name = name.Substring(0, name.Length - 5);
        return System.Array.IndexOf(EncryptOperations, name) >= 0 && _kms.IsKmsClient(invocation.TargetMethod.ContainingType);
    }

    // new AmazonKeyManagementServiceClient(RegionEndpoint.X) / (credentials, region) / (config) / () …
    private KnownRegion CreationRegion(IObjectCreationOperation creation)
    {
        if (!_kms.IsKmsClient(creation.Type))
            return default;
        foreach (var argument in creation.Arguments)
        {
            var type = argument.Parameter?.Type;
            if (_kms.IsRegionEndpoint(type))
            {
                var region = EndpointRegion(argument.Value, 0);
                return region.IsKnown ? new KnownRegion(region.Region!, argument.Syntax) : default;
            }

            if (_kms.IsClientConfig(type))
                return ConfigRegion(argument.Value, 0);
        }

        return default; // no Region given: the SDK resolves the deployment's Region
    }

    private KnownRegion EndpointRegion(IOperation value, int depth)
    {
        if (depth > MaxDepth)
            return default;
        var operation = TypeValueFlow.Unwrap(value);
        switch (operation)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when _kms.IsRegionEndpoint(field.ContainingType):
                return Regions.FromEndpointField(field.Name) is { } code ? new KnownRegion(code, null) : default;
            case IInvocationOperation { TargetMethod.Name: "GetBySystemName", Arguments: { Length: 1 } args } invocation
                when _kms.IsRegionEndpoint(invocation.TargetMethod.ContainingType):
                return _flow.ConstantString(args[0].Value, depth + 1) is { } name && KmsIdentifiers.IsRegion(name) ? new KnownRegion(name, null) : default;
            default:
                return Merge(operation, depth, static (self, v, d) => self.EndpointRegion(v, d));
        }
    }

    // new AmazonKeyManagementServiceConfig { RegionEndpoint = …, ServiceURL = … }, plus later config.X = … assignments.
    private KnownRegion ConfigRegion(IOperation value, int depth)
    {
        if (depth > MaxDepth)
            return default;
        var operation = TypeValueFlow.Unwrap(value);
        if (operation is IObjectCreationOperation creation)
        {
            KnownRegion result = default;
            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    {
                        var region = SettingRegion(property.Property.Name, assignment.Value, depth);
                        if (region is { } r)
                            result = r.IsKnown ? new KnownRegion(r.Region!, assignment.Syntax) : default; // last one wins, as in the SDK
                    }
                }
            }

            return result;
        }

        if (TypeValueFlow.ValueSymbol(operation) is { } symbol &&
            (_flow.MemberValuesOf(symbol, "RegionEndpoint").Count > 0 || _flow.MemberValuesOf(symbol, "ServiceURL").Count > 0))
        {
            // Set after creation: known only when it is set once, to a known Region, and nothing else sets it.
            var endpoints = _flow.MemberValuesOf(symbol, "RegionEndpoint");
            var urls = _flow.MemberValuesOf(symbol, "ServiceURL");
            if (endpoints.Count + urls.Count != 1)
                return default;
            var setting = endpoints.Count == 1 ? SettingRegion("RegionEndpoint", endpoints[0], depth) : SettingRegion("ServiceURL", urls[0], depth);
            return setting is { IsKnown: true } known ? new KnownRegion(known.Region!, null) : default;
        }

        return Merge(operation, depth, static (self, v, d) => self.ConfigRegion(v, d));
    }

    private KnownRegion? SettingRegion(string property, IOperation value, int depth) => property switch
    {
        "RegionEndpoint" => EndpointRegion(value, depth + 1),
        "ServiceURL" => _flow.ConstantString(value, depth + 1) is { } url && Regions.FromServiceUrl(url) is { } region ? new KnownRegion(region, null) : default(KnownRegion),
        _ => null,
    };

    /// <summary>A local, field or property: known only when every value this type assigns to it gives the same Region.</summary>
    private KnownRegion Merge(IOperation operation, int depth, System.Func<RegionResolver, IOperation, int, KnownRegion> resolve)
    {
        if (TypeValueFlow.ValueSymbol(operation) is not { } symbol || !TypeValueFlow.IsWrittenOnlyHere(symbol))
            return default;
        var values = _flow.ValuesOf(symbol);
        if (values.Count == 0)
            return default;
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

        return new KnownRegion(region!, values.Count == 1 ? pin : null);
    }
}
