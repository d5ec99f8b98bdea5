using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>
/// The AWS CDK (v2, C#) KMS constructs, told by metadata name: looking them up would load the namespaces of
/// Amazon.CDK.Lib (thousands of types) in whichever callback asks first, and the driver charges that to the asker.
/// </summary>
internal sealed class CdkSymbols
{
    private static readonly CdkSymbols Instance = new();

    private CdkSymbols()
    {
    }

    /// <summary>Null when the compilation cannot reference the CDK (<see cref="SdkReferences.MayHaveCdk"/>).</summary>
    public static CdkSymbols? TryCreate(Compilation compilation) => SdkReferences.Of(compilation).MayHaveCdk ? Instance : null;

    /// <summary>A primary key construct: <c>Amazon.CDK.AWS.KMS.CfnKey</c> or the L2 <c>Key</c>.</summary>
    public bool IsKey(ITypeSymbol? type) =>
        SymbolNames.HasMetadataName(type as INamedTypeSymbol, SdkNames.CfnKey) || IsL2Key(type);

    /// <summary>
    /// <c>Amazon.CDK.AWS.KMS.Key</c>, the L2 construct: its <c>KeyProps.MultiRegion</c> (Amazon.CDK.Lib 2.118 and later)
    /// makes a multi-Region primary, <c>KeyProps.Policy</c> is its policy and <c>KeyArn</c> its ARN.
    /// </summary>
    public bool IsL2Key(ITypeSymbol? type) => SymbolNames.HasMetadataName(type as INamedTypeSymbol, SdkNames.L2Key);

    /// <summary><c>Amazon.CDK.AWS.KMS.CfnReplicaKey</c>.</summary>
    public bool IsReplica(ITypeSymbol? type) => SymbolNames.HasMetadataName(type as INamedTypeSymbol, SdkNames.CfnReplicaKey);

    /// <summary>Whether a type is a CDK construct (derives from <c>Constructs.Construct</c>): what it exposes (<c>AttrArn</c>, …) are deployment tokens.</summary>
    public bool IsConstruct(ITypeSymbol? type)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (SymbolNames.HasMetadataName(t, SdkNames.Construct))
                return true;
        }

        return false;
    }

    /// <summary>The props member holding a key's policy: <c>KeyPolicy</c> (L1) or <c>Policy</c> (L2 <c>KeyProps</c>).</summary>
    public string PolicyMember(ITypeSymbol? keyType) => IsL2Key(keyType) ? SdkNames.L2KeyPolicy : SdkNames.CfnKeyPolicy;

    /// <summary>The key attribute giving its ARN: <c>AttrArn</c> (L1) or <c>KeyArn</c> (L2).</summary>
    public static bool IsArnAttribute(string name) => name is "AttrArn" or "KeyArn";
}
