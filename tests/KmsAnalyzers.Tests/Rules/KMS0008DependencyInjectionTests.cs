using System.Threading.Tasks;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.CrossRegionDecryptAnalyzer, KmsAnalyzers.CodeFixes.CrossRegionDecryptCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>
/// KMS0008 with KMS0003's call-site direction (compilation end): a client injected by the container gets the Region of
/// the single KMS registration, a client passed to a constructor the Region all callers agree on.
/// </summary>
public sealed class KMS0008DependencyInjectionTests
{
    private const string KeyId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

    private const string Usings = KMS0003CrossTypeTests.Usings +
        "using Amazon.Extensions.NETCore.Setup;\nusing Microsoft.Extensions.DependencyInjection;\n";

    private static readonly string Services = Usings + $$"""
        namespace Payments;

        public sealed class PaymentWriter(IAmazonKeyManagementService kms)
        {
            private const string PaymentsKey = "{{KMS0003CrossTypeTests.EuWest1Arn}}";

            public Task<EncryptResponse> Write(MemoryStream plaintext) =>
                {|#0:kms.EncryptAsync(new EncryptRequest { Plaintext = plaintext, KeyId = PaymentsKey })|};
        }

        public class KeyAudit
        {
            private readonly IAmazonKeyManagementService _kms;

            public KeyAudit(IAmazonKeyManagementService kms) => _kms = kms;

            public Task<DescribeKeyResponse> Describe() => {|#1:_kms.DescribeKeyAsync("{{KMS0003CrossTypeTests.EuWest1Arn}}")|};

            // Same Region as the key: fine wherever the client comes from.
            public Task<DescribeKeyResponse> DescribeHome() => _kms.DescribeKeyAsync("arn:aws:kms:eu-west-2:210987654321:key/{{KeyId}}");
        }
        """;

    private static DiagnosticResult Kms0008(int location, string method, string member) =>
        Verify.Diagnostic(DiagnosticIds.KeyInAnotherRegion).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments(method, "eu-west-2", member, KeyId, "eu-west-1", "use an alias, which KMS resolves in the client's Region");

    private static Task Run(string program, params DiagnosticResult[] expected) => ServiceAppTest.Run(Usings, Services, program, expected);

    private static DiagnosticResult[] Both => new[] { Kms0008(0, "EncryptAsync", "KeyId"), Kms0008(1, "DescribeKeyAsync", "keyId") };

    [Fact]
    public Task Region_of_the_single_registration_applies_to_injected_clients() => Run("""
        var services = new ServiceCollection();
        services.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.EUWest2 });
        services.AddSingleton<PaymentWriter>();
        services.AddSingleton<KeyAudit>();
        """, Both);

    [Fact]
    public Task Client_passed_to_a_constructor_from_every_call_site() => Run("""
        var dr = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
        var writer = new PaymentWriter(dr);
        var audit = new KeyAudit(new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2));
        """, Both);

    [Fact]
    public Task Silent_for_disagreeing_callers_and_registrations() => Run("""
        var writer = new PaymentWriter(new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2));
        var other = new PaymentWriter(new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1));
        var services = new ServiceCollection();
        services.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.EUWest2 });
        services.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.USEast1 });
        services.AddSingleton<KeyAudit>();
        """);
}
