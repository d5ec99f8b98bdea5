using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Rules.MultiRegionKeyCreationAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0010 (opt-in): where a multi-Region key is created with the AWS CDK or the AWS SDK.</summary>
public sealed class KMS0010MultiRegionKeyCreatedTests
{
    private const string Enable = "dotnet_diagnostic.KMS0010.severity = warning";
    private const string CdkUsings = "using Amazon.CDK;\nusing Amazon.CDK.AWS.KMS;\n";

    // The L2 key as Amazon.CDK.Lib 2.277.0 has it (KeyProps.MultiRegion, bool?); 2.103.0 has Key without it.
    private const string L2Key = """

        namespace Amazon.CDK.AWS.KMS
        {
            public interface IKeyProps { bool? MultiRegion { get; } string Alias { get; } }
            public class KeyProps : IKeyProps { public bool? MultiRegion { get; set; } public string Alias { get; set; } }
            public class Key : Constructs.Construct { public Key(Constructs.Construct scope, string id, IKeyProps props = null) : base(scope, id) { } }
        }
        """;

    private static DiagnosticResult Kms0010(int location, string what) =>
        Verify.Diagnostic(DiagnosticIds.MultiRegionKeyCreated).WithLocation(location).WithArguments(what);

    private static Task Run(string source, bool cdk, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source }.WithEditorConfig(Enable);
        if (cdk)
            test.TestState.AdditionalReferences.Add(CdkStubs.Reference);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_a_CfnKey_with_MultiRegion_true_at_the_key_and_names_its_construct_id() => Run(CdkUsings + """
        class KeyStack : Stack
        {
            public KeyStack() : base(null, "Keys")
            {
                var key = {|#0:new CfnKey(this, "OrdersKey", new CfnKeyProps
                {
                    Description = "orders",
                    MultiRegion = true,
                })|};
                var single = new CfnKey(this, "AuditKey", new CfnKeyProps { MultiRegion = false });
                var unset = new CfnKey(this, "LogsKey", new CfnKeyProps { Description = "logs" });
            }
        }
        """, cdk: true, Kms0010(0, "new CfnKey 'OrdersKey' with MultiRegion = true"));

    [Fact]
    public Task Reports_a_replica_and_props_built_apart_from_the_key() => Run(CdkUsings + """
        class KeyStack : Stack
        {
            const bool Replicated = true;

            public KeyStack() : base(null, "Keys")
            {
                var props = {|#0:new CfnKeyProps { MultiRegion = Replicated }|};
                var primary = new CfnKey(this, "Primary", props);
                var replica = {|#1:new CfnReplicaKey(this, "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = primary.AttrArn, KeyPolicy = primary.KeyPolicy })|};
            }
        }
        """, cdk: true, Kms0010(0, "new CfnKeyProps with MultiRegion = true"), Kms0010(1, "new CfnReplicaKey 'Replica'"));

    [Fact]
    public Task Follows_a_local_set_only_to_true_and_reports_statement_assignments() => Run(CdkUsings + """
        class KeyStack : Stack
        {
            public KeyStack(bool fromProps, string id) : base(null, "Keys")
            {
                var multiRegion = true;
                var props = new CfnKeyProps();
                {|#0:props.MultiRegion = multiRegion|};
                var key = new CfnKey(this, id, props);
                {|#1:key.MultiRegion = true|};

                var maybe = true;
                if (fromProps) maybe = false;
                new CfnKey(this, "Maybe", new CfnKeyProps { MultiRegion = maybe });
                new CfnKey(this, "Param", new CfnKeyProps { MultiRegion = fromProps });
                new CfnKey(this, "Boxed", new CfnKeyProps { MultiRegion = (object)"true" });
            }
        }
        """, cdk: true, Kms0010(0, "CfnKeyProps.MultiRegion = true"), Kms0010(1, "CfnKey.MultiRegion = true"));

    [Fact]
    public Task Reports_the_L2_key_with_MultiRegion_true() => Run(CdkUsings + """
        class KeyStack : Stack
        {
            public KeyStack() : base(null, "Keys")
            {
                {|#0:new Key(this, "Orders", new KeyProps { Alias = "alias/orders", MultiRegion = true })|};
                new Key(this, "Audit", new KeyProps { Alias = "alias/audit", MultiRegion = null });
            }
        }
        """ + L2Key, cdk: true, Kms0010(0, "new Key 'Orders' with MultiRegion = true"));

    [Fact]
    public Task Reports_an_sdk_CreateKeyRequest_and_ReplicateKeyAsync_calls() => Run("""
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;

        class KeyAdmin
        {
            private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);

            async Task Create(AmazonKeyManagementServiceClient concrete)
            {
                var created = await _kms.CreateKeyAsync({|#0:new CreateKeyRequest { Description = "orders", MultiRegion = true }|});
                await _kms.CreateKeyAsync(new CreateKeyRequest { Description = "audit" });
                await _kms.CreateKeyAsync(new CreateKeyRequest { MultiRegion = false });
                var request = new CreateKeyRequest();
                {|#1:request.MultiRegion = true|};
                await {|#2:_kms.ReplicateKeyAsync(new ReplicateKeyRequest { KeyId = created.KeyMetadata.KeyId, ReplicaRegion = "eu-west-2" })|};
                await {|#3:concrete.ReplicateKeyAsync(new ReplicateKeyRequest())|};
            }
        }

        class NotKms { public Task ReplicateKeyAsync(object request) => Task.CompletedTask; void M() => ReplicateKeyAsync(null); }
        """, cdk: false,
        Kms0010(0, "new CreateKeyRequest with MultiRegion = true"), Kms0010(1, "CreateKeyRequest.MultiRegion = true"),
        Kms0010(2, "ReplicateKeyAsync"), Kms0010(3, "ReplicateKeyAsync"));

    [Fact]
    public Task Reports_the_sdk_v3_shape_bool_MultiRegion_and_a_synchronous_ReplicateKey()
    {
        // SDK v3 (3.7.x) declares bool MultiRegion and, on .NET Framework, synchronous operations.
        var test = new Verify.Test
        {
            TestCode = """
                using Amazon.KeyManagementService;
                using Amazon.KeyManagementService.Model;

                class KeyAdmin
                {
                    void Create(IAmazonKeyManagementService kms)
                    {
                        kms.CreateKey({|#0:new CreateKeyRequest { MultiRegion = true }|});
                        {|#1:kms.ReplicateKey(new ReplicateKeyRequest { KeyId = "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d", ReplicaRegion = "us-east-1" })|};
                    }
                }

                namespace Amazon.KeyManagementService
                {
                    public interface IAmazonKeyManagementService
                    {
                        Model.CreateKeyResponse CreateKey(Model.CreateKeyRequest request);
                        Model.ReplicateKeyResponse ReplicateKey(Model.ReplicateKeyRequest request);
                    }
                }

                namespace Amazon.KeyManagementService.Model
                {
                    public class CreateKeyRequest { public bool MultiRegion { get; set; } }
                    public class CreateKeyResponse { }
                    public class ReplicateKeyRequest { public string KeyId { get; set; } public string ReplicaRegion { get; set; } }
                    public class ReplicateKeyResponse { }
                }
                """,
        }.WithEditorConfig(Enable);
        test.TestState.AdditionalReferences.Clear();
        test.ExpectedDiagnostics.Add(Kms0010(0, "new CreateKeyRequest with MultiRegion = true"));
        test.ExpectedDiagnostics.Add(Kms0010(1, "ReplicateKey"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Ignores_look_alike_types_outside_the_CDK_and_the_SDK() => Run("""
        namespace MyCompany.Kms
        {
            public class CfnKeyProps { public object MultiRegion { get; set; } }
            public class CfnReplicaKey { public CfnReplicaKey(object scope, string id) { } }
            public class CreateKeyRequest { public bool MultiRegion { get; set; } }
            class C
            {
                void M()
                {
                    new CfnKeyProps { MultiRegion = true };
                    new CfnReplicaKey(null, "Replica");
                    new CreateKeyRequest { MultiRegion = true };
                }
            }
        }
        """, cdk: false);

    [Fact]
    public Task Incomplete_code_while_typing_does_not_throw() => Run(CdkUsings + """
        class KeyStack : Stack
        {
            public KeyStack() : base(null, "Keys")
            {
                var a = {|#0:new CfnKey(this, "A", new CfnKeyProps { MultiRegion = true, })|};
                var b = new CfnKeyProps { MultiRegion = {|CS0103:undefinedFlag|} };
                var c = new CfnReplicaKey(this, {|CS1503:42|}, null); // no constructor binds: silent
            }
        }
        """, cdk: true, Kms0010(0, "new CfnKey 'A' with MultiRegion = true"));

    [Fact]
    public async Task Is_disabled_by_default_and_costs_nothing_without_the_CDK_or_the_SDK()
    {
        const string Code = """
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;
            class C { void M(IAmazonKeyManagementService kms) => kms.CreateKeyAsync(new CreateKeyRequest { MultiRegion = true }); }
            """;
        var analyzer = new MultiRegionKeyCreationAnalyzer();
        var silent = await AnalyzerRunner.RunAsync(analyzer, Code);
        Assert.Empty(silent.Exceptions);
        Assert.Empty(silent.Diagnostics);
        Assert.False(Assert.Single(analyzer.SupportedDiagnostics).IsEnabledByDefault);

        var enabled = silent.Compilation.WithOptions(silent.Compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(DiagnosticIds.MultiRegionKeyCreated, ReportDiagnostic.Warn)));
        var diagnostics = await enabled.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Equal(DiagnosticIds.MultiRegionKeyCreated, Assert.Single(diagnostics).Id);
    }
}
