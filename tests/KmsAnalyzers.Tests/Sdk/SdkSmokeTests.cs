using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Tests.Fixes;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify3 = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.CrossRegionDecryptAnalyzer, KmsAnalyzers.CodeFixes.CrossRegionDecryptCodeFixProvider>;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.HardcodedKeyIdentifierAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;
using Verify6 = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.ReplicaKeyPolicyAnalyzer, KmsAnalyzers.CodeFixes.UseRegionTokenCodeFixProvider>;
using Verify7 = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.RegionPinnedKeyPolicyAnalyzer, KmsAnalyzers.CodeFixes.UseRegionTokenCodeFixProvider>;

namespace KmsAnalyzers.Tests.Sdk;

/// <summary>
/// The rules against the real AWS SDK for .NET instead of the stubs: v4 (AWSSDK.KeyManagementService 4.1.0) and the
/// only v3 build served here (3.3.105.18), so a change in the SDK's member shapes shows up here. KMS0006 and KMS0007
/// likewise run against the real AWS CDK (Amazon.CDK.Lib 2.103.0, Constructs 10.0.5).
/// </summary>
public sealed class SdkSmokeTests
{
    internal static readonly ReferenceAssemblies SdkV4 = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("AWSSDK.KeyManagementService", "4.1.0")));

    // The testing library looks each dependency up at the lower bound of its range only, and this registry does not
    // serve Amazon.JSII.Runtime 1.89.0 (the CDK's lower bound), so the runtime that restore picks is named here.
    internal static readonly ReferenceAssemblies Cdk = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Amazon.CDK.Lib", "2.103.0"),
        new PackageIdentity("Constructs", "10.0.5"),
        new PackageIdentity("Amazon.JSII.Runtime", "1.91.0")));

    private const string Arn = "arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

    private static T WithSdk<T>(T test, ReferenceAssemblies sdk)
        where T : Microsoft.CodeAnalysis.Testing.AnalyzerTest<DefaultVerifier>
    {
        test.ReferenceAssemblies = sdk;
        test.TestState.AdditionalReferences.Clear();
        return test;
    }

    [Fact]
    public Task SdkSmoke_v4_kms0001_names_the_sink_and_fixes_to_alias()
    {
        var test = WithSdk(new Verify.Test
        {
            TestCode = $$"""
                using Amazon.KeyManagementService.Model;
                class C
                {
                    const string OrdersKeyArn = {|#0:"{{Arn}}"|};
                    DecryptRequest M() => new() { KeyId = OrdersKeyArn };
                    CreateGrantRequest G() => new() { KeyId = {|#1:"{{Arn}}"|} };
                }
                """,
            FixedCode = $$"""
                using Amazon.KeyManagementService.Model;
                class C
                {
                    const string OrdersKeyArn = "alias/orders";
                    DecryptRequest M() => new() { KeyId = OrdersKeyArn };
                    CreateGrantRequest G() => new() { KeyId = {|#1:"{{Arn}}"|} };
                }
                """,
        }, SdkV4);
        var grant = Verify.Diagnostic(DiagnosticIds.HardcodedKeyArn).WithLocation(1)
            .WithArguments("eu-west-1", "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "********4321", " and used as CreateGrantRequest.KeyId");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.HardcodedKeyArn).WithLocation(0)
            .WithArguments("eu-west-1", "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "********4321", ""));
        test.ExpectedDiagnostics.Add(grant);
        test.FixedState.ExpectedDiagnostics.Add(grant);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.FixAllLeavesIt().RunAsync(CancellationToken.None); // no alias map: the alias is derived, one at a time
    }

    [Fact]
    public Task SdkSmoke_v4_kms0003_traces_a_pinned_client_and_unpins_it()
    {
        const string Usings = "using System.IO;\nusing System.Threading.Tasks;\nusing Amazon;\nusing Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;\n";
        var test = WithSdk(new Verify3.Test
        {
            TestCode = Usings + $$"""
                class Worker
                {
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { RegionEndpoint = RegionEndpoint.EUWest2 });
                    Task<DecryptResponse> Run(MemoryStream b) => {|#0:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{Arn}}" })|};
                }
                """,
            FixedCode = Usings + $$"""
                class Worker
                {
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { });
                    Task<DecryptResponse> Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{Arn}}" });
                }
                """,
            CodeActionEquivalenceKey = CodeFixes.CrossRegionDecryptCodeFixProvider.PreferredKey,
        }, SdkV4);
        test.ExpectedDiagnostics.Add(Verify3.Diagnostic(DiagnosticIds.CrossRegionDecrypt).WithLocation(0)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("DecryptAsync", "eu-west-2", "its key '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d' is in Region 'eu-west-1'"));
        return test.RunAsync(CancellationToken.None);
    }

    private const string CdkUsings = "using System.Collections.Generic;\nusing Amazon.CDK;\nusing Amazon.CDK.AWS.IAM;\nusing Amazon.CDK.AWS.KMS;\n";

    [Fact]
    public Task SdkSmoke_cdk_kms0006_finds_the_primary_and_compares_the_policy_definitions()
    {
        var test = WithSdk(new Verify6.Test
        {
            TestCode = CdkUsings + """
                class Keys
                {
                    private static PolicyDocument KeyPolicy(string account) => new PolicyDocument(new PolicyDocumentProps
                    {
                        Statements = new[] { new PolicyStatement(new PolicyStatementProps { Principals = new IPrincipal[] { new AccountPrincipal(account) }, Actions = new[] { "kms:*" }, Resources = new[] { "*" } }) },
                    });

                    void Define(App app)
                    {
                        var primaryStack = new Stack(app, "Primary", new StackProps { Env = new Environment { Region = "eu-west-1" } });
                        var replicaStack = new Stack(app, "Replica", new StackProps { Env = new Environment { Region = "us-east-1" }, CrossRegionReferences = true });

                        var orders = new CfnKey(primaryStack, "Orders", new CfnKeyProps { MultiRegion = true, KeyPolicy = new PolicyDocument() });
                        var replicaPolicy = new PolicyDocument();
                        {|#0:new CfnReplicaKey(replicaStack, "OrdersReplica", new CfnReplicaKeyProps { PrimaryKeyArn = orders.AttrArn, KeyPolicy = replicaPolicy })|};

                        var customers = new CfnKey(primaryStack, "Customers", new CfnKeyProps { MultiRegion = true, KeyPolicy = KeyPolicy(Aws.ACCOUNT_ID) });
                        new CfnReplicaKey(replicaStack, "CustomersReplica", new CfnReplicaKeyProps { PrimaryKeyArn = customers.AttrArn, KeyPolicy = KeyPolicy(Aws.ACCOUNT_ID) });

                        var single = new CfnKey(primaryStack, "Single", new CfnKeyProps { KeyPolicy = new PolicyDocument() });
                        new CfnReplicaKey(replicaStack, "OfSingle", new CfnReplicaKeyProps { PrimaryKeyArn = single.AttrArn, KeyPolicy = new PolicyDocument() });
                    }
                }
                """,
        }, Cdk);
        test.ExpectedDiagnostics.Add(Verify6.Diagnostic(DiagnosticIds.ReplicaKeyPolicyApart).WithLocation(0).WithArguments("OrdersReplica", "Orders"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task SdkSmoke_cdk_kms0007_reports_regions_in_the_policy_and_fixes_them_to_tokens()
    {
        var test = WithSdk(new Verify7.Test
        {
            TestCode = CdkUsings + """
                class Keys
                {
                    void Define(Stack primaryStack, Stack replicaStack)
                    {
                        var primary = new CfnKey(primaryStack, "Orders", new CfnKeyProps
                        {
                            MultiRegion = true,
                            KeyPolicy = new PolicyDocument(new PolicyDocumentProps
                            {
                                Statements = new[]
                                {
                                    new PolicyStatement(new PolicyStatementProps
                                    {
                                        Principals = new IPrincipal[] { new ServicePrincipal("sqs.amazonaws.com") },
                                        Actions = new[] { "kms:Decrypt" },
                                        Resources = new[] { "*" },
                                        Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = {|#0:"sqs.eu-west-1.amazonaws.com"|} } },
                                    }),
                                },
                            }),
                        });
                        var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "kms:Decrypt" }, Principals = new IPrincipal[] { new AccountRootPrincipal() } });
                        statement.AddResources({|#1:@"arn:aws:sqs:eu-west-1:210987654321:orders"|});
                        var policy = new PolicyDocument();
                        policy.AddStatements(statement);
                        new CfnReplicaKey(replicaStack, "OrdersReplica", new CfnReplicaKeyProps { PrimaryKeyArn = primary.AttrArn, KeyPolicy = policy });
                    }
                }
                """,
            FixedCode = CdkUsings + """
                class Keys
                {
                    void Define(Stack primaryStack, Stack replicaStack)
                    {
                        var primary = new CfnKey(primaryStack, "Orders", new CfnKeyProps
                        {
                            MultiRegion = true,
                            KeyPolicy = new PolicyDocument(new PolicyDocumentProps
                            {
                                Statements = new[]
                                {
                                    new PolicyStatement(new PolicyStatementProps
                                    {
                                        Principals = new IPrincipal[] { new ServicePrincipal("sqs.amazonaws.com") },
                                        Actions = new[] { "kms:Decrypt" },
                                        Resources = new[] { "*" },
                                        Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"sqs.{Aws.REGION}.amazonaws.com" } },
                                    }),
                                },
                            }),
                        });
                        var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "kms:Decrypt" }, Principals = new IPrincipal[] { new AccountRootPrincipal() } });
                        statement.AddResources($@"arn:aws:sqs:{Aws.REGION}:{Aws.ACCOUNT_ID}:orders");
                        var policy = new PolicyDocument();
                        policy.AddStatements(statement);
                        new CfnReplicaKey(replicaStack, "OrdersReplica", new CfnReplicaKeyProps { PrimaryKeyArn = primary.AttrArn, KeyPolicy = policy });
                    }
                }
                """,
            CodeActionEquivalenceKey = CodeFixes.UseRegionTokenCodeFixProvider.UseRegionTokenKey,
        }, Cdk);
        test.ExpectedDiagnostics.Add(Verify7.Diagnostic(DiagnosticIds.RegionPinnedInKeyPolicy).WithLocation(0).WithArguments("Orders", "eu-west-1"));
        test.ExpectedDiagnostics.Add(Verify7.Diagnostic(DiagnosticIds.RegionPinnedInKeyPolicy).WithLocation(1).WithArguments("OrdersReplica", "eu-west-1"));
        return test.RunAsync(CancellationToken.None);
    }

    // The v3 KMS package pins AWSSDK.Core [3.3.105.3, 3.4), which this registry no longer serves; every v3 package
    // has assembly version 3.3.0.0, so the newest served v3 Core (3.7.501.1) stands in, referenced from the NuGet cache.
    private static MetadataReference[] SdkV3References()
    {
        var root = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
            Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return new[]
        {
            MetadataReference.CreateFromFile(Path.Combine(root, "awssdk.core", "3.7.501.1", "lib", "netstandard2.0", "AWSSDK.Core.dll")),
            MetadataReference.CreateFromFile(Path.Combine(root, "awssdk.keymanagementservice", "3.3.105.18", "lib", "netstandard2.0", "AWSSDK.KeyManagementService.dll")),
        };
    }

    [Fact]
    public Task SdkSmoke_v3_replica_pattern()
    {
        const string Usings = "using System.IO;\nusing System.Threading.Tasks;\nusing Amazon;\nusing Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;\n";
        var test = WithSdk(new Verify3.Test
        {
            TestCode = Usings + """
                class Worker
                {
                    async Task Run(MemoryStream plaintext)
                    {
                        var primary = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
                        var replica = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                        var encrypted = await primary.EncryptAsync(new EncryptRequest { KeyId = "alias/orders", Plaintext = plaintext });
                        await {|#0:replica.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob })|};
                    }
                }
                """,
        }, ReferenceAssemblies.Net.Net80);
        test.TestState.AdditionalReferences.AddRange(SdkV3References());
        test.ExpectedDiagnostics.Add(Verify3.Diagnostic(DiagnosticIds.CrossRegionDecrypt).WithLocation(0)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("DecryptAsync", "eu-west-2", "its ciphertext was encrypted by a client for Region 'eu-west-1'"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task SdkSmoke_v4_kms0008_reports_other_region_keys_and_fixes_to_alias()
    {
        const string Usings = "using System.IO;\nusing System.Threading.Tasks;\nusing Amazon;\nusing Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;\n";
        var test = WithSdk(new Verify3.Test
        {
            TestCode = Usings + $$"""
                class Worker
                {
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                    async Task Run(MemoryStream data)
                    {
                        await {|#0:_kms.EncryptAsync(new EncryptRequest { KeyId = "arn:aws:kms:eu-west-1:210987654321:alias/orders", Plaintext = data })|};
                        await {|#1:_kms.DescribeKeyAsync("arn:aws:kms:eu-west-1:210987654321:alias/orders")|};
                    }
                }
                """,
            FixedCode = Usings + """
                class Worker
                {
                    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                    async Task Run(MemoryStream data)
                    {
                        await _kms.EncryptAsync(new EncryptRequest { KeyId = "alias/orders", Plaintext = data });
                        await _kms.DescribeKeyAsync("alias/orders");
                    }
                }
                """,
            CodeActionEquivalenceKey = CodeFixes.CrossRegionDecryptCodeFixProvider.KeyInAnotherRegionPreferredKey,
        }, SdkV4);
        test.ExpectedDiagnostics.Add(Kms0008(0, "EncryptAsync", "KeyId", "alias/orders", aliasValid: true));
        test.ExpectedDiagnostics.Add(Kms0008(1, "DescribeKeyAsync", "keyId", "alias/orders", aliasValid: true));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task SdkSmoke_v3_kms0008_key_management_on_a_pinned_client()
    {
        const string Usings = "using System.Threading.Tasks;\nusing Amazon;\nusing Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;\n";
        var test = WithSdk(new Verify3.Test
        {
            TestCode = Usings + $$"""
                class Worker
                {
                    async Task Run()
                    {
                        var kms = new AmazonKeyManagementServiceClient(new AmazonKeyManagementServiceConfig { RegionEndpoint = RegionEndpoint.USEast1 });
                        await {|#0:kms.EnableKeyRotationAsync("{{Arn}}")|};
                        await {|#1:kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "{{Arn}}", KeySpec = DataKeySpec.AES_256 })|};
                    }
                }
                """,
        }, ReferenceAssemblies.Net.Net80);
        test.TestState.AdditionalReferences.AddRange(SdkV3References());
        test.ExpectedDiagnostics.Add(Kms0008(0, "EnableKeyRotationAsync", "keyId", "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", aliasValid: false, client: "us-east-1"));
        test.ExpectedDiagnostics.Add(Kms0008(1, "GenerateDataKeyAsync", "KeyId", "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", aliasValid: true, client: "us-east-1"));
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Kms0008(int location, string method, string member, string key, bool aliasValid, string client = "eu-west-2") =>
        Verify3.Diagnostic(DiagnosticIds.KeyInAnotherRegion).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments(method, client, member, key, "eu-west-1", aliasValid
                ? "use an alias, which KMS resolves in the client's Region"
                : "this operation takes no alias, so look the key ARN up in the client's Region");

    /// <summary>Every KMS sink of the table names a real member of AWSSDK.KeyManagementService 4.1.0.</summary>
    [Fact]
    public async Task SdkSmoke_every_kms_sink_exists_in_the_real_sdk()
    {
        var references = await SdkV4.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("probe", references: references);
        foreach (var sink in KmsAnalyzers.Sdk.KnownSinks.AllProperties.Where(s => s.TypeMetadataName.StartsWith("Amazon.KeyManagementService.", System.StringComparison.Ordinal)))
        {
            var type = compilation.GetTypeByMetadataName(sink.TypeMetadataName);
            Assert.True(type is not null, sink.TypeMetadataName);
            Assert.True(type!.GetMembers(sink.Property).OfType<IPropertySymbol>().Any(), sink.DisplayName);
        }

        foreach (var sink in KmsAnalyzers.Sdk.KnownSinks.AllParameters.Where(s => s.TypeMetadataName.StartsWith("Amazon.KeyManagementService.", System.StringComparison.Ordinal)))
        {
            var type = compilation.GetTypeByMetadataName(sink.TypeMetadataName);
            Assert.True(type is not null, sink.TypeMetadataName);
            Assert.True(type!.GetMembers(sink.Method).OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => p.Name == sink.Parameter)), sink.DisplayName);
        }

        foreach (var field in new[] { "EUWest1", "USGovCloudWest1", "EUSCDeEast1", "CNNorthWest1", "MEWest1" })
            Assert.NotEmpty(compilation.GetTypeByMetadataName("Amazon.RegionEndpoint")!.GetMembers(field));
    }
}
