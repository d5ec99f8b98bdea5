using System;

namespace LegacyKmsApp.Infrastructure;

/// <summary>
/// Helpers for KMS ARNs such as
/// <c>arn:aws:kms:eu-west-1:210987654321:key/9d2e4b6a-1c3f-4a8e-b5d7-6f0e2a9c4d81</c>.
/// </summary>
/// <remarks>Written before we found <c>Amazon.Arn</c>; only handles the aws and aws-cn partitions.</remarks>
internal static class KmsArnParser
{
    private const string KmsArnPrefix = "arn:aws:kms:";
    private const string ChinaKmsArnPrefix = "arn:aws-cn:kms:";
    private const string MultiRegionKeyPrefix = "mrk-";

    public static bool IsKmsArn(string? value) =>
        value is not null &&
        (value.StartsWith(KmsArnPrefix, StringComparison.Ordinal) ||
         value.StartsWith(ChinaKmsArnPrefix, StringComparison.Ordinal));

    // arn:aws:kms:<region>:<account>:key/<id>  ->  <region>; null for key ids and alias names.
    public static string? RegionOf(string keyIdOrArn)
    {
        if (!IsKmsArn(keyIdOrArn))
        {
            return null;
        }
        var parts = keyIdOrArn.Split(':');
        return parts.Length == 6 ? parts[3] : null;
    }

    public static string KeyIdOf(string keyIdOrArn)
    {
        var slash = keyIdOrArn.LastIndexOf("key/", StringComparison.Ordinal);
        return slash < 0 ? keyIdOrArn : keyIdOrArn.Substring(slash + "key/".Length);
    }

    public static bool IsMultiRegionKey(string keyIdOrArn) =>
        KeyIdOf(keyIdOrArn).StartsWith(MultiRegionKeyPrefix, StringComparison.Ordinal);

    // e.g. BuildKeyArn("eu-west-2", "210987654321", "mrk-...") for the London replica.
    public static string BuildKeyArn(string region, string account, string keyId) =>
        $"arn:aws:kms:{region}:{account}:key/{keyId}";
}
