using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>
/// A representative corpus of the C# that the rule and fix tests use: every rule (KMS0001 to KMS0005), every
/// A representative corpus of the C# that the rule and fix tests use: every rule (KMS0001, KMS0002, KMS0003, KMS0008), every
/// literal form (regular, verbatim, raw, multi-line raw, UTF-8, unicode escapes, constant and runtime interpolation,
/// concatenation), every place a value is reported (const, static readonly, property, local, attribute, default
/// parameter, case label, request initializer, sink argument), the places the fix is withheld, and the silent cases.
/// Written out here rather than scraped from the test files, so the robustness suites do not depend on their layout.
/// </summary>
internal static class RobustnessCorpus
{
    public const string KeyId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    public const string PaymentsKeyId = "11111111-2222-4333-8444-555555555555";
    public const string UnmappedKeyId = "9d2e4b6a-1c3f-4a8e-b5d7-6f0e2a9c4d81";
    public const string Mrk = "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";
    public const string Arn = "arn:aws:kms:eu-west-1:210987654321:key/" + KeyId;
    public const string PaymentsArn = "arn:aws:kms:eu-west-1:210987654321:key/" + PaymentsKeyId;
    public const string UnmappedArn = "arn:aws:kms:eu-west-1:210987654321:key/" + UnmappedKeyId;
    public const string MrkArnIreland = "arn:aws:kms:eu-west-1:210987654321:key/" + Mrk;
    public const string MrkArnLondon = "arn:aws:kms:eu-west-2:210987654321:key/" + Mrk;

    public const string Usings = "using System;\nusing System.IO;\nusing System.Collections.Generic;\nusing System.Threading.Tasks;\nusing Amazon;\nusing Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;\n";

    /// <summary>Two aliases for the orders key (one action each), one for payments and one for the multi-Region key.</summary>
    public const string AliasMap = $$"""
        {
            "Aliases": [
                { "AliasName": "alias/aws/s3", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/aws/s3", "TargetKeyId": "{{KeyId}}" },
                { "AliasName": "alias/orders", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders", "TargetKeyId": "{{KeyId}}" },
                { "AliasName": "alias/orders-v2", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders-v2", "TargetKeyId": "{{KeyId}}" },
                { "AliasName": "alias/payments", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/payments", "TargetKeyId": "{{PaymentsKeyId}}" },
                { "AliasName": "alias/customer-data", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/customer-data", "TargetKeyId": "{{Mrk}}" }
            ]
        }
        """;

    public sealed record Entry(string Name, string Source, string? EditorConfig = null, OutputKind OutputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        public RobustInput ToInput() => RobustInput.Single(Name, Source, AliasMap, EditorConfig, OutputKind);

        public override string ToString() => Name;
    }

    public static readonly IReadOnlyList<Entry> Entries = new List<Entry>
    {
        // ---- KMS0001: literal forms -------------------------------------------------------------------------------
        new("kms0001-const-regular-with-trivia", $$"""
            static class Keys
            {
                /// <summary>Orders key.</summary>
                public const string OrdersKeyArn = /* prod */ "{{Arn}}"; // eu-west-1
                public const string PaymentsKeyArn = "{{PaymentsArn}}";
                public const string AuditKeyArn = "{{UnmappedArn}}"; // derived alias only
            }
            """),
        new("kms0001-verbatim-and-raw", Usings + $$""""
            class C
            {
                void M()
                {
                    const string refundsKey = @"{{Arn}}";
                    string raw = """{{PaymentsArn}}""";
                    string multi = """
                        {{UnmappedArn}}
                        """;
                    Console.WriteLine(refundsKey + raw + multi);
                }
            }
            """"),
        new("kms0001-unicode-escapes", $$"""
            class C
            {
                const string OrdersKeyArn = "\u0061rn:aws:kms:eu-west-1:210987654321:key/{{KeyId}}";
                const string Escaped = "\x61rn:aws:kms:eu-west-1:210987654321:key/{{PaymentsKeyId}}";
                const string Long = "\U00000061rn:aws:kms:eu-west-1:210987654321:key/{{UnmappedKeyId}}";
            }
            """),
        new("kms0001-concatenation", $$"""
            class C
            {
                const string Prefix = "arn:aws:kms:eu-west-1:210987654321:key/";
                const string OrdersKeyArn = "arn:aws:kms:eu-west-1:" + "210987654321:key/{{KeyId}}";
                const string AuditKeyArn =
                    "arn:aws:kms:eu-west-1:210987654321:key/" +
                    "{{UnmappedKeyId}}";
                const string FromPrefix = Prefix + "{{PaymentsKeyId}}";
                static readonly string Parenthesized = ("arn:aws:kms:eu-west-1:" + ("210987654321:" + "key/{{KeyId}}"));
            }
            """),
        new("kms0001-constant-interpolation", $$""""
            class C
            {
                const string Region = "eu-west-1";
                const string Id = "{{KeyId}}";
                const string A = $"arn:aws:kms:{Region}:210987654321:key/{Id}";
                const string B = $@"arn:aws:kms:{Region}:210987654321:key/{Id}";
                const string C2 = $"""arn:aws:kms:{Region}:210987654321:key/{Id}""";
                const string D = $"{"arn:aws:kms:eu-west-1:"}{$"210987654321:key/{Id}"}";
            }
            """"),
        new("kms0001-runtime-interpolation-text", $$"""
            class C
            {
                string M(string user, int n) => $"user {user} uses {{Arn}} today ({n})";
                string N(string region) => $"arn:aws:kms:{region}:210987654321:key/{{KeyId}}";
            }
            """),
        new("kms0001-utf8", Usings + $$"""
            class C
            {
                ReadOnlySpan<byte> M() => "{{Arn}}"u8;
                static ReadOnlySpan<byte> N => "{{Mrk}}"u8;
            }
            """),
        new("kms0001-several-in-one-string", $$"""
            class C
            {
                string Keys = "KeyArns={{Arn}},{{MrkArnIreland}}";
                string Json = "{\"KmsKeyArn\":\"{{Arn}}\",\"Other\":\"{{PaymentsArn}}\"}";
                string Twice = "{{Arn}} {{Arn}}";
            }
            """),
        new("kms0001-arn-and-separate-mrk-in-one-string", $$"""
            class C
            {
                string Mixed = "{{Arn}} {{Mrk}}";
            }
            """),
        new("kms0001-attribute-default-case", Usings + $$"""
            [AttributeUsage(AttributeTargets.All)] class KeyAttribute : Attribute { public KeyAttribute(string arn) { } }
            class C
            {
                [Key("{{Arn}}")]
                string M(string k = "{{PaymentsArn}}")
                {
                    switch (k)
                    {
                        case "{{UnmappedArn}}": return "audit";
                        default: return k;
                    }
                }
            }
            """),
        new("kms0001-members-and-locals", Usings + $$"""
            class C
            {
                static readonly string OrdersKeyArn = "{{Arn}}";
                public string PaymentsKeyArn { get; } = "{{PaymentsArn}}";
                public string AuditKeyArn => "{{UnmappedArn}}";
                private string _ordersKeyArn;
                C() { _ordersKeyArn = "{{Arn}}"; }
                void M()
                {
                    var ordersKeyArn = "{{Arn}}";
                    string customerDataMrkArn;
                    customerDataMrkArn = "{{MrkArnIreland}}";
                    Console.WriteLine(ordersKeyArn + customerDataMrkArn + _ordersKeyArn);
                }
            }
            """),
        new("kms0001-other-partitions", $$"""
            class C
            {
                string Gov = "arn:aws-us-gov:kms:us-gov-west-1:987654321098:key/{{KeyId}}";
                string China = "arn:aws-cn:kms:cn-north-1:555566667777:key/{{Mrk}}";
                string Iso = "arn:aws-iso:kms:us-iso-east-1:555566667777:key/{{PaymentsKeyId}}";
                string Eusc = "arn:aws-eusc:kms:eusc-de-east-1:555566667777:key/{{UnmappedKeyId}}";
            }
            """),
        new("kms0001-sinks", Usings + $$"""
            class C
            {
                async Task M(IAmazonKeyManagementService kms, MemoryStream blob)
                {
                    await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{Arn}}" });
                    await kms.EncryptAsync(new EncryptRequest { KeyId = "{{PaymentsArn}}", Plaintext = blob });
                    await kms.CreateGrantAsync(new CreateGrantRequest { KeyId = "{{Arn}}", GranteePrincipal = "p" });
                    await kms.DescribeKeyAsync("{{Arn}}");
                    await kms.RevokeGrantAsync("grant", "{{Arn}}");
                    var lambda = new Amazon.Lambda.Model.CreateFunctionRequest { KMSKeyArn = "{{Arn}}" };
                    var sse = new Amazon.DynamoDBv2.Model.SSESpecification { KMSMasterKeyId = "{{UnmappedArn}}" };
                    var keyring = new AWS.Cryptography.MaterialProviders.CreateAwsKmsKeyringInput { KmsKeyId = "{{Arn}}" };
                }
            }
            """),
        new("kms0001-alias-withheld-through-flow", Usings + $$"""
            class C
            {
                const string OrdersKeyArn = "{{Arn}}";
                const string GrantKey = OrdersKeyArn;
                CreateGrantRequest Grant(string keyArn, string principal) => new() { KeyId = keyArn, GranteePrincipal = principal };
                void M() => Grant(GrantKey, "role");
                async Task N(IAmazonKeyManagementService kms)
                {
                    var keyArn = "{{PaymentsArn}}";
                    await kms.RevokeGrantAsync("grant-1", keyArn);
                }
            }
            """),
        new("kms0001-switch-on-regional-arns-of-one-mrk", $$"""
            class C
            {
                string RegionOf(string keyArn)
                {
                    switch (keyArn)
                    {
                        case "{{MrkArnIreland}}": return "eu-west-1";
                        case "{{MrkArnLondon}}": return "eu-west-2";
                        default: return "unknown";
                    }
                }
            }
            """),
        new("kms0001-dictionary-and-array", Usings + $$"""
            class C
            {
                static readonly Dictionary<string, string> ByRegion = new()
                {
                    ["eu-west-1"] = "{{MrkArnIreland}}",
                    ["eu-west-2"] = "{{MrkArnLondon}}",
                };
                static readonly string[] All = { "{{Arn}}", "{{PaymentsArn}}", "{{Mrk}}" };
            }
            """),
        new("kms0001-documentation-accounts-reported-on-request",
            $$"""class C { string Value = "arn:aws:kms:eu-west-1:111122223333:key/{{KeyId}}"; string Other = "arn:aws:kms:us-east-2:123456789012:key/{{KeyId}}"; }""",
            "root = true\n[*]\nkms_analyzers.report_documentation_accounts = true\n"),
        new("kms0001-derive-off", $$"""static class Keys { public const string PaymentsKeyArn = "{{UnmappedArn}}"; }""",
            "root = true\n[*]\nkms_analyzers.derive_alias_names = false\n"),
        new("kms0001-top-level-statements", $$"""
            using Amazon.KeyManagementService.Model;
            var request = new DecryptRequest { KeyId = "{{Arn}}" };
            const string OrdersKeyArn = "{{PaymentsArn}}";
            System.Console.WriteLine(request.KeyId + OrdersKeyArn);
            """, OutputKind: OutputKind.ConsoleApplication),
        new("kms0001-comment-inside-concatenation", $$"""
            static class Keys
            {
                public const string AuditKeyArn =
                    "arn:aws:kms:eu-west-1:987654321098:key/" + // shared-services account
                    "{{UnmappedKeyId}}";
                public const string OrdersKeyArn = "arn:aws:kms:eu-west-1:210987654321:" /* prod */ + "key/{{KeyId}}";
            }
            """),

        // ---- KMS0002 -----------------------------------------------------------------------------------------------
        new("kms0002-forms", $$""""
            class C
            {
                const string Hex = "0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";
                public const string CustomerDataMrkId = "{{Mrk}}";
                static readonly string Example = "mrk-1234abcd12ab34cd56ef1234567890ab";
                const string Verbatim = @"{{Mrk}}";
                const string Raw = """{{Mrk}}""";
                const string Concat = "mrk-" + "0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";
                const string Interpolated = $"mrk-{Hex}";
                const string InList = "ids: {{Mrk}}; other";
                bool IsMrk(string keyId) => keyId.StartsWith("mrk-");
            }
            """"),
        new("kms0002-request", Usings + $$"""
            class C
            {
                EncryptRequest M() => new() { KeyId = "{{Mrk}}" };
                DecryptRequest N() => new() { KeyId = "{{Mrk}}" };
            }
            """),

        // ---- KMS0003 -----------------------------------------------------------------------------------------------
        new("kms0003-field-pinned-in-constructor", Usings + $$"""
            class Worker
            {
                private const string PaymentsKeyArn = "{{PaymentsArn}}";
                private readonly IAmazonKeyManagementService _kms;
                public Worker() { _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); }
                public Task<DecryptResponse> Run(MemoryStream blob) =>
                    _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKeyArn });
            }
            """),
        new("kms0003-client-forms", Usings + $$"""
            class Worker
            {
                const string DrRegion = "eu-west-2";
                static readonly RegionEndpoint Dr = RegionEndpoint.EUWest2;
                async Task Run(MemoryStream blob, Amazon.Runtime.AWSCredentials credentials)
                {
                    var a = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                    var b = new AmazonKeyManagementServiceClient(credentials, RegionEndpoint.GetBySystemName(DrRegion));
                    var c = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { RegionEndpoint = Dr });
                    var d = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { ServiceURL = "https://kms-fips.eu-west-2.amazonaws.com/", MaxErrorRetry = 3 });
                    await a.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{Arn}}" });
                    await b.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{Arn}}" });
                    await c.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{Arn}}" });
                    await d.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{Arn}}" });
                }
            }
            """),
        new("kms0003-config-set-after-creation", Usings + $$"""
            class Worker
            {
                async Task Run(MemoryStream blob)
                {
                    var config = new AmazonKeyManagementServiceConfig();
                    config.RegionEndpoint = RegionEndpoint.EUWest2;
                    using var kms = new AmazonKeyManagementServiceClient(config);
                    var request = new DecryptRequest { CiphertextBlob = blob };
                    request.KeyId = "{{Arn}}";
                    await kms.DecryptAsync(request);
                }
            }
            """),
        new("kms0003-replica-pattern", Usings + """
            class Replicator
            {
                private readonly IAmazonKeyManagementService _primary = new AmazonKeyManagementServiceClient(RegionEndpoint.USEast1);
                private readonly IAmazonKeyManagementService _replica = new AmazonKeyManagementServiceClient(RegionEndpoint.USWest2);
                private EncryptResponse _last;
                async Task Run(MemoryStream plaintext)
                {
                    var primary = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
                    var replica = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                    var encrypted = await primary.EncryptAsync(new EncryptRequest { KeyId = "alias/orders", Plaintext = plaintext });
                    await replica.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob });
                    _last = await _primary.EncryptAsync(new EncryptRequest { KeyId = "alias/orders", Plaintext = plaintext });
                    await _replica.DecryptAsync(new DecryptRequest { CiphertextBlob = _last.CiphertextBlob });
                }
            }
            """),
        new("kms0003-reencrypt-sync-alias-arn", Usings + $$"""
            class Worker
            {
                private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.USEast1);
                void Run(MemoryStream blob)
                {
                    _kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = blob, SourceKeyId = "{{Arn}}", DestinationKeyId = "alias/orders" });
                    _kms.Decrypt(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{PaymentsArn}}" });
                    _kms.Decrypt(new DecryptRequest { CiphertextBlob = blob, KeyId = "arn:aws:kms:eu-west-1:210987654321:alias/payments" });
                }
            }
            """),
        new("kms0003-client-from-another-class", Usings + $$"""
            static class KmsClients
            {
                private static IAmazonKeyManagementService _lazy;
                private static IAmazonKeyManagementService _old;
                public static readonly IAmazonKeyManagementService Dr = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                public static IAmazonKeyManagementService Lazy => _lazy ??= new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                public static IAmazonKeyManagementService Old { get { return _old ?? (_old = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2)); } }
                public static IAmazonKeyManagementService For(RegionEndpoint region) => new AmazonKeyManagementServiceClient(region);
                public static IAmazonKeyManagementService ForName(string region) => new AmazonKeyManagementServiceClient(RegionEndpoint.GetBySystemName(region));
            }
            class Reader
            {
                const string Key = "{{Arn}}";
                private readonly IAmazonKeyManagementService _kms = KmsClients.For(RegionEndpoint.EUWest2);
                async Task Run(MemoryStream b)
                {
                    await _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = Key });
                    await KmsClients.Dr.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = Key });
                    await KmsClients.Lazy.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = Key });
                    await KmsClients.Old.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = Key });
                    await KmsClients.ForName("eu-west-2").DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = Key });
                    var pair = await KmsClients.For(RegionEndpoint.EUWest1).GenerateDataKeyPairWithoutPlaintextAsync(new GenerateDataKeyPairWithoutPlaintextRequest { KeyId = "alias/signing" });
                    await KmsClients.Dr.DecryptAsync(new DecryptRequest { CiphertextBlob = pair.PrivateKeyCiphertextBlob });
                }
            }
            """),
        new("kms0003-client-passed-to-a-constructor", Usings + $$"""
            class Reader
            {
                private readonly IAmazonKeyManagementService _kms;
                public Reader(IAmazonKeyManagementService kms) { _kms = kms; }
                Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{Arn}}" });
            }
            class Wiring
            {
                static Reader Dr() => new Reader(new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2));
                static Reader Again(IAmazonKeyManagementService shared) => new Reader(shared);
            }
            """),
        new("kms0003-home-regions", Usings + """
            class Worker
            {
                Task Run(MemoryStream b) => new AmazonKeyManagementServiceClient(RegionEndpoint.APSouth1).DecryptAsync(new DecryptRequest { CiphertextBlob = b });
                Task Home(MemoryStream b) => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1).DecryptAsync(new DecryptRequest { CiphertextBlob = b });
            }
            """, "root = true\n[*]\nkms_analyzers.home_regions = us-east-1, eu-west-1\n"),
        new("kms0003-remove-key-with-comments", Usings + $$"""
            class Worker
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(
                    new AmazonKeyManagementServiceConfig
                    {
                        MaxErrorRetry = 3,
                        // disaster recovery
                        RegionEndpoint = RegionEndpoint.USEast1,
                    });
                Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest
                {
                    CiphertextBlob = b,
                    // the payments key
                    KeyId = "{{PaymentsArn}}",
                });
            }
            """),
        new("kms0003-trailing-comments", Usings + $$"""
            class Worker
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2 /* DR */);
                Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest
                {
                    CiphertextBlob = b,
                    KeyId = "{{PaymentsArn}}", // pinned (SEC-212)
                });
            }
            """),
        new("kms0003-partial-and-nested", Usings + $$"""
            partial class Worker
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            }
            partial class Worker
            {
                Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{Arn}}" });
                class Inner
                {
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.USEast1);
                    Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{Arn}}" });
                }
            }
            """),
        new("kms0003-top-level", Usings + $$"""
            var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
            await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(), KeyId = "{{Arn}}" });
            """, OutputKind: OutputKind.ConsoleApplication),

        // ---- KMS0004 / KMS0005: values that are identifiers only by where they go -----------------------------------
        new("kms0004-flows-to-sinks", Usings + $$""""
            static class Keys
            {
                public const string OrdersKeyId = /* prod */ "{{KeyId}}"; // eu-west-1
                public const string Copy = OrdersKeyId;
                public static readonly string Payments = @"{{PaymentsKeyId}}";
            }
            class Settings { public string KeyId { get; set; } }
            class C
            {
                private readonly IAmazonKeyManagementService _kms;
                C(IAmazonKeyManagementService kms) => _kms = kms;
                private string Computed => """{{UnmappedKeyId}}""";
                Task<EncryptResponse> EncryptWith(string keyId = "0b1c2d3e-4f50-4a6b-8c7d-000000000001") => _kms.EncryptAsync(new EncryptRequest { KeyId = keyId });
                async Task M(bool prod)
                {
                    await EncryptWith(Keys.Copy);
                    await EncryptWith();
                    var id = prod ? Keys.Payments : "0b1c2d3e-4f50-4a6b-8c7d-000000000002";
                    await _kms.DescribeKeyAsync(id);
                    await _kms.DescribeKeyAsync($"{Keys.OrdersKeyId}");
                    var settings = new Settings { KeyId = "0b1c2d3e-4f50-4a6b-8c7d-000000000003" };
                    await _kms.EncryptAsync(new EncryptRequest { KeyId = settings.KeyId ?? Computed });
                }
            }
            """"),
        new("kms0004-no-alias-sinks", Usings + $$"""
            static class Keys { public const string SettlementKeyId = "{{PaymentsKeyId}}"; }
            class C
            {
                async Task M(IAmazonKeyManagementService kms)
                {
                    await kms.EncryptAsync(new EncryptRequest { KeyId = Keys.SettlementKeyId });
                    await kms.CreateGrantAsync(new CreateGrantRequest { KeyId = Keys.SettlementKeyId, GranteePrincipal = "p" });
                    await kms.EnableKeyRotationAsync("{{KeyId}}");
                }
            }
            """),
        new("kms0004-top-level", Usings + $$"""
            var keyId = "{{KeyId}}";
            using var kms = new AmazonKeyManagementServiceClient();
            kms.DescribeKey(keyId);
            """, OutputKind: OutputKind.ConsoleApplication),
        new("kms0005-alias-arn-forms", Usings + $$""""
            static class Keys
            {
                const string Region = "eu-west-1";
                public const string Orders = /* reporting */ "arn:aws:kms:eu-west-1:210987654321:alias/orders";
                public const string Verbatim = @"arn:aws:kms:eu-west-1:210987654321:alias/billing";
                public const string Interpolated = $"arn:aws:kms:{Region}:210987654321:alias/signing";
                public const string Concatenated = "arn:aws:kms:" + Region + ":210987654321:alias/exports";
                public const string Replica = "arn:aws:kms:eu-west-2:210987654321:alias/replica";
            }
            class C
            {
                async Task M(IAmazonKeyManagementService kms)
                {
                    await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = Keys.Orders });
                    await kms.DescribeKeyAsync(Keys.Verbatim);
                    await kms.SignAsync(new SignRequest { KeyId = Keys.Interpolated });
                    await kms.EncryptAsync(new EncryptRequest { KeyId = Keys.Concatenated });
                    await kms.EncryptAsync(new EncryptRequest
                    {
                        KeyId = """
                            arn:aws:kms:eu-west-1:210987654321:alias/raw
                            """,
                    });
                    await kms.CreateGrantAsync(new CreateGrantRequest { KeyId = Keys.Replica, GranteePrincipal = "p" });
                    await kms.DescribeKeyAsync("arn:aws:kms:eu-west-1:210987654321:alias/aws/s3");
                }
            }
            """"),
        new("silent-uuids-that-are-not-keys", Usings + $$"""
            class C
            {
                const string CorrelationId = "{{KeyId}}";
                static readonly Guid Tenant = Guid.Parse("{{PaymentsKeyId}}");
                async Task M(IAmazonKeyManagementService kms, Dictionary<string, string> headers, string input)
                {
                    headers["x-correlation-id"] = CorrelationId;
                    Console.WriteLine("request {{UnmappedKeyId}} failed");
                    var replaced = "{{KeyId}}";
                    replaced = input + replaced;
                    await kms.EncryptAsync(new EncryptRequest { KeyId = replaced });
                    await kms.DescribeKeyAsync("1234abcd-12ab-34cd-56ef-1234567890ab");
                }
            }
            """),
        // ---- KMS0008 -----------------------------------------------------------------------------------------------
        new("kms0008-operation-families", Usings + $$""""
            static class Keys { public const string Payments = "{{PaymentsArn}}"; }
            class Worker
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2 /* DR */);
                private readonly DescribeKeyRequest _describe = new DescribeKeyRequest { KeyId = Keys.Payments };
                async Task Run(MemoryStream data)
                {
                    await _kms.EncryptAsync(new EncryptRequest { KeyId = Keys.Payments /* payments */, Plaintext = data });
                    await _kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = @"{{Arn}}" });
                    await _kms.SignAsync(new SignRequest { KeyId = "arn:aws:kms:eu-west-1:210987654321:alias/orders", Message = data });
                    await _kms.DescribeKeyAsync(_describe);
                    await _kms.DescribeKeyAsync(keyId: "{{UnmappedArn}}");
                    await _kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = data, SourceKeyId = "{{Arn}}", DestinationKeyId = Keys.Payments });
                    var request = new VerifyMacRequest { Message = data };
                    request.KeyId = """{{Arn}}""";
                    await _kms.VerifyMacAsync(request);
                }
            }
            """"),
        new("kms0008-key-management-no-alias", Usings + $$"""
            class KeyOps
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig
                {
                    MaxErrorRetry = 3,
                    // the ops account's DR Region
                    RegionEndpoint = RegionEndpoint.USEast1,
                });
                async Task Rotate()
                {
                    await _kms.EnableKeyRotationAsync("{{Arn}}");
                    await _kms.ScheduleKeyDeletionAsync("{{PaymentsArn}}", 30);
                    await _kms.CreateGrantAsync(new CreateGrantRequest { KeyId = "{{Arn}}", GranteePrincipal = "arn:aws:iam::210987654321:role/reader" });
                    await _kms.CreateAliasAsync("alias/orders", "{{Arn}}");
                }
            }
            """),
        new("kms0008-top-level", Usings + $$"""
            using var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.APSoutheast2);
            var described = await kms.DescribeKeyAsync("{{Arn}}");
            Console.WriteLine(described.KeyMetadata.Arn);
            """, OutputKind: OutputKind.ConsoleApplication),

        // ---- silent --------------------------------------------------------------------------------------------------
        new("near-misses-comments-runtime-values-one-real-arn", Usings + $$"""
            /// <summary>Decrypts with <c>{{Arn}}</c>.</summary>
            class C
            {
                // The key was {{Arn}} before the migration.
                /* {{Mrk}} */
                string Alias = "alias/orders";
                string Managed = "alias/aws/s3";
                string AliasArn = "arn:aws:kms:eu-west-1:210987654321:alias/orders";
                string Wildcard = "arn:aws:kms:eu-west-1:210987654321:key/*";
                string Placeholder = "arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/{{KeyId}}";
                string Doc = "arn:aws:kms:eu-west-1:123456789012:key/{{KeyId}}";
                string Sqs = "arn:aws:sqs:eu-west-1:210987654321:orders";
                string Suffix = "{{Arn}}-old";
                string Regex = "^arn:aws:kms:(?<region>[a-z0-9-]+):(?<account>\\d{12}):key/(?<id>.+)$";
                string Runtime(string region, string id) => "arn:aws:kms:" + region + ":210987654321:key/" + id;
                Task Unknown(IAmazonKeyManagementService injected, MemoryStream blob) =>
                    injected.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{Arn}}" });
            #if NEVER_DEFINED
                string Old = "{{Arn}}";
            #endif
            }
            """),
        new("silent-generated-code", $$"""
            // <auto-generated/>
            class C { string Value = "{{Arn}}"; }
            """),
    };

    public static IEnumerable<object[]> Names() => Entries.Select(e => new object[] { e.Name });

    public static Entry Get(string name) => Entries.Single(e => e.Name == name);
}
