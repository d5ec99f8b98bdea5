using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>The AWS SDK types KMS0003 looks at, resolved once per compilation by metadata name (SDK v3 and v4 alike).</summary>
internal sealed class KmsSymbols
{
    private KmsSymbols(INamedTypeSymbol kmsInterface, INamedTypeSymbol regionEndpoint, INamedTypeSymbol? clientConfig)
    {
        KmsInterface = kmsInterface;
        RegionEndpoint = regionEndpoint;
        ClientConfig = clientConfig;
    }

    public INamedTypeSymbol KmsInterface { get; }
    public INamedTypeSymbol RegionEndpoint { get; }
    public INamedTypeSymbol? ClientConfig { get; }

    /// <summary>Null when the compilation does not reference the KMS SDK. Binds the references: ask from a callback (<see cref="SdkReferences"/>).</summary>
    public static KmsSymbols? TryCreate(Compilation compilation)
    {
        var sdk = SdkReferences.Of(compilation);
        if (!sdk.MayHaveKmsSdk)
            return null;
        var kms = sdk.GetType(KnownSinks.KmsInterface);
        var region = sdk.GetType(SdkNames.RegionEndpoint);
        return kms is null || region is null ? null : new KmsSymbols(kms, region, sdk.GetType(SdkNames.ClientConfig));
    }

    public bool IsKmsClient(ITypeSymbol? type)
    {
        if (type is null)
            return false;
        if (SymbolEqualityComparer.Default.Equals(type, KmsInterface))
            return true;
        foreach (var i in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(i, KmsInterface))
                return true;
        }

        return false;
    }

    public bool IsRegionEndpoint(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, RegionEndpoint);

    public bool IsClientConfig(ITypeSymbol? type)
    {
        for (var t = type as INamedTypeSymbol; t is not null && ClientConfig is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, ClientConfig))
                return true;
        }

        return false;
    }

    /// <summary>Request and response types of the KMS SDK (<c>Amazon.KeyManagementService.Model</c>).</summary>
    public static bool IsKmsModel(ITypeSymbol? type) =>
        type is INamedTypeSymbol { ContainingNamespace: { Name: "Model", ContainingNamespace: { Name: "KeyManagementService", ContainingNamespace: { Name: "Amazon", ContainingNamespace.IsGlobalNamespace: true } } } };
}
