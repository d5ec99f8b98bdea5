using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Sdk;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.CrossRegionDecryptAnalyzer, KmsAnalyzers.CodeFixes.CrossRegionDecryptCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>
/// KMS0008: a KMS call other than a decrypt entry point whose key ARN or alias ARN names another Region than its
/// client's, for every operation of the sink table, with KMS0003's Region resolution; the designs that stay silent;
/// the alias and Region fixes (no alias where the operation takes none).
/// </summary>
public sealed class KMS0008KeyInAnotherRegionTests
{
    private const string KeyId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string EuWest1Arn = "arn:aws:kms:eu-west-1:210987654321:key/" + KeyId;
    private const string EuWest1AliasArn = "arn:aws:kms:eu-west-1:210987654321:alias/orders";
    private const string Usings = "using System.IO;\nusing System.Threading.Tasks;\nusing Amazon;\nusing Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;\n";
    private const string AliasAdvice = "use an alias, which KMS resolves in the client's Region";
    private const string ArnAdvice = "this operation takes no alias, so look the key ARN up in the client's Region";
    private const string AliasMap = $$"""{"Aliases":[{"AliasName":"alias/payments","AliasArn":"arn:aws:kms:eu-west-2:210987654321:alias/payments","TargetKeyId":"{{KeyId}}"}]}""";

    // Additional locations (where the fixes edit) are checked through the fixes' exact output.
    private static DiagnosticResult Kms0008(
        int location, string method, string member = "KeyId", string client = "eu-west-2", string key = KeyId, string keyRegion = "eu-west-1", bool aliasValid = true) =>
        Verify.Diagnostic(DiagnosticIds.KeyInAnotherRegion).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments(method, client, member, key, keyRegion, aliasValid ? AliasAdvice : ArnAdvice);

    private static Task Reports(string body, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + body, expected);

    private static Task Silent(string body) => Verify.VerifyAnalyzerAsync(Usings + body);

    /// <summary>Every request member of the sink table that KMS0008 checks: (operation, request type, member, alias valid).</summary>
    public static TheoryData<string, string, string, bool> RequestMembers()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var sink in KnownSinks.AllProperties.Where(s => s.TypeMetadataName.StartsWith("Amazon.KeyManagementService.Model.", System.StringComparison.Ordinal)))
        {
            var request = sink.TypeMetadataName.Substring("Amazon.KeyManagementService.Model.".Length);
            var operation = request.Substring(0, request.Length - "Request".Length);
            if ((sink.Accepts & (KeyForms.KeyArn | KeyForms.AliasArn)) == 0 || KmsOperations.DecryptKeyProperty(operation) == sink.Property)
                continue;
            data.Add(operation + "Async", request, sink.Property, KnownSinks.AcceptsAliasName(sink.Accepts));
        }

        return data;
    }

    [Fact]
    public void Every_non_decrypt_kms_operation_of_the_sink_table_is_checked()
    {
        var operations = RequestMembers().Select(row => (string)row[0]).ToArray();
        Assert.Equal(43, operations.Length);
        Assert.Contains("EncryptAsync", operations);
        Assert.Contains("ReEncryptAsync", operations); // DestinationKeyId
        Assert.Contains("RetireGrantAsync", operations);
        Assert.DoesNotContain("DecryptAsync", operations);
        Assert.DoesNotContain("DecapsulateAsync", operations);
        Assert.True(KmsOperations.IsCrossRegionKeyOperation("DescribeKey"));
        Assert.True(KmsOperations.IsCrossRegionKeyOperation("ScheduleKeyDeletionAsync"));
        Assert.False(KmsOperations.IsCrossRegionKeyOperation("DecryptAsync"));
        Assert.False(KmsOperations.IsCrossRegionKeyOperation("CreateKeyAsync"));
        Assert.False(KmsOperations.IsCrossRegionKeyOperation("DeleteAliasAsync")); // alias names only: they name no Region
    }

    [Fact]
    public void The_first_test_of_every_invocation_takes_each_key_operation_and_rejects_other_names()
    {
        // IsKeyOperation rejects on a name's length and initial before hashing it: none of the operations may be lost.
        foreach (var row in RequestMembers())
            Assert.True(KmsOperations.IsKeyOperation((string)row[0]), (string)row[0]);
        foreach (var decrypt in new[] { "Decrypt", "DecryptAsync", "Decapsulate", "DecapsulateAsync", "ReEncrypt", "ReEncryptAsync" })
            Assert.True(KmsOperations.IsKeyOperation(decrypt), decrypt);
        foreach (var other in new[] { "", "decrypt", "ToString", "Dispose", "CreateKeyAsync", "_Decrypt", "\u00C9ncrypt", "Ä", new string('D', 80) })
            Assert.False(KmsOperations.IsKeyOperation(other), other);
    }

    [Theory]
    [MemberData(nameof(RequestMembers))]
    public Task Reports_every_operation_whose_request_key_names_another_region(string method, string request, string member, bool aliasValid) => Reports($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            Task Run() => {|#0:_kms.{{method}}(new {{request}} { {{member}} = "{{EuWest1Arn}}" })|};
        }
        """, Kms0008(0, method, member, aliasValid: aliasValid));

    [Fact]
    public Task Reports_the_message_families_encrypt_sign_mac_and_key_management() => Reports($$"""
        class Worker
        {
            private const string OrdersKeyArn = "{{EuWest1Arn}}";
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.USEast1);
            async Task Run(MemoryStream data)
            {
                await {|#0:_kms.EncryptAsync(new EncryptRequest { KeyId = OrdersKeyArn, Plaintext = data })|};
                await {|#1:_kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = OrdersKeyArn, KeySpec = DataKeySpec.AES_256 })|};
                await {|#2:_kms.SignAsync(new SignRequest { KeyId = "{{EuWest1AliasArn}}", Message = data, SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256 })|};
                await {|#3:_kms.GenerateMacAsync(new GenerateMacRequest { KeyId = OrdersKeyArn, Message = data })|};
                await {|#4:_kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = OrdersKeyArn })|};
                await {|#5:_kms.CreateGrantAsync(new CreateGrantRequest { KeyId = OrdersKeyArn, GranteePrincipal = "arn:aws:iam::210987654321:role/settlement" })|};
            }
        }
        """,
        Kms0008(0, "EncryptAsync", client: "us-east-1"),
        Kms0008(1, "GenerateDataKeyAsync", client: "us-east-1"),
        Kms0008(2, "SignAsync", client: "us-east-1", key: "alias/orders"),
        Kms0008(3, "GenerateMacAsync", client: "us-east-1"),
        Kms0008(4, "EnableKeyRotationAsync", client: "us-east-1", aliasValid: false),
        Kms0008(5, "CreateGrantAsync", client: "us-east-1", aliasValid: false));

    [Fact]
    public Task Reports_the_key_parameter_of_convenience_overloads_named_or_positional() => Reports($$"""
        class Worker
        {
            private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            async Task Run()
            {
                await {|#0:_kms.DescribeKeyAsync("{{EuWest1Arn}}")|};
                await {|#1:_kms.ScheduleKeyDeletionAsync(pendingWindowInDays: 7, keyId: "{{EuWest1Arn}}")|};
                await {|#2:_kms.RevokeGrantAsync("grant-1", "{{EuWest1Arn}}")|};
                await {|#3:_kms.CreateAliasAsync("alias/orders", "{{EuWest1Arn}}")|};
                await {|#4:_kms.GetKeyPolicyAsync("{{EuWest1Arn}}", "default")|};
                {|#5:_kms.DescribeKey("{{EuWest1AliasArn}}")|};
            }
        }
        """,
        Kms0008(0, "DescribeKeyAsync", "keyId"),
        Kms0008(1, "ScheduleKeyDeletionAsync", "keyId", aliasValid: false),
        Kms0008(2, "RevokeGrantAsync", "keyId", aliasValid: false),
        Kms0008(3, "CreateAliasAsync", "targetKeyId", aliasValid: false),
        Kms0008(4, "GetKeyPolicyAsync", "keyId", aliasValid: false),
        Kms0008(5, "DescribeKey", "keyId", key: "alias/orders"));

    [Fact]
    public Task Reports_sync_v3_calls_and_async_variants() => Reports($$"""
        class Worker
        {
            private static readonly AmazonKeyManagementServiceClient Kms = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { ServiceURL = "https://kms.eu-west-2.amazonaws.com" });
            void Run(MemoryStream data)
            {
                {|#0:Kms.Encrypt(new EncryptRequest { KeyId = "{{EuWest1Arn}}", Plaintext = data })|};
                {|#1:Kms.GenerateDataKey(new GenerateDataKeyRequest { KeyId = "{{EuWest1Arn}}" })|};
                {|#2:Kms.GenerateDataKeyWithoutPlaintext(new GenerateDataKeyWithoutPlaintextRequest { KeyId = "{{EuWest1Arn}}" })|};
                {|#3:Kms.CreateGrant(new CreateGrantRequest { KeyId = "{{EuWest1Arn}}" })|};
                var pending = {|#4:Kms.GenerateDataKeyPairAsync(new GenerateDataKeyPairRequest { KeyId = "{{EuWest1Arn}}" })|};
            }
        }
        """,
        Kms0008(0, "Encrypt"), Kms0008(1, "GenerateDataKey"), Kms0008(2, "GenerateDataKeyWithoutPlaintext"),
        Kms0008(3, "CreateGrant", aliasValid: false), Kms0008(4, "GenerateDataKeyPairAsync"));

    [Fact]
    public Task Reports_reencrypt_destination_apart_from_kms0003s_source() => Reports($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            async Task Run(MemoryStream blob)
            {
                await {|#0:_kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = blob, DestinationKeyId = "{{EuWest1Arn}}" })|};
                await {|#1:_kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = blob, SourceKeyId = "{{EuWest1Arn}}", DestinationKeyId = "{{EuWest1AliasArn}}" })|};
                await _kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = blob, SourceKeyId = "alias/orders", DestinationKeyId = "arn:aws:kms:eu-west-2:210987654321:alias/archive" });
            }
        }
        """,
        Kms0008(0, "ReEncryptAsync", "DestinationKeyId"),
        Verify.Diagnostic(DiagnosticIds.CrossRegionDecrypt).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("ReEncryptAsync", "eu-west-2", "its key '" + KeyId + "' is in Region 'eu-west-1'"),
        Kms0008(1, "ReEncryptAsync", "DestinationKeyId", key: "alias/orders"));

    [Fact]
    public Task Reports_requests_built_in_locals_fields_and_statements() => Reports($$"""
        static class Keys { public const string Orders = "{{EuWest1Arn}}"; }
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms;
            private readonly DescribeKeyRequest _describe = new DescribeKeyRequest { KeyId = Keys.Orders };
            private static readonly string SigningKey = "{{EuWest1AliasArn}}";
            public Worker() => _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.GetBySystemName("eu-west-2"));
            async Task Run(MemoryStream data)
            {
                var request = new EncryptRequest { Plaintext = data };
                request.KeyId = Keys.Orders;
                await {|#0:_kms.EncryptAsync(request)|};
                await {|#1:_kms.DescribeKeyAsync(_describe)|};
                var key = SigningKey;
                await {|#2:_kms.VerifyAsync(new VerifyRequest { KeyId = key, Message = data })|};
                const string local = $"{Keys.Orders}";
                await {|#3:_kms.GetPublicKeyAsync(new() { KeyId = local })|};
            }
        }
        """,
        Kms0008(0, "EncryptAsync"), Kms0008(1, "DescribeKeyAsync"), Kms0008(2, "VerifyAsync", key: "alias/orders"), Kms0008(3, "GetPublicKeyAsync"));

    [Fact]
    public Task Reports_in_top_level_statements()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + $$"""
                using var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.APSoutheast2);
                var key = await {|#0:kms.DescribeKeyAsync("{{EuWest1Arn}}")|};
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Kms0008(0, "DescribeKeyAsync", "keyId", client: "ap-southeast-2"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_a_key_const_declared_in_another_file()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""static class Keys { public const string Orders = "{{EuWest1Arn}}"; }""",
                    Usings + """
                        class Worker
                        {
                            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                            Task Run(MemoryStream d) => {|#0:_kms.EncryptAsync(new EncryptRequest { KeyId = Keys.Orders, Plaintext = d })|};
                        }
                        """,
                },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0008(0, "EncryptAsync"));
        return test.RunAsync(CancellationToken.None);
    }

    // KMS calls are visited only in the types whose code may use the client (SourceSearch.MayUseKmsClient): the files of
    // the type, of its containing types and of its base types, told from their text, or a global using of the SDK. In each
    // test below, the file with the call says neither kms nor the SDK's name (the key ARN is a constant of Keys.cs).
    private static Task ReportsAcrossFiles(DiagnosticResult expected, params (string Name, string Code)[] files)
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Keys.cs", $$"""static class Keys { public const string Orders = "{{EuWest1Arn}}"; }"""));
        foreach (var file in files)
            test.TestState.Sources.Add(file);
        test.ExpectedDiagnostics.Add(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_a_call_on_a_client_inherited_from_a_base_type_declared_in_another_file() => ReportsAcrossFiles(
        Kms0008(0, "DescribeKeyAsync", "keyId"),
        ("Base.cs", Usings + """
            abstract class ClientOwner
            {
                protected readonly IAmazonKeyManagementService Client = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            }
            """),
        ("Worker.cs", """
            using System.Threading.Tasks;
            sealed class Worker : ClientOwner
            {
                Task Run() => {|#0:Client.DescribeKeyAsync(Keys.Orders)|};
            }
            """));

    [Fact]
    public Task Reports_a_call_in_a_nested_type_on_a_client_its_container_declares_in_another_file() => ReportsAcrossFiles(
        Kms0008(0, "DescribeKeyAsync", "keyId"),
        ("Outer.Client.cs", Usings + """
            partial class Outer
            {
                internal static readonly IAmazonKeyManagementService Client = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            }
            """),
        ("Outer.Inner.cs", """
            using System.Threading.Tasks;
            partial class Outer
            {
                sealed class Inner
                {
                    Task Run() => {|#0:Client.DescribeKeyAsync(Keys.Orders)|};
                }
            }
            """));

    [Fact]
    public Task Reports_a_call_on_a_client_named_by_a_global_using_alias() => ReportsAcrossFiles(
        Kms0008(0, "DescribeKeyAsync", "keyId"),
        ("GlobalUsings.cs", """
            global using Amazon;
            global using RegionalClient = Amazon.KeyManagementService.AmazonKeyManagementServiceClient;
            """),
        ("Worker.cs", """
            using System.Threading.Tasks;
            sealed class Worker
            {
                private readonly RegionalClient _client = new RegionalClient(RegionEndpoint.EUWest2);
                Task Run() => {|#0:_client.DescribeKeyAsync(Keys.Orders)|};
            }
            """));

    [Fact]
    public async Task Looks_at_a_type_whose_base_types_form_a_cycle_without_failing()
    {
        // Broken code while typing (CS0146): the gate walks base types declared in source, and a cycle must end it.
        var result = await AnalyzerRunner.RunAsync(new KmsCodeAnalyzer(),
            $$"""static class Keys { public const string Orders = "{{EuWest1Arn}}"; }""",
            """
            using System.Threading.Tasks;
            class Worker : Loop { Task Run() => Client.DescribeKeyAsync(Keys.Orders); }
            class Loop : Worker { }
            """);

        Assert.Empty(result.Exceptions);
        Assert.Contains(result.Compilation.GetDiagnostics(), d => d.Id == "CS0146");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.KeyInAnotherRegion);
    }

    [Theory]
    [InlineData("new AmazonKeyManagementServiceClient()")]                                      // Region from the environment
    [InlineData("injected")]                                                                      // a parameter (DI)
    [InlineData("new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1)")]                  // same Region as the key
    [InlineData("new AmazonKeyManagementServiceClient(RegionEndpoint.GetBySystemName(region))")]  // Region from configuration
    [InlineData("new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { ServiceURL = \"https://vpce-1234.kms.eu-west-2.vpce.amazonaws.com\" })")]
    [InlineData("clients[RegionEndpoint.EUWest2]")]                                              // a per-Region map
    [InlineData("region == \"eu-west-2\" ? new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2) : injected")]
    public Task Silent_when_the_client_region_is_unknown_or_matches(string client) => Silent($$"""
        using System.Collections.Generic;
        class Worker
        {
            async Task Run(IAmazonKeyManagementService injected, Dictionary<RegionEndpoint, IAmazonKeyManagementService> clients, string region, MemoryStream data)
            {
                var kms = {{client}};
                await kms.EncryptAsync(new EncryptRequest { KeyId = "{{EuWest1Arn}}", Plaintext = data });
                await kms.DescribeKeyAsync("{{EuWest1Arn}}");
                await kms.ScheduleKeyDeletionAsync("{{EuWest1Arn}}", 7);
            }
        }
        """);

    [Theory]
    [InlineData("\"alias/orders\"")]
    [InlineData("\"alias/aws/ebs\"")]
    [InlineData("\"" + KeyId + "\"")]
    [InlineData("\"mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d\"")]
    [InlineData("keyFromConfig")]
    [InlineData("\"arn:aws:kms:eu-west-2:210987654321:key/" + KeyId + "\"")]
    [InlineData("\"arn:aws:kms:eu-west-2:210987654321:alias/orders\"")]
    [InlineData("$\"arn:aws:kms:{region}:210987654321:key/" + KeyId + "\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:210987654321:key/*\"")]
    [InlineData("\"" + EuWest1Arn + "-old\"")]
    public Task Silent_when_the_key_names_no_other_region(string key) => Silent($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            async Task Run(string keyFromConfig, string region, MemoryStream data)
            {
                await _kms.EncryptAsync(new EncryptRequest { KeyId = {{key}}, Plaintext = data });
                await _kms.DescribeKeyAsync({{key}});
            }
        }
        """);

    [Fact]
    public Task Silent_for_arns_in_members_that_are_not_the_key() => Silent($$"""
        using System.Collections.Generic;
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            async Task Run(MemoryStream data)
            {
                await _kms.CreateGrantAsync(new CreateGrantRequest { KeyId = "alias/orders", GranteePrincipal = "arn:aws:iam::210987654321:role/eu-west-1-reader" });
                await _kms.PutKeyPolicyAsync("{{KeyId}}", "{\"Resource\": \"{{EuWest1Arn}}\"}", "default");
                await _kms.UpdateKeyDescriptionAsync("{{KeyId}}", "Replica of {{EuWest1Arn}}");
                await _kms.ListRetirableGrantsAsync("arn:aws:iam::210987654321:role/settlement");
                await _kms.CreateAliasAsync("alias/orders", "{{KeyId}}");
                await _kms.ReplicateKeyAsync(new ReplicateKeyRequest { KeyId = "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d", ReplicaRegion = "eu-west-1" });
                await _kms.EncryptAsync(new EncryptRequest { KeyId = "alias/orders", Plaintext = data, EncryptionContext = new Dictionary<string, string> { ["source"] = "{{EuWest1Arn}}" } });
            }
        }
        """);

    [Fact]
    public Task Silent_for_decrypt_entry_points_which_are_kms0003s() => Reports($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            Task Run(MemoryStream blob) => {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{EuWest1Arn}}" })|};
        }
        """, Verify.Diagnostic(DiagnosticIds.CrossRegionDecrypt).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("DecryptAsync", "eu-west-2", "its key '" + KeyId + "' is in Region 'eu-west-1'"));

    [Fact]
    public Task Silent_when_the_key_or_client_is_not_one_value() => Silent($$"""
        class Worker
        {
            private IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public IAmazonKeyManagementService Client { get; set; } = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            public string KeyArn { get; set; } = "{{EuWest1Arn}}";
            void Failover() => _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
            async Task Run(MemoryStream data, bool archive)
            {
                await _kms.EncryptAsync(new EncryptRequest { KeyId = "{{EuWest1Arn}}", Plaintext = data });
                await Client.EncryptAsync(new EncryptRequest { KeyId = "{{EuWest1Arn}}", Plaintext = data });
                var pinned = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                await pinned.EncryptAsync(new EncryptRequest { KeyId = KeyArn, Plaintext = data });
                var request = new EncryptRequest { Plaintext = data };
                request.KeyId = "{{EuWest1Arn}}";
                if (archive) request.KeyId = "alias/archive";
                await pinned.EncryptAsync(request);
            }
        }
        """);

    [Fact]
    public Task Silent_in_generated_code()
    {
        var generated = $$"""
            class Generated
            {
                System.Threading.Tasks.Task Run() => new Amazon.KeyManagementService.AmazonKeyManagementServiceClient(Amazon.RegionEndpoint.EUWest2).DescribeKeyAsync("{{EuWest1Arn}}");
            }
            """;
        var test = new Verify.Test { TestState = { Sources = { ("/Marked.cs", "// <auto-generated/>\n" + generated.Replace("Generated", "Marked")), ("/Named.g.cs", generated) } } };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Silent_for_look_alike_methods_and_other_services() => Silent($$"""
        class KeyCache
        {
            public Task<string> DescribeKeyAsync(string keyId) => Task.FromResult(keyId);
            public string Encrypt(EncryptRequest request) => request.KeyId;
        }
        class Worker
        {
            async Task Run(MemoryStream data)
            {
                var cache = new KeyCache();
                await cache.DescribeKeyAsync("{{EuWest1Arn}}");
                cache.Encrypt(new EncryptRequest { KeyId = "{{EuWest1Arn}}" });
                var s3 = new Amazon.S3.AmazonS3Client(RegionEndpoint.EUWest2);
                await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { ServerSideEncryptionKeyManagementServiceKeyId = "{{EuWest1Arn}}" });
            }
        }
        """);

    [Theory]
    [InlineData("class W { void M() { var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); kms.EncryptAsync(new EncryptRequest { KeyId = \"" + EuWest1Arn + "\" ")]
    [InlineData("class W { void M() { var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); kms.DescribeKeyAsync(\"" + EuWest1Arn + "\"")]
    [InlineData("class W { void M() { var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); kms.DescribeKeyAsync(keyId: , \"" + EuWest1Arn + "\"); } }")]
    [InlineData("class W { void M() { var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); kms.ScheduleKeyDeletionAsync(\"" + EuWest1Arn + "\", 7, 8, 9); } }")]
    [InlineData("var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); kms.SignAsync(new() { KeyId = \"" + EuWest1Arn + "\" });")]
    [InlineData("class W { void M() { _k.EncryptAsync(new EncryptRequest { KeyId = }); } }")]
    public async Task Survives_incomplete_code(string source)
    {
        var result = await AnalyzerRunner.RunAsync(new CrossRegionDecryptAnalyzer(), Usings + source);
        Assert.Empty(result.Exceptions);
    }

    // ---- fixes -------------------------------------------------------------------------------------------------------

    [Fact]
    public Task Fix_uses_the_alias_from_the_map_at_the_request_member() => VerifyFix($$"""
        static class Keys { public const string Payments = "{{EuWest1Arn}}"; }
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            Task Run(MemoryStream d) => {|#0:_kms.EncryptAsync(new EncryptRequest { KeyId = Keys.Payments /* eu-west-1 */, Plaintext = d })|};
        }
        """, $$"""
        static class Keys { public const string Payments = "{{EuWest1Arn}}"; }
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            Task Run(MemoryStream d) => _kms.EncryptAsync(new EncryptRequest { KeyId = "alias/payments" /* eu-west-1 */, Plaintext = d });
        }
        """, CrossRegionDecryptCodeFixProvider.KeyInAnotherRegionPreferredKey, AliasMap, Kms0008(0, "EncryptAsync"));

    [Fact]
    public Task Fix_uses_an_alias_arns_own_name_without_a_map_and_rewrites_arguments() => VerifyFix($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            async Task Run(MemoryStream d)
            {
                await {|#0:_kms.SignAsync(new SignRequest { KeyId = "{{EuWest1AliasArn}}", Message = d })|};
                await {|#1:_kms.DescribeKeyAsync(keyId: "{{EuWest1AliasArn}}" /* orders */)|};
            }
        }
        """, """
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            async Task Run(MemoryStream d)
            {
                await _kms.SignAsync(new SignRequest { KeyId = "alias/orders", Message = d });
                await _kms.DescribeKeyAsync(keyId: "alias/orders" /* orders */);
            }
        }
        """, CrossRegionDecryptCodeFixProvider.KeyInAnotherRegionPreferredKey, null,
        Kms0008(0, "SignAsync", key: "alias/orders"), Kms0008(1, "DescribeKeyAsync", "keyId", key: "alias/orders"));

    [Fact]
    public Task Fix_for_key_management_takes_the_region_from_the_environment_and_never_an_alias() => VerifyFix($$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig
            {
                RegionEndpoint = RegionEndpoint.EUWest2,
                MaxErrorRetry = 3, // ops runbook
            });
            async Task Run()
            {
                await {|#0:_kms.EnableKeyRotationAsync("{{EuWest1Arn}}")|};
                await {|#1:_kms.CreateGrantAsync(new CreateGrantRequest { KeyId = "{{EuWest1Arn}}" })|};
            }
        }
        """, $$"""
        class Worker
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig
            {
                MaxErrorRetry = 3, // ops runbook
            });
            async Task Run()
            {
                await _kms.EnableKeyRotationAsync("{{EuWest1Arn}}");
                await _kms.CreateGrantAsync(new CreateGrantRequest { KeyId = "{{EuWest1Arn}}" });
            }
        }
        """, CrossRegionDecryptCodeFixProvider.KeyInAnotherRegionPreferredKey, AliasMap,
        Kms0008(0, "EnableKeyRotationAsync", "keyId", aliasValid: false), Kms0008(1, "CreateGrantAsync", aliasValid: false));

    [Fact]
    public Task Region_fix_is_the_second_action_when_an_alias_is_known() => new Verify.Test
    {
        TestCode = Usings + $$"""
            class Worker
            {
                Task Run(MemoryStream d) => {|#0:new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2).EncryptAsync(new EncryptRequest { KeyId = "{{EuWest1AliasArn}}", Plaintext = d })|};
            }
            """,
        FixedCode = Usings + $$"""
            class Worker
            {
                Task Run(MemoryStream d) => new AmazonKeyManagementServiceClient().EncryptAsync(new EncryptRequest { KeyId = "{{EuWest1AliasArn}}", Plaintext = d });
            }
            """,
        CodeActionEquivalenceKey = CrossRegionDecryptCodeFixProvider.KeyInAnotherRegionRegionFromEnvironmentKey,
        CodeActionIndex = 1,
        ExpectedDiagnostics = { Kms0008(0, "EncryptAsync", key: "alias/orders") },
    }.RunAsync(CancellationToken.None);

    [Fact]
    public Task Fix_all_applies_each_diagnostics_preferred_fix_and_leaves_kms0003_alone()
    {
        var kms0003 = Verify.Diagnostic(DiagnosticIds.CrossRegionDecrypt).WithLocation(3).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("DecryptAsync", "eu-west-2", "its key '" + KeyId + "' is in Region 'eu-west-1'");
        var test = new Verify.Test
        {
            TestCode = Usings + $$"""
                class Worker
                {
                    private const string Payments = "{{EuWest1Arn}}";
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                    private readonly IAmazonKeyManagementService _ops = new AmazonKeyManagementServiceClient(RegionEndpoint.USEast1);
                    async Task Run(MemoryStream d)
                    {
                        await {|#0:_kms.EncryptAsync(new EncryptRequest { KeyId = Payments, Plaintext = d })|};
                        await {|#1:_kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = Payments })|};
                        await {|#2:_ops.ScheduleKeyDeletionAsync(Payments, 30)|};
                        await {|#3:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = d, KeyId = Payments })|};
                    }
                }
                """,
            FixedCode = Usings + $$"""
                class Worker
                {
                    private const string Payments = "{{EuWest1Arn}}";
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                    private readonly IAmazonKeyManagementService _ops = new AmazonKeyManagementServiceClient();
                    async Task Run(MemoryStream d)
                    {
                        await _kms.EncryptAsync(new EncryptRequest { KeyId = "alias/payments", Plaintext = d });
                        await _kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/payments" });
                        await _ops.ScheduleKeyDeletionAsync(Payments, 30);
                        await {|#3:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = d, KeyId = Payments })|};
                    }
                }
                """,
            CodeActionEquivalenceKey = CrossRegionDecryptCodeFixProvider.KeyInAnotherRegionPreferredKey,
            NumberOfFixAllIterations = 1,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
        }.WithAliasMap(AliasMap);
        test.ExpectedDiagnostics.Add(Kms0008(0, "EncryptAsync"));
        test.ExpectedDiagnostics.Add(Kms0008(1, "GenerateDataKeyAsync"));
        test.ExpectedDiagnostics.Add(Kms0008(2, "ScheduleKeyDeletionAsync", "keyId", client: "us-east-1", aliasValid: false));
        test.ExpectedDiagnostics.Add(kms0003);
        test.FixedState.ExpectedDiagnostics.Add(kms0003);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyFix(string source, string fixedSource, string key, string? aliasMap, params DiagnosticResult[] expected) =>
        Verify.VerifyCodeFixAsync(Usings + source, expected, Usings + fixedSource, key, aliasMap);
}
