namespace KmsAnalyzers;

/// <summary>Keys of the KMS0003 diagnostic's properties, read by its code fix.</summary>
public static class CrossRegionProperties
{
    public const string ClientRegion = "ClientRegion";
    public const string OtherRegion = "OtherRegion";

    /// <summary>Which finding: <see cref="KeyFinding"/>, <see cref="CiphertextFinding"/> or <see cref="HomeRegionFinding"/>.</summary>
    public const string Finding = "Finding";
    public const string KeyFinding = "Key";
    public const string CiphertextFinding = "Ciphertext";
    public const string HomeRegionFinding = "HomeRegion";

    /// <summary>The request property that names the key: KeyId (Decrypt) or SourceKeyId (ReEncrypt).</summary>
    public const string KeyProperty = "KeyProperty";

    // Indexes into Diagnostic.AdditionalLocations.
    public const string PinLocation = "PinLocation";
    public const string KeyValueLocation = "KeyValueLocation";
    public const string KeyMemberLocation = "KeyMemberLocation";
}
