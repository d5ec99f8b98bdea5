namespace KmsAnalyzers.Identifiers;

/// <summary>AWS partitions (the field after <c>arn:</c>), per the AWS SDK for .NET 4.1 Region table.</summary>
internal enum Partition
{
    None,
    Aws,
    AwsCn,
    AwsUsGov,
    AwsIso,
    AwsIsoB,
    AwsIsoE,
    AwsIsoF,
    AwsEusc,
}

/// <summary>
/// Partition names and the shape of their Region codes. Shapes follow the SDK's own partition patterns
/// (<c>RegionEndpoint.AllPartitionRegionRegex</c>) so that Regions launched after this build are still recognised.
/// </summary>
internal static class Partitions
{
    // Region code = <prefix>-<letters>-<digits>; the aws partition allows one of several two-letter prefixes.
    private static readonly string[] AwsRegionPrefixes = { "us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx" };

    public static Partition Parse(string s, int start, int length)
    {
        if (length < 3 || string.CompareOrdinal(s, start, "aws", 0, 3) != 0)
            return Partition.None;
        if (length == 3)
            return Partition.Aws;
        return Matches(s, start, length, "aws-cn") ? Partition.AwsCn
            : Matches(s, start, length, "aws-us-gov") ? Partition.AwsUsGov
            : Matches(s, start, length, "aws-iso") ? Partition.AwsIso
            : Matches(s, start, length, "aws-iso-b") ? Partition.AwsIsoB
            : Matches(s, start, length, "aws-iso-e") ? Partition.AwsIsoE
            : Matches(s, start, length, "aws-iso-f") ? Partition.AwsIsoF
            : Matches(s, start, length, "aws-eusc") ? Partition.AwsEusc
            : Partition.None;
    }

    public static string Name(Partition partition) => partition switch
    {
        Partition.Aws => "aws",
        Partition.AwsCn => "aws-cn",
        Partition.AwsUsGov => "aws-us-gov",
        Partition.AwsIso => "aws-iso",
        Partition.AwsIsoB => "aws-iso-b",
        Partition.AwsIsoE => "aws-iso-e",
        Partition.AwsIsoF => "aws-iso-f",
        Partition.AwsEusc => "aws-eusc",
        _ => "",
    };

    /// <summary>The partition a Region code belongs to, or <see cref="Partition.None"/> when it is no Region code.</summary>
    public static Partition OfRegion(string s, int start, int length)
    {
        for (var p = Partition.Aws; p <= Partition.AwsEusc; p++)
        {
            if (IsRegionOf(p, s, start, length))
                return p;
        }

        return Partition.None;
    }

    public static Partition OfRegion(string region) => OfRegion(region, 0, region.Length);

    public static bool IsRegionOf(Partition partition, string s, int start, int length)
    {
        switch (partition)
        {
            case Partition.Aws:
                foreach (var prefix in AwsRegionPrefixes)
                {
                    if (HasRegionShape(s, start, length, prefix))
                        return true;
                }

                return false;
            case Partition.AwsCn: return HasRegionShape(s, start, length, "cn");
            case Partition.AwsUsGov: return HasRegionShape(s, start, length, "us-gov");
            case Partition.AwsIso: return HasRegionShape(s, start, length, "us-iso");
            case Partition.AwsIsoB: return HasRegionShape(s, start, length, "us-isob");
            case Partition.AwsIsoE: return HasRegionShape(s, start, length, "eu-isoe");
            case Partition.AwsIsoF: return HasRegionShape(s, start, length, "us-isof");
            case Partition.AwsEusc: return HasRegionShape(s, start, length, "eusc-de");
            default: return false;
        }
    }

    // <prefix>-[a-z]+-[0-9]+
    private static bool HasRegionShape(string s, int start, int length, string prefix)
    {
        var end = start + length;
        var i = start + prefix.Length;
        if (i >= end || string.CompareOrdinal(s, start, prefix, 0, prefix.Length) != 0 || s[i] != '-')
            return false;
        i++;
        var lettersStart = i;
        while (i < end && s[i] >= 'a' && s[i] <= 'z')
            i++;
        if (i == lettersStart || i >= end || s[i] != '-')
            return false;
        i++;
        var digitsStart = i;
        while (i < end && s[i] >= '0' && s[i] <= '9')
            i++;
        return i == end && i > digitsStart;
    }

    private static bool Matches(string s, int start, int length, string value) =>
        length == value.Length && string.CompareOrdinal(s, start, value, 0, value.Length) == 0;
}
