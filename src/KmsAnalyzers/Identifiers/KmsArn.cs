namespace KmsAnalyzers.Identifiers;

/// <summary>Resource type of a KMS ARN.</summary>
internal enum KmsResourceType
{
    Key,
    Alias,
}

/// <summary>
/// A KMS ARN found in a string: <c>arn:&lt;partition&gt;:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;key id&gt;</c> or
/// <c>…:alias/&lt;name&gt;</c>. Holds offsets into the source string so that parsing allocates nothing.
/// </summary>
internal readonly struct KmsArn
{
    public KmsArn(string source, int start, int length, int regionStart, int regionLength, int accountStart,
        KmsResourceType resourceType, int resourceIdStart, Partition partition)
    {
        Source = source;
        Start = start;
        Length = length;
        RegionStart = regionStart;
        RegionLength = regionLength;
        AccountStart = accountStart;
        ResourceType = resourceType;
        ResourceIdStart = resourceIdStart;
        Partition = partition;
    }

    public string Source { get; }
    public int Start { get; }
    public int Length { get; }
    public int RegionStart { get; }
    public int RegionLength { get; }
    public int AccountStart { get; }
    public KmsResourceType ResourceType { get; }
    public int ResourceIdStart { get; }
    public Partition Partition { get; }

    public string Text => Source.Substring(Start, Length);
    public string Region => Source.Substring(RegionStart, RegionLength);
    public string Account => Source.Substring(AccountStart, KmsIdentifiers.AccountIdLength);

    /// <summary>The key id (UUID or <c>mrk-</c> id) of a key ARN, or the alias name (<c>alias/…</c>) of an alias ARN.</summary>
    public string ResourceId => ResourceType == KmsResourceType.Key
        ? Source.Substring(ResourceIdStart, Start + Length - ResourceIdStart)
        : Source.Substring(ResourceIdStart - "alias/".Length, Start + Length - ResourceIdStart + "alias/".Length);

    public bool IsMultiRegionKey =>
        ResourceType == KmsResourceType.Key && KmsIdentifiers.IsMultiRegionKeyId(Source, ResourceIdStart, Start + Length - ResourceIdStart);

    public bool HasDocumentationAccount => KmsIdentifiers.IsDocumentationAccount(Source, AccountStart);

    /// <summary>Whether the key id of a key ARN is an example key id of the AWS documentation.</summary>
    public bool HasDocumentationKeyId =>
        ResourceType == KmsResourceType.Key && KmsIdentifiers.IsDocumentationKeyId(Source, ResourceIdStart, Start + Length - ResourceIdStart);

    /// <summary>The account with all but its last four digits masked: CI logs and SARIF files are often public.</summary>
    public string MaskedAccount => "********" + Source.Substring(AccountStart + 8, 4);
}
