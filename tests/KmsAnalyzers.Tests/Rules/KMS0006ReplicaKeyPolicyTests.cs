using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify6 = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.ReplicaKeyPolicyAnalyzer, KmsAnalyzers.CodeFixes.UseRegionTokenCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0006: a replica key whose policy is written apart from its primary's, on AWS CDK code (the cross-type cases are in KMS0006CrossTypeTests).</summary>
public sealed class KMS0006ReplicaKeyPolicyTests
{
    private const string Usings = "using Amazon.CDK;\nusing Amazon.CDK.AWS.IAM;\nusing Amazon.CDK.AWS.KMS;\n";

    private static DiagnosticResult Kms0006(int location, string replica = "Replica", string primary = "Primary") =>
        Verify6.Diagnostic(DiagnosticIds.ReplicaKeyPolicyApart).WithLocation(location).WithArguments(replica, primary);

    private static Task Run6(string body, params DiagnosticResult[] expected)
    {
        var test = CdkStubs.With(new Verify6.Test { TestCode = Usings + body });
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Kms0006_reports_a_replica_with_its_own_policy_object() => Run6("""
        class Keys
        {
            void Define(Stack primaryStack, Stack replicaStack)
            {
                var key = new CfnKey(primaryStack, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = new PolicyDocument(new PolicyDocumentProps()) });
                {|#0:new CfnReplicaKey(replicaStack, "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = key.AttrArn, KeyPolicy = new PolicyDocument(new PolicyDocumentProps()) })|};
            }
        }
        """, Kms0006(0));

    [Fact]
    public Task Kms0006_traces_the_primary_through_fields_and_a_copied_arn() => Run6("""
        class Keys
        {
            private readonly CfnKey _primary;
            private static object OwnPolicy() => new PolicyDocument();
            private static object OtherPolicy() => new PolicyDocument();
            Keys(Stack stack)
            {
                _primary = new CfnKey(stack, "Orders", new CfnKeyProps { MultiRegion = true, KeyPolicy = OwnPolicy() });
            }
            void Replicate(Stack replicaStack)
            {
                var arn = _primary.AttrArn;
                var props = new CfnReplicaKeyProps { PrimaryKeyArn = arn };
                props.KeyPolicy = OtherPolicy();
                {|#0:new CfnReplicaKey(replicaStack, "OrdersReplica", props)|};
            }
        }
        """, Kms0006(0, "OrdersReplica", "Orders"));

    [Fact]
    public Task Kms0006_reports_a_replica_without_the_primarys_policy() => Run6("""
        class Keys
        {
            void Define(Stack a, Stack b)
            {
                var key = new CfnKey(a, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = new PolicyDocument() });
                {|#0:new CfnReplicaKey(b, "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = key.AttrArn })|};
            }
        }
        """, Kms0006(0));

    [Fact]
    public Task Kms0006_is_silent_for_one_definition_shared_or_built_by_one_factory() => Run6("""
        class Keys
        {
            private static readonly PolicyDocument Shared = new PolicyDocument();
            private static PolicyDocument For(string region) => new PolicyDocument();
            void Define(Stack a, Stack b)
            {
                var key = new CfnKey(a, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = Shared });
                new CfnReplicaKey(b, "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = key.AttrArn, KeyPolicy = Shared });

                var orders = new CfnKey(a, "Orders", new CfnKeyProps { MultiRegion = true, KeyPolicy = For("eu-west-1") });
                new CfnReplicaKey(b, "OrdersReplica", new CfnReplicaKeyProps { PrimaryKeyArn = orders.AttrArn, KeyPolicy = For("us-east-1") });

                var primaryPolicy = For("eu-west-1");
                var replicaPolicy = For("us-east-1");
                var billing = new CfnKey(a, "Billing", new CfnKeyProps { MultiRegion = true, KeyPolicy = primaryPolicy });
                new CfnReplicaKey(b, "BillingReplica", new CfnReplicaKeyProps { PrimaryKeyArn = billing.AttrArn, KeyPolicy = replicaPolicy });

                var plain = new CfnKey(a, "Plain", new CfnKeyProps { MultiRegion = true });
                new CfnReplicaKey(b, "PlainReplica", new CfnReplicaKeyProps { PrimaryKeyArn = plain.AttrArn });
            }
        }
        """);

    [Fact]
    public Task Kms0006_is_silent_when_the_primary_is_not_found_or_not_multi_region() => Run6("""
        class Keys
        {
            void Define(Stack a, Stack b, string primaryArn, CfnKey injected)
            {
                new CfnReplicaKey(b, "FromParameter", new CfnReplicaKeyProps { PrimaryKeyArn = primaryArn, KeyPolicy = new PolicyDocument() });
                new CfnReplicaKey(b, "FromInjected", new CfnReplicaKeyProps { PrimaryKeyArn = injected.AttrArn, KeyPolicy = new PolicyDocument() });
                var single = new CfnKey(a, "Single", new CfnKeyProps { KeyPolicy = new PolicyDocument() });
                new CfnReplicaKey(b, "OfSingle", new CfnReplicaKeyProps { PrimaryKeyArn = single.AttrArn, KeyPolicy = new PolicyDocument() });
                var maybe = new CfnKey(a, "Maybe", new CfnKeyProps { MultiRegion = System.DateTime.Now.Second > 1, KeyPolicy = new PolicyDocument() });
                new CfnReplicaKey(b, "OfMaybe", new CfnReplicaKeyProps { PrimaryKeyArn = maybe.AttrArn, KeyPolicy = new PolicyDocument() });
            }
        }
        """);

    [Fact]
    public Task Kms0006_is_silent_for_a_copy_of_the_shared_field_and_for_the_primarys_own_policy() => Run6("""
        class Keys
        {
            private static readonly PolicyDocument Shared = new PolicyDocument();
            void Define(Stack a, Stack b)
            {
                var key = new CfnKey(a, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = Shared });
                var copy = Shared;
                new CfnReplicaKey(b, "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = key.AttrArn, KeyPolicy = copy });
                new CfnReplicaKey(b, "Replica2", new CfnReplicaKeyProps { PrimaryKeyArn = key.AttrArn, KeyPolicy = key.KeyPolicy });
            }
        }
        """);

    [Fact]
    public Task Kms0006_reports_two_calls_of_a_library_method_with_different_documents() => Run6("""
        class Keys
        {
            void Define(Stack a, Stack b)
            {
                var key = new CfnKey(a, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = PolicyDocument.FromJson("{}") });
                {|#0:new CfnReplicaKey(b, "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = key.AttrArn, KeyPolicy = PolicyDocument.FromJson("{ }") })|};
            }
        }
        """, Kms0006(0));

    [Fact]
    public Task Kms0006_works_in_top_level_statements()
    {
        var test = CdkStubs.With(new Verify6.Test
        {
            TestCode = Usings + """
                var app = new App();
                var key = new CfnKey(new Stack(app, "A"), "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = new PolicyDocument() });
                {|#0:new CfnReplicaKey(new Stack(app, "B"), "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = key.AttrArn, KeyPolicy = new PolicyDocument() })|};
                app.Synth();
                """,
        });
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Kms0006(0));
        return test.RunAsync(CancellationToken.None);
    }
}
