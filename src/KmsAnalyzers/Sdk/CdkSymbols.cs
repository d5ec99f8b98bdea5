using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>The AWS CDK (v2, C#) KMS constructs, resolved once per compilation by metadata name.</summary>
internal sealed class CdkSymbols
{
    private CdkSymbols(INamedTypeSymbol key, INamedTypeSymbol replica)
    {
        Key = key;
        Replica = replica;
    }

    /// <summary><c>Amazon.CDK.AWS.KMS.CfnKey</c>.</summary>
    public INamedTypeSymbol Key { get; }

    /// <summary><c>Amazon.CDK.AWS.KMS.CfnReplicaKey</c>.</summary>
    public INamedTypeSymbol Replica { get; }

    /// <summary>Null when the compilation does not reference the CDK's KMS constructs: then the rules register nothing.</summary>
    public static CdkSymbols? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Amazon.CDK.AWS.KMS.CfnKey") is { } key &&
        compilation.GetTypeByMetadataName("Amazon.CDK.AWS.KMS.CfnReplicaKey") is { } replica
            ? new CdkSymbols(key, replica)
            : null;

    public bool IsKey(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Key);

    public bool IsReplica(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Replica);
}
