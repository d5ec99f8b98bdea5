using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.CrossRegionDecryptAnalyzer, KmsAnalyzers.CodeFixes.CrossRegionDecryptCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0003: cross-Region decrypt, the client-Region tracing it relies on, and the designs that must stay silent.</summary>
public sealed class KMS0003CrossRegionDecryptTests
{
    private const string KeyId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string EuWest1Arn = "arn:aws:kms:eu-west-1:210987654321:key/" + KeyId;
    private const string Usings = "using System.IO;\nusing System.Threading.Tasks;\nusing Amazon;\nusing Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;\n";

    // Additional locations (where the fixes edit) are checked through the fixes' exact output.
    private static DiagnosticResult Kms0003(int location) =>
        Verify.Diagnostic(DiagnosticIds.CrossRegionDecrypt).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult KeyInOtherRegion(int location, string client = "eu-west-2", string key = KeyId, string keyRegion = "eu-west-1", string method = "DecryptAsync") =>
        Kms0003(location)
            .WithArguments(method, client, "its key '" + key + "' is in Region '" + keyRegion + "'");

    private static DiagnosticResult CiphertextFromOtherRegion(int location, string client = "eu-west-2", string producer = "eu-west-1") =>
        Kms0003(location)
            .WithArguments("DecryptAsync", client, "its ciphertext was encrypted by a client for Region '" + producer + "'");

    private static Task Reports(string body, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + body, expected);

    private static Task Silent(string body) => Verify.VerifyAnalyzerAsync(Usings + body);

    [Fact]
    public Task Reports_key_arn_of_another_region_on_a_field_pinned_in_the_constructor() => Reports($$"""
        class Worker
        {
            private const string PaymentsKeyArn = "{{EuWest1Arn}}";
            private readonly IAmazonKeyManagementService _kms;
            public Worker() { _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); }
            public Task<DecryptResponse> Run(MemoryStream blob) =>
                {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKeyArn })|};
        }
        """, KeyInOtherRegion(0));

    [Theory]
    [InlineData("new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2)")]
    [InlineData("new AmazonKeyManagementServiceClient(new Amazon.Runtime.BasicAWSCredentials(\"a\", \"s\"), RegionEndpoint.EUWest2)")]
    [InlineData("new AmazonKeyManagementServiceClient(\"akid\", \"secret\", RegionEndpoint.EUWest2)")]
    [InlineData("new AmazonKeyManagementServiceClient(\"akid\", \"secret\", \"token\", RegionEndpoint.EUWest2)")]
    [InlineData("new AmazonKeyManagementServiceClient(RegionEndpoint.GetBySystemName(\"eu-west-2\"))")]
    [InlineData("new AmazonKeyManagementServiceClient(RegionEndpoint.GetBySystemName(DrRegion))")]
    [InlineData("new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { RegionEndpoint = RegionEndpoint.EUWest2 })")]
    [InlineData("new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { ServiceURL = \"https://kms.eu-west-2.amazonaws.com\" })")]
    [InlineData("new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { ServiceURL = \"https://kms-fips.eu-west-2.amazonaws.com/\" })")]
    [InlineData("new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { ServiceURL = \"https://kms.us-east-1.amazonaws.com\", RegionEndpoint = RegionEndpoint.EUWest2 })")]
    [InlineData("new AmazonKeyManagementServiceClient(new Amazon.Runtime.BasicAWSCredentials(\"a\", \"s\"), new AmazonKeyManagementServiceConfig { RegionEndpoint = Dr })")]
    public Task Reports_every_client_creation_form(string creation) => Reports($$"""
        class Worker
        {
            const string DrRegion = "eu-west-2";
            static readonly RegionEndpoint Dr = RegionEndpoint.EUWest2;
            async Task Run(MemoryStream blob)
            {
                var kms = {{creation}};
                await {|#0:kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{EuWest1Arn}}" })|};
            }
        }
        """, KeyInOtherRegion(0));

    [Fact]
    public Task Reports_config_whose_region_is_set_after_creation() => Reports($$"""
        class Worker
        {
            async Task Run(MemoryStream blob)
            {
                var config = new AmazonKeyManagementServiceConfig();
                config.RegionEndpoint = RegionEndpoint.EUWest2;
                using var kms = new AmazonKeyManagementServiceClient(config);
                var request = new DecryptRequest { CiphertextBlob = blob };
                request.KeyId = "{{EuWest1Arn}}";
                await {|#0:kms.DecryptAsync(request)|};
            }
        }
        """, KeyInOtherRegion(0));

    [Fact]
    public Task Reports_field_initializer_property_getter_and_auto_property() => Reports($$"""
        class Worker
        {
            private static readonly IAmazonKeyManagementService Field = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            private IAmazonKeyManagementService Getter => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            private IAmazonKeyManagementService Auto { get; } = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            async Task Run(DecryptRequest unknown, MemoryStream blob)
            {
                var request = new DecryptRequest { CiphertextBlob = blob, KeyId = "{{EuWest1Arn}}" };
                await {|#0:Field.DecryptAsync(request)|};
                await {|#1:Getter.DecryptAsync(request)|};
                await {|#2:this.Auto.DecryptAsync(request)|};
            }
        }
        """, KeyInOtherRegion(0), KeyInOtherRegion(1), KeyInOtherRegion(2));

    [Fact]
    public Task Reports_reencrypt_source_key_and_sync_v3_decrypt() => Reports($$"""
        class Worker
        {
            private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.USEast1);
            void Run(MemoryStream blob)
            {
                {|#0:_kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = blob, SourceKeyId = "{{EuWest1Arn}}", DestinationKeyId = "alias/orders" })|};
                {|#1:_kms.Decrypt(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{EuWest1Arn}}" })|};
            }
        }
        """, KeyInOtherRegion(0, "us-east-1", method: "ReEncryptAsync"), KeyInOtherRegion(1, "us-east-1", method: "Decrypt"));

    [Fact]
    public Task Reports_alias_arn_of_another_region_by_alias_name() => Reports("""
        class Worker
        {
            async Task Run(MemoryStream blob)
            {
                var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                await {|#0:kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "arn:aws:kms:eu-west-1:210987654321:alias/orders" })|};
            }
        }
        """, KeyInOtherRegion(0, key: "alias/orders"));

    [Fact]
    public Task Reports_the_replica_pattern_encrypt_here_decrypt_there() => Reports("""
        class Replicator
        {
            async Task Run(MemoryStream plaintext)
            {
                var primary = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
                var replica = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                var encrypted = await primary.EncryptAsync(new EncryptRequest { KeyId = "alias/orders", Plaintext = plaintext });
                var blob = encrypted.CiphertextBlob;
                await {|#0:replica.DecryptAsync(new DecryptRequest { CiphertextBlob = blob })|};
                await {|#1:replica.DecryptAsync(new DecryptRequest { CiphertextBlob = (await primary.GenerateDataKeyAsync(new GenerateDataKeyRequest())).CiphertextBlob })|};
            }
        }
        """, CiphertextFromOtherRegion(0), CiphertextFromOtherRegion(1));

    [Fact]
    public Task Reports_replica_pattern_through_fields() => Reports("""
        class Replicator
        {
            private readonly IAmazonKeyManagementService _primary = new AmazonKeyManagementServiceClient(RegionEndpoint.USEast1);
            private readonly IAmazonKeyManagementService _replica = new AmazonKeyManagementServiceClient(RegionEndpoint.USWest2);
            private EncryptResponse _last;
            async Task Encrypt(MemoryStream plaintext) => _last = await _primary.EncryptAsync(new EncryptRequest { KeyId = "alias/orders", Plaintext = plaintext });
            Task Decrypt() => {|#0:_replica.DecryptAsync(new DecryptRequest { CiphertextBlob = _last.CiphertextBlob })|};
        }
        """, CiphertextFromOtherRegion(0, "us-west-2", "us-east-1"));

    [Fact]
    public Task Reports_across_partial_class_parts()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    Usings + "partial class Worker { private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); }",
                    Usings + $$"""partial class Worker { Task Run(MemoryStream b) => {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{EuWest1Arn}}" })|}; }""",
                },
            },
        };
        test.ExpectedDiagnostics.Add(KeyInOtherRegion(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_in_top_level_statements()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + $$"""
                var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                await {|#0:kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(), KeyId = "{{EuWest1Arn}}" })|};
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(KeyInOtherRegion(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_client_outside_home_regions_when_set()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                class Worker
                {
                    Task Run(MemoryStream b) => {|#0:new AmazonKeyManagementServiceClient(RegionEndpoint.APSouth1).DecryptAsync(new DecryptRequest { CiphertextBlob = b })|};
                    Task Home(MemoryStream b) => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1).DecryptAsync(new DecryptRequest { CiphertextBlob = b });
                }
                """,
        }.WithEditorConfig("kms_analyzers.home_regions = us-east-1, eu-west-1");
        test.ExpectedDiagnostics.Add(Kms0003(0)
            .WithArguments("DecryptAsync", "ap-south-1", "that Region is not one of the home Regions (us-east-1, eu-west-1)"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Silent_when_home_regions_unset_or_client_in_home() => Silent("""
        class Worker
        {
            Task Run(MemoryStream b) => new AmazonKeyManagementServiceClient(RegionEndpoint.APSouth1).DecryptAsync(new DecryptRequest { CiphertextBlob = b });
        }
        """);

    [Theory]
    [InlineData("new AmazonKeyManagementServiceClient()")]                                    // Region from the environment
    [InlineData("injected")]                                                                    // a parameter (DI)
    [InlineData("new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1)")]                // same Region as the key
    [InlineData("new AmazonKeyManagementServiceClient(RegionEndpoint.GetBySystemName(region))")] // Region from configuration
    [InlineData("new AmazonKeyManagementServiceClient(RegionEndpoint.GetBySystemName(System.Environment.GetEnvironmentVariable(\"AWS_REGION\")))")]
    [InlineData("new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { ServiceURL = \"https://vpce-1234.kms.eu-west-2.vpce.amazonaws.com\" })")]
    [InlineData("new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { ServiceURL = url })")]
    [InlineData("clients[RegionEndpoint.EUWest2]")]                                            // a per-Region map
    [InlineData("region == \"eu-west-2\" ? new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2) : injected")]
    public Task Silent_when_the_client_region_is_unknown_or_matches(string client) => Silent($$"""
        using System.Collections.Generic;
        class Worker
        {
            async Task Run(IAmazonKeyManagementService injected, Dictionary<RegionEndpoint, IAmazonKeyManagementService> clients, string region, string url, MemoryStream blob)
            {
                var kms = {{client}};
                await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{EuWest1Arn}}" });
            }
        }
        """);

    [Theory]
    [InlineData("\"alias/orders\"")]
    [InlineData("\"" + KeyId + "\"")]
    [InlineData("\"mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d\"")]
    [InlineData("keyFromConfig")]
    [InlineData("\"arn:aws:kms:eu-west-2:210987654321:key/" + KeyId + "\"")]
    public Task Silent_when_the_key_names_no_other_region(string key) => Silent($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            Task Run(string keyFromConfig, MemoryStream blob) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = {{key}} });
        }
        """);

    [Fact]
    public Task Silent_for_per_region_designs() => Silent($$"""
        using System.Collections.Generic;
        class PerRegion
        {
            private readonly Dictionary<RegionEndpoint, IAmazonKeyManagementService> _clients = new();
            private IAmazonKeyManagementService _current;
            PerRegion(IEnumerable<RegionEndpoint> regions)
            {
                foreach (var r in regions) _clients[r] = new AmazonKeyManagementServiceClient(r);
            }
            void Switch(string region) => _current = region switch
            {
                "eu-west-1" => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1),
                _ => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2),
            };
            async Task Discover(MemoryStream blob)
            {
                foreach (var region in new[] { RegionEndpoint.EUWest1, RegionEndpoint.EUWest2 })
                {
                    var kms = new AmazonKeyManagementServiceClient(region);
                    await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob });
                }
                await _current.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{EuWest1Arn}}" });
                await _clients[RegionEndpoint.EUWest2].DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{EuWest1Arn}}" });
            }
        }
        """);

    [Fact]
    public Task Silent_when_a_field_is_assigned_two_regions_or_is_publicly_settable() => Silent($$"""
        class Worker
        {
            private IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public IAmazonKeyManagementService Client { get; set; } = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            void Failover() => _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
            async Task Run(MemoryStream blob)
            {
                await _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{EuWest1Arn}}" });
                await Client.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{EuWest1Arn}}" });
            }
        }
        """);

    [Fact]
    public Task Silent_for_other_services_in_other_regions_and_same_region_replica() => Silent("""
        class Worker
        {
            async Task Run(MemoryStream plaintext)
            {
                var s3 = new Amazon.S3.AmazonS3Client(RegionEndpoint.USEast1);
                var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
                var same = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
                var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = "alias/orders", Plaintext = plaintext });
                await same.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob });
                await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest());
            }
        }
        """);

    [Fact]
    public Task Silent_without_the_aws_sdk()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class AmazonKeyManagementServiceClient { public void Decrypt(object request) { } }
                class C { void M() => new AmazonKeyManagementServiceClient().Decrypt(null); }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("class W { void M() { var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); kms.DecryptAsync(new DecryptRequest { KeyId = \"" + EuWest1Arn + "\" ")]
    [InlineData("class W { IAmazonKeyManagementService _k = new AmazonKeyManagementServiceClient(RegionEndpoint.; void M() => _k.DecryptAsync(")]
    [InlineData("class W { void M() { _k.DecryptAsync(new DecryptRequest { KeyId = }); } }")]
    [InlineData("var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); kms.DecryptAsync(new() { KeyId = \"" + EuWest1Arn + "\" });")]
    [InlineData("class W { void M() { var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); var kms = kms; kms.DecryptAsync(null); } }")]
    public async Task Survives_incomplete_code(string source)
    {
        var result = await AnalyzerRunner.RunAsync(new CrossRegionDecryptAnalyzer(), Usings + source);
        Assert.Empty(result.Exceptions);
    }

    [Fact]
    public Task Fix_uses_the_alias_from_the_map_for_the_key()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + $$"""
                class Worker
                {
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                    Task Run(MemoryStream b) => {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = Keys.Payments /* eu-west-1 */ })|};
                }
                static class Keys { public const string Payments = "{{EuWest1Arn}}"; }
                """,
            FixedCode = Usings + $$"""
                class Worker
                {
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                    Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "alias/payments" /* eu-west-1 */ });
                }
                static class Keys { public const string Payments = "{{EuWest1Arn}}"; }
                """,
            CodeActionEquivalenceKey = CrossRegionDecryptCodeFixProvider.PreferredKey,
        }.WithAliasMap($$"""{"Aliases":[{"AliasName":"alias/payments","AliasArn":"arn:aws:kms:eu-west-2:210987654321:alias/payments","TargetKeyId":"{{KeyId}}"}]}""");
        test.ExpectedDiagnostics.Add(KeyInOtherRegion(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Fix_removes_the_key_id_and_keeps_the_rest() => VerifyFix($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            Task Run(MemoryStream b) => {|#0:_kms.DecryptAsync(new DecryptRequest
            {
                CiphertextBlob = b,
                // the payments key
                KeyId = "{{EuWest1Arn}}",
            })|};
        }
        """, """
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest
            {
                CiphertextBlob = b,
                // the payments key
            });
        }
        """, CrossRegionDecryptCodeFixProvider.RemoveKeyKey, KeyInOtherRegion(0));

    [Theory]
    [InlineData("new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2)", "new AmazonKeyManagementServiceClient()")]
    [InlineData("new AmazonKeyManagementServiceClient(credentials, RegionEndpoint.EUWest2)", "new AmazonKeyManagementServiceClient(credentials)")]
    [InlineData("new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { RegionEndpoint = RegionEndpoint.EUWest2 })", "new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { })")]
    [InlineData("new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { ServiceURL = \"https://kms.eu-west-2.amazonaws.com\", MaxErrorRetry = 5 })", "new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { MaxErrorRetry = 5 })")]
    public Task Fix_takes_the_region_from_the_environment(string before, string after) => VerifyFix($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms;
            Worker(Amazon.Runtime.AWSCredentials credentials) { _kms = {{before}}; }
            Task Run(MemoryStream b) => {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{EuWest1Arn}}" })|};
        }
        """, $$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms;
            Worker(Amazon.Runtime.AWSCredentials credentials) { _kms = {{after}}; }
            Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{EuWest1Arn}}" });
        }
        """, CrossRegionDecryptCodeFixProvider.PreferredKey, KeyInOtherRegion(0));

    [Fact]
    public Task Fix_all_unpins_every_client_in_the_document_once() => VerifyFix($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            private readonly IAmazonKeyManagementService _other = new AmazonKeyManagementServiceClient(
                new AmazonKeyManagementServiceConfig
                {
                    MaxErrorRetry = 3,
                    // disaster recovery
                    RegionEndpoint = RegionEndpoint.USEast1,
                });
            async Task Run(MemoryStream b)
            {
                await {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{EuWest1Arn}}" })|};
                await {|#1:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{EuWest1Arn}}" })|};
                await {|#2:_other.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = b, SourceKeyId = "{{EuWest1Arn}}" })|};
            }
        }
        """, $$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient();
            private readonly IAmazonKeyManagementService _other = new AmazonKeyManagementServiceClient(
                new AmazonKeyManagementServiceConfig
                {
                    MaxErrorRetry = 3,
                    // disaster recovery
                });
            async Task Run(MemoryStream b)
            {
                await _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{EuWest1Arn}}" });
                await _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{EuWest1Arn}}" });
                await _other.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = b, SourceKeyId = "{{EuWest1Arn}}" });
            }
        }
        """, CrossRegionDecryptCodeFixProvider.PreferredKey,
        KeyInOtherRegion(0), KeyInOtherRegion(1), KeyInOtherRegion(2, "us-east-1", method: "ReEncryptAsync"));

    [Fact]
    public Task Fix_all_applies_each_diagnostics_preferred_fix_and_region_fix_is_second_when_an_alias_is_known()
    {
        var map = $$"""{"Aliases":[{"AliasName":"alias/payments","TargetKeyId":"{{KeyId}}"}]}""";
        var source = Usings + $$"""
            class Worker
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                private readonly IAmazonKeyManagementService _primary = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
                async Task Run(MemoryStream b)
                {
                    await {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{EuWest1Arn}}" })|};
                    var encrypted = await _primary.EncryptAsync(new EncryptRequest { KeyId = "alias/payments", Plaintext = b });
                    await {|#1:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob })|};
                }
            }
            """;
        var preferred = new Verify.Test
        {
            TestCode = source,
            FixedCode = Usings + """
                class Worker
                {
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient();
                    private readonly IAmazonKeyManagementService _primary = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
                    async Task Run(MemoryStream b)
                    {
                        await _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "alias/payments" });
                        var encrypted = await _primary.EncryptAsync(new EncryptRequest { KeyId = "alias/payments", Plaintext = b });
                        await _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob });
                    }
                }
                """,
            CodeActionEquivalenceKey = CrossRegionDecryptCodeFixProvider.PreferredKey,
            NumberOfFixAllIterations = 1,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck,
        }.WithAliasMap(map);
        preferred.ExpectedDiagnostics.Add(KeyInOtherRegion(0));
        preferred.ExpectedDiagnostics.Add(CiphertextFromOtherRegion(1));
        return preferred.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Region_fix_is_the_second_action_when_an_alias_is_known() => new Verify.Test
    {
        TestCode = Usings + $$"""
            class Worker
            {
                Task Run(MemoryStream b) => {|#0:new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2).DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "arn:aws:kms:eu-west-1:210987654321:alias/payments" })|};
            }
            """,
        FixedCode = Usings + """
            class Worker
            {
                Task Run(MemoryStream b) => new AmazonKeyManagementServiceClient().DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "arn:aws:kms:eu-west-1:210987654321:alias/payments" });
            }
            """,
        CodeActionEquivalenceKey = CrossRegionDecryptCodeFixProvider.RegionFromEnvironmentKey,
        CodeActionIndex = 1,
        ExpectedDiagnostics = { KeyInOtherRegion(0, key: "alias/payments") },
    }.RunAsync(CancellationToken.None);

    [Fact]
    public Task No_region_fix_that_would_delete_a_comment() => VerifyFix($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig
            {
                RegionEndpoint = RegionEndpoint.EUWest2, // DR Region, see runbook
                MaxErrorRetry = 3,
            });
            Task Run(MemoryStream b) => {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{EuWest1Arn}}" })|};
        }
        """, $$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig
            {
                RegionEndpoint = RegionEndpoint.EUWest2, // DR Region, see runbook
                MaxErrorRetry = 3,
            });
            Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b });
        }
        """, CrossRegionDecryptCodeFixProvider.RemoveKeyKey, KeyInOtherRegion(0));

    [Fact]
    public Task No_region_fix_when_the_client_is_pinned_in_another_file()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    Usings + "partial class Worker { private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); }",
                    Usings + """partial class Worker { Task Run(MemoryStream b) => {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b })|}; }""",
                },
            },
        }.WithEditorConfig("kms_analyzers.home_regions = us-east-1");
        test.ExpectedDiagnostics.Add(Kms0003(0)
            .WithArguments("DecryptAsync", "eu-west-2", "that Region is not one of the home Regions (us-east-1)"));
        foreach (var source in test.TestState.Sources)
            test.FixedState.Sources.Add(source);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyFix(string source, string fixedSource, string key, params DiagnosticResult[] expected) =>
        Verify.VerifyCodeFixAsync(Usings + source, expected, Usings + fixedSource, key);
}
