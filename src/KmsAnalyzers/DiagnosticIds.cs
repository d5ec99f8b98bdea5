namespace KmsAnalyzers;

/// <summary>Every diagnostic id KmsAnalyzers reports. Ids are never reused or renumbered.</summary>
public static class DiagnosticIds
{
    public const string HardcodedKeyArn = "KMS0001";
    public const string RawMultiRegionKeyId = "KMS0002";
    public const string CrossRegionDecrypt = "KMS0003";

    // Configuration problems: the analyzers keep working with defaults and say so.
    public const string InvalidAliasMap = "KMS0100";
    public const string InvalidOption = "KMS0101";
}
