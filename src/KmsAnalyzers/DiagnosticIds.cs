namespace KmsAnalyzers;

/// <summary>Every diagnostic id KmsAnalyzers reports. Ids are never reused or renumbered.</summary>
public static class DiagnosticIds
{
    public const string HardcodedKeyArn = "KMS0001";
    public const string RawMultiRegionKeyId = "KMS0002";
    public const string CrossRegionDecrypt = "KMS0003";

    public const string HardcodedKeyId = "KMS0004";
    public const string RegionPinnedAliasArn = "KMS0005";
    public const string ReplicaKeyPolicyApart = "KMS0006";
    public const string RegionPinnedInKeyPolicy = "KMS0007";
    public const string KeyInAnotherRegion = "KMS0008";

    // KMS0008 is reserved for the KMS call to a key in another Region.
    public const string KeyIdentifierInAppSettings = "KMS0009";
    public const string MultiRegionKeyCreated = "KMS0010";

    // Configuration problems: the analyzers keep working with defaults and say so.
    public const string InvalidAliasMap = "KMS0100";
    public const string InvalidOption = "KMS0101";

    // KMS0102 is the package's MSBuild warning for an unknown KmsAnalysisMode (build/KmsAnalyzers.props), not a Roslyn diagnostic.
}
