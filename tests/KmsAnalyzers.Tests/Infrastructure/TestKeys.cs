using Microsoft.CodeAnalysis.Testing;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.HardcodedKeyIdentifierAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;

namespace KmsAnalyzers.Tests.Infrastructure;

/// <summary>
/// The key the suites share, in each shape KMS has, and the KMS0001/KMS0002 results that name it. Its account is not
/// one of the AWS documentation accounts, so the rules report it by default.
/// </summary>
internal static class TestKeys
{
    public const string KeyId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    public const string Mrk = "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";
    public const string Arn = "arn:aws:kms:eu-west-1:210987654321:key/" + KeyId;
    public const string Masked = "********4321";

    public static DiagnosticResult Kms0001(int location, string region = "eu-west-1", string keyId = KeyId, string account = Masked, string use = "") =>
        Verify.Diagnostic(DiagnosticIds.HardcodedKeyArn).WithLocation(location).WithArguments(region, keyId, account, use);

    public static DiagnosticResult Kms0002(int location, string mrk = Mrk, string use = "") =>
        Verify.Diagnostic(DiagnosticIds.RawMultiRegionKeyId).WithLocation(location).WithArguments(mrk, use);
}
