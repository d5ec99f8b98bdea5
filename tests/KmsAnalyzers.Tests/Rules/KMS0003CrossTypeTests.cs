using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.CrossRegionDecryptAnalyzer, KmsAnalyzers.CodeFixes.CrossRegionDecryptCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0003 where the client or the ciphertext comes from another class: factories, static holders, lazy properties.</summary>
public sealed class KMS0003CrossTypeTests
{
    private const string KeyId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    internal const string EuWest1Arn = "arn:aws:kms:eu-west-1:210987654321:key/" + KeyId;
    internal const string Usings = "using System.IO;\nusing System.Threading.Tasks;\nusing Amazon;\nusing Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;\n";

    internal static DiagnosticResult KeyInOtherRegion(int location, string client = "eu-west-2", string method = "DecryptAsync") =>
        Verify.Diagnostic(DiagnosticIds.CrossRegionDecrypt).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments(method, client, "its key '" + KeyId + "' is in Region 'eu-west-1'");

    private static DiagnosticResult CiphertextFromOtherRegion(int location, string client = "eu-west-2", string producer = "eu-west-1") =>
        Verify.Diagnostic(DiagnosticIds.CrossRegionDecrypt).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("DecryptAsync", client, "its ciphertext was encrypted by a client for Region '" + producer + "'");

    internal const string Clients = Usings + """
        namespace Orders.Infrastructure;

        public static class KmsClients
        {
            private static IAmazonKeyManagementService _lazy;
            private static IAmazonKeyManagementService _old;

            public static readonly IAmazonKeyManagementService Dr = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public static IAmazonKeyManagementService Lazy => _lazy ??= new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public static IAmazonKeyManagementService OldStyle
            {
                get { return _old ?? (_old = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { RegionEndpoint = RegionEndpoint.EUWest2 })); }
            }

            public static IAmazonKeyManagementService ForDisasterRecovery() => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public static IAmazonKeyManagementService For(RegionEndpoint region) => new AmazonKeyManagementServiceClient(region);
            public static IAmazonKeyManagementService ForName(string region)
            {
                var endpoint = RegionEndpoint.GetBySystemName(region);
                return new AmazonKeyManagementServiceClient(endpoint);
            }
        }
        """;

    private static Task Run(string consumer, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/KmsClients.cs", Clients));
        test.TestState.Sources.Add(("/0/Consumer.cs", consumer));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_clients_from_a_factory_a_static_holder_and_lazy_properties_of_another_class() => Run(Usings + $$"""
        using Orders.Infrastructure;

        class PaymentReader
        {
            private const string PaymentsKey = "{{EuWest1Arn}}";
            private readonly IAmazonKeyManagementService _fromFactory = KmsClients.ForDisasterRecovery();

            async Task Read(MemoryStream blob)
            {
                await {|#0:_fromFactory.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey })|};
                await {|#1:KmsClients.Dr.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey })|};
                await {|#2:KmsClients.Lazy.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey })|};
                await {|#3:KmsClients.OldStyle.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey })|};
                await {|#4:KmsClients.For(RegionEndpoint.EUWest2).DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey })|};
                var named = KmsClients.ForName("eu-west-2");
                await {|#5:named.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey })|};
                // Same Region: fine.
                await KmsClients.For(RegionEndpoint.EUWest1).DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey });
            }
        }
        """, KeyInOtherRegion(0), KeyInOtherRegion(1), KeyInOtherRegion(2), KeyInOtherRegion(3), KeyInOtherRegion(4), KeyInOtherRegion(5));

    [Fact]
    public Task Reports_a_request_built_by_a_method_of_another_class_and_not_one_whose_key_it_cannot_fix() => Run(Usings + $$"""
        using Orders.Infrastructure;

        static class RequestFactory
        {
            internal const string PaymentsKey = "{{EuWest1Arn}}";
            internal static DecryptRequest ForPayment(MemoryStream blob) => new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey };
            internal static DecryptRequest ForAnyKey(MemoryStream blob, string keyId) => new DecryptRequest { CiphertextBlob = blob, KeyId = keyId };
            internal static DecryptRequest Either(MemoryStream blob, bool dr) => dr
                ? new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey }
                : new DecryptRequest { CiphertextBlob = blob, KeyId = "alias/payments" };
        }

        class PaymentReader
        {
            async Task Read(MemoryStream blob, string keyId)
            {
                await {|#0:KmsClients.Dr.DecryptAsync(RequestFactory.ForPayment(blob))|};
                var request = RequestFactory.ForPayment(blob);
                await {|#1:KmsClients.Dr.DecryptAsync(request)|};
                await KmsClients.Dr.DecryptAsync(RequestFactory.ForAnyKey(blob, keyId));
                await KmsClients.Dr.DecryptAsync(RequestFactory.Either(blob, true));
            }
        }
        """, KeyInOtherRegion(0), KeyInOtherRegion(1));

    [Fact]
    public Task Reports_ciphertext_from_every_ciphertext_member_of_the_generate_data_key_responses() => Run(Usings + """
        using Orders.Infrastructure;

        class Envelope
        {
            private readonly IAmazonKeyManagementService _home = KmsClients.For(RegionEndpoint.EUWest1);

            async Task RoundTrip()
            {
                var pair = await _home.GenerateDataKeyPairWithoutPlaintextAsync(new GenerateDataKeyPairWithoutPlaintextRequest { KeyId = "alias/signing" });
                await {|#0:KmsClients.Dr.DecryptAsync(new DecryptRequest { CiphertextBlob = pair.PrivateKeyCiphertextBlob })|};
                var full = await _home.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = "alias/signing" });
                await {|#1:KmsClients.Dr.DecryptAsync(new DecryptRequest { CiphertextBlob = full.PrivateKeyCiphertextBlob })|};
                var data = await _home.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = "alias/data" });
                await {|#2:KmsClients.Lazy.DecryptAsync(new DecryptRequest { CiphertextBlob = data.CiphertextBlob })|};
                await _home.DecryptAsync(new DecryptRequest { CiphertextBlob = pair.PrivateKeyCiphertextBlob });
            }
        }
        """, CiphertextFromOtherRegion(0), CiphertextFromOtherRegion(1), CiphertextFromOtherRegion(2));

    [Fact]
    public Task Silent_for_replaceable_holders_overridable_factories_and_unknown_regions() => Run(Usings + $$"""
        using System;
        using Orders.Infrastructure;

        public class Holder
        {
            public static IAmazonKeyManagementService Settable { get; set; } = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public static IAmazonKeyManagementService Mutable = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public virtual IAmazonKeyManagementService Create() => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public static IAmazonKeyManagementService Either(bool dr) => dr ? new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2) : new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
            private static IAmazonKeyManagementService _resettable;
            public static IAmazonKeyManagementService Resettable => _resettable ??= new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public static void Reset(IAmazonKeyManagementService client) => _resettable = client;
        }

        class Reader
        {
            private const string Key = "{{EuWest1Arn}}";

            async Task Read(MemoryStream blob, Holder holder, string region)
            {
                await Holder.Settable.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = Key });
                await Holder.Mutable.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = Key });
                await holder.Create().DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = Key });
                await Holder.Either(true).DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = Key });
                await Holder.Resettable.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = Key });
                await KmsClients.ForName(region).DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = Key });
                await KmsClients.ForName(Environment.GetEnvironmentVariable("AWS_REGION")).DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = Key });
            }
        }
        """);
}
