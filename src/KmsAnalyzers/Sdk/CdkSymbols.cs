using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>The AWS CDK (v2, C#) KMS constructs, resolved once per compilation by metadata name.</summary>
internal sealed class CdkSymbols
{
    private CdkSymbols(INamedTypeSymbol key, INamedTypeSymbol replica, INamedTypeSymbol? l2Key, INamedTypeSymbol? construct)
    {
        Key = key;
        Replica = replica;
        L2Key = l2Key;
        Construct = construct;
    }

    /// <summary><c>Amazon.CDK.AWS.KMS.CfnKey</c>.</summary>
    public INamedTypeSymbol Key { get; }

    /// <summary><c>Amazon.CDK.AWS.KMS.CfnReplicaKey</c>.</summary>
    public INamedTypeSymbol Replica { get; }

    /// <summary>
    /// <c>Amazon.CDK.AWS.KMS.Key</c>, the L2 construct: its <c>KeyProps.MultiRegion</c> (Amazon.CDK.Lib 2.118 and later)
    /// makes a multi-Region primary, <c>KeyProps.Policy</c> is its policy and <c>KeyArn</c> its ARN.
    /// </summary>
    public INamedTypeSymbol? L2Key { get; }

    /// <summary><c>Constructs.Construct</c>: what a construct exposes (<c>AttrArn</c>, …) are deployment tokens.</summary>
    public INamedTypeSymbol? Construct { get; }

    /// <summary>Null when the compilation does not reference the CDK's KMS constructs. Binds the references: ask from a callback (<see cref="SdkReferences"/>).</summary>
    public static CdkSymbols? TryCreate(Compilation compilation) =>
        SdkReferences.Of(compilation) is { MayHaveCdk: true } sdk &&
        sdk.GetType(SdkNames.CfnKey) is { } key &&
        sdk.GetType(SdkNames.CfnReplicaKey) is { } replica
            ? new CdkSymbols(key, replica, sdk.GetType(SdkNames.L2Key), sdk.GetType(SdkNames.Construct))
            : null;

    /// <summary>A primary key construct: <c>CfnKey</c> or the L2 <c>Key</c>.</summary>
    public bool IsKey(ITypeSymbol? type) =>
        SymbolEqualityComparer.Default.Equals(type, Key) || (L2Key is not null && SymbolEqualityComparer.Default.Equals(type, L2Key));

    public bool IsL2Key(ITypeSymbol? type) => L2Key is not null && SymbolEqualityComparer.Default.Equals(type, L2Key);

    public bool IsReplica(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Replica);

    /// <summary>Whether a type is a CDK construct (derives from <c>Constructs.Construct</c>).</summary>
    public bool IsConstruct(ITypeSymbol? type)
    {
        for (var t = type; t is not null && Construct is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, Construct))
                return true;
        }

        return false;
    }

    /// <summary>The props member holding a key's policy: <c>KeyPolicy</c> (L1) or <c>Policy</c> (L2 <c>KeyProps</c>).</summary>
    public string PolicyMember(ITypeSymbol? keyType) => IsL2Key(keyType) ? SdkNames.L2KeyPolicy : SdkNames.CfnKeyPolicy;

    /// <summary>The key attribute giving its ARN: <c>AttrArn</c> (L1) or <c>KeyArn</c> (L2).</summary>
    public static bool IsArnAttribute(string name) => name is "AttrArn" or "KeyArn";
}
