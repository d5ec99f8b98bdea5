using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify6 = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.ReplicaKeyPolicyAnalyzer, KmsAnalyzers.CodeFixes.UseRegionTokenCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>
/// KMS0006 on multi-stack CDK apps written as real ones are: stacks in their own files, props classes, a policy class,
/// the wiring in Program.cs. Definition-direction findings are live; findings that need the call sites (stack props,
/// constructor arguments) come from the compilation-end action.
/// </summary>
public sealed class KMS0006CrossTypeTests
{
    internal const string Usings = "using Amazon.CDK;\nusing Amazon.CDK.AWS.IAM;\nusing Amazon.CDK.AWS.KMS;\nusing Constructs;\n";

    internal const string Policies = Usings + """
        namespace KeyApp;

        public static class KeyPolicies
        {
            public static PolicyDocument Orders() => new PolicyDocument(new PolicyDocumentProps
            {
                Statements = new[] { new PolicyStatement(new PolicyStatementProps { Actions = new[] { "kms:*" }, Principals = new IPrincipal[] { new AccountRootPrincipal() } }) },
            });

            public static readonly PolicyDocument Shared = Orders();
        }
        """;

    internal const string PrimaryStack = Usings + """
        namespace KeyApp;

        public sealed class PrimaryKeyStack : Stack
        {
            public PrimaryKeyStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
            {
                Key = new CfnKey(this, "OrdersKey", new CfnKeyProps
                {
                    Description = "Orders",
                    MultiRegion = true,
                    KeyPolicy = KeyPolicies.Orders(),
                });
            }

            public CfnKey Key { get; }
        }
        """;

    private static DiagnosticResult Kms0006(int location, string replica = "OrdersReplica", string primary = "OrdersKey") =>
        Verify6.Diagnostic(DiagnosticIds.ReplicaKeyPolicyApart).WithLocation(location).WithArguments(replica, primary);

    private static Task Run(DiagnosticResult[] expected, params (string Name, string Source)[] files)
    {
        var test = new Verify6.Test();
        test.TestState.AdditionalReferences.Add(CdkStubs.Reference);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        foreach (var (name, source) in files)
            test.TestState.Sources.Add(("/0/" + name, source));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private const string ReplicaStackWithProps = Usings + """
        namespace KeyApp;

        public sealed class ReplicaKeyStackProps : StackProps
        {
            public string PrimaryKeyArn { get; init; }
        }

        public sealed class ReplicaKeyStack : Stack
        {
            public ReplicaKeyStack(Construct scope, string id, ReplicaKeyStackProps props) : base(scope, id, props)
            {
                {|#0:new CfnReplicaKey(this, "OrdersReplica", new CfnReplicaKeyProps
                {
                    PrimaryKeyArn = props.PrimaryKeyArn,
                    KeyPolicy = new PolicyDocument(new PolicyDocumentProps()),
                })|};
            }
        }
        """;

    [Fact]
    public Task Primary_arn_passed_through_stack_props_in_program_cs() => Run(
        new[] { Kms0006(0) },
        ("Program.cs", Usings + """
            using KeyApp;

            var app = new App();
            var primary = new PrimaryKeyStack(app, "Primary", new StackProps { Env = new Environment { Region = "eu-west-1" } });
            new ReplicaKeyStack(app, "Replica", new ReplicaKeyStackProps
            {
                Env = new Environment { Region = "us-east-1" },
                PrimaryKeyArn = primary.Key.AttrArn,
            });
            app.Synth();
            """),
        ("PrimaryKeyStack.cs", PrimaryStack), ("ReplicaKeyStack.cs", ReplicaStackWithProps), ("KeyPolicies.cs", Policies));

    [Fact]
    public Task Primary_key_passed_as_a_constructor_parameter_of_a_replica_stack_and_a_props_record() => Run(
        new[] { Kms0006(0), Kms0006(1, "BillingReplica", "Billing") },
        ("Program.cs", Usings + """
            using KeyApp;

            var app = new App();
            var primary = new PrimaryKeyStack(app, "Primary");
            var billing = new CfnKey(new Stack(app, "Billing"), "Billing", new CfnKeyProps { MultiRegion = true });
            new ReplicaStack(app, "Replica", primary.Key, new ReplicaProps(billing.AttrArn, "eu-west-2"));
            app.Synth();
            """),
        ("PrimaryKeyStack.cs", PrimaryStack), ("KeyPolicies.cs", Policies),
        ("ReplicaStack.cs", Usings + """
            namespace KeyApp;

            public sealed record ReplicaProps(string PrimaryArn, string Region);

            public sealed class ReplicaStack : Stack
            {
                private readonly CfnKey _primary;

                public ReplicaStack(Construct scope, string id, CfnKey primary, ReplicaProps props) : base(scope, id)
                {
                    _primary = primary;
                    {|#0:new CfnReplicaKey(this, "OrdersReplica", new CfnReplicaKeyProps { PrimaryKeyArn = _primary.AttrArn, KeyPolicy = new PolicyDocument() })|};
                    // The primary's own policy, reused: one definition.
                    new CfnReplicaKey(this, "SameReplica", new CfnReplicaKeyProps { PrimaryKeyArn = primary.AttrArn, KeyPolicy = primary.KeyPolicy });
                    {|#1:new CfnReplicaKey(this, "BillingReplica", new CfnReplicaKeyProps { PrimaryKeyArn = props.PrimaryArn, KeyPolicy = new PolicyDocument() })|};
                }
            }
            """));

    [Fact]
    public Task Live_primary_in_a_property_of_another_stack_with_replicas_in_main_for_several_regions() => Run(
        new[] { Kms0006(0) },
        ("Program.cs", Usings + """
            using KeyApp;

            var app = new App();
            var primaryStack = new PrimaryKeyStack(app, "Primary");
            foreach (var region in new[] { "us-east-1", "ap-southeast-2" })
            {
                var stack = new Stack(app, "Replica-" + region, new StackProps { Env = new Environment { Region = region } });
                {|#0:new CfnReplicaKey(stack, "OrdersReplica", new CfnReplicaKeyProps { PrimaryKeyArn = primaryStack.Key.AttrArn, KeyPolicy = new PolicyDocument() })|};
                new CfnReplicaKey(stack, "Shared", new CfnReplicaKeyProps { PrimaryKeyArn = primaryStack.Key.AttrArn, KeyPolicy = KeyPolicies.Orders() });
            }
            app.Synth();
            """),
        ("PrimaryKeyStack.cs", PrimaryStack), ("KeyPolicies.cs", Policies));

    [Fact]
    public Task Live_primary_from_a_factory_class_and_a_static_holder() => Run(
        new[] { Kms0006(0, "Replica", "CreatePrimary"), Kms0006(1, "HeldReplica", "Held") },
        ("Keys.cs", Usings + """
            namespace KeyApp;

            public static class KeyFactory
            {
                public static CfnKey CreatePrimary(Construct scope, string id) =>
                    new CfnKey(scope, id, new CfnKeyProps { MultiRegion = true, KeyPolicy = KeyPolicies.Shared });
            }

            public static class KeyHolder
            {
                private static CfnKey _held;
                public static CfnKey Held => _held ??= new CfnKey(new Stack(null, "Held"), "Held", new CfnKeyProps { MultiRegion = true, KeyPolicy = KeyPolicies.Orders() });
            }
            """),
        ("KeyPolicies.cs", Policies),
        ("Replicas.cs", Usings + """
            namespace KeyApp;

            public sealed class ReplicaStack : Stack
            {
                public ReplicaStack(Construct scope) : base(scope, "Replicas")
                {
                    var primary = KeyFactory.CreatePrimary(new Stack(scope, "P"), "Orders");
                    {|#0:new CfnReplicaKey(this, "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = primary.AttrArn, KeyPolicy = new PolicyDocument() })|};
                    new CfnReplicaKey(this, "SameReplica", new CfnReplicaKeyProps { PrimaryKeyArn = primary.AttrArn, KeyPolicy = KeyPolicies.Shared });
                    {|#1:new CfnReplicaKey(this, "HeldReplica", new CfnReplicaKeyProps { PrimaryKeyArn = KeyHolder.Held.AttrArn, KeyPolicy = new PolicyDocument() })|};
                    new CfnReplicaKey(this, "HeldSame", new CfnReplicaKeyProps { PrimaryKeyArn = KeyHolder.Held.AttrArn, KeyPolicy = KeyPolicies.Orders() });
                }
            }

            public static class Program { public static void Main() => new ReplicaStack(new App()); }
            """));

    [Fact]
    public Task Silent_when_call_sites_disagree_or_the_stack_is_never_created() => Run(
        System.Array.Empty<DiagnosticResult>(),
        ("Program.cs", Usings + """
            using KeyApp;

            var app = new App();
            var first = new PrimaryKeyStack(app, "First");
            var second = new PrimaryKeyStack(app, "Second");
            new ReplicaKeyStack(app, "R1", new ReplicaKeyStackProps { PrimaryKeyArn = first.Key.AttrArn });
            new ReplicaKeyStack(app, "R2", new ReplicaKeyStackProps { PrimaryKeyArn = System.Environment.GetEnvironmentVariable("PRIMARY") });
            app.Synth();
            """),
        ("PrimaryKeyStack.cs", PrimaryStack), ("KeyPolicies.cs", Policies),
        ("ReplicaKeyStack.cs", ReplicaStackWithProps.Replace("{|#0:", "").Replace("|};", ";")),
        ("Unused.cs", Usings + """
            namespace KeyApp;

            public sealed class UnusedStack : Stack
            {
                public UnusedStack(Construct scope, ReplicaKeyStackProps props) : base(scope, "Unused")
                {
                    new CfnReplicaKey(this, "Unused", new CfnReplicaKeyProps { PrimaryKeyArn = props.PrimaryKeyArn, KeyPolicy = new PolicyDocument() });
                }
            }
            """));

    [Fact]
    public Task Silent_for_a_public_settable_holder_and_an_overridable_factory() => Run(
        System.Array.Empty<DiagnosticResult>(),
        ("Keys.cs", Usings + """
            namespace KeyApp;

            public class Keys
            {
                public static CfnKey Settable { get; set; } = new CfnKey(null, "Settable", new CfnKeyProps { MultiRegion = true });
                public virtual CfnKey Create(Construct scope) => new CfnKey(scope, "Virtual", new CfnKeyProps { MultiRegion = true });

                public void Replicate(Construct scope)
                {
                    new CfnReplicaKey(scope, "A", new CfnReplicaKeyProps { PrimaryKeyArn = Settable.AttrArn, KeyPolicy = new PolicyDocument() });
                    new CfnReplicaKey(scope, "B", new CfnReplicaKeyProps { PrimaryKeyArn = Create(scope).AttrArn, KeyPolicy = new PolicyDocument() });
                }
            }

            public static class Program { public static void Main() => new Keys().Replicate(new App()); }
            """));

    [Fact]
    public async Task Per_document_analysis_reports_the_definition_direction_live_and_leaves_call_sites_to_the_build()
    {
        // What the IDE runs while typing: the semantic diagnostics of one document, no compilation-end action.
        var program = CSharpSyntaxTree.ParseText(Usings + """
            using KeyApp;

            var app = new App();
            var primaryStack = new PrimaryKeyStack(app, "Primary");
            new CfnReplicaKey(new Stack(app, "Replica"), "OrdersReplica", new CfnReplicaKeyProps { PrimaryKeyArn = primaryStack.Key.AttrArn, KeyPolicy = new PolicyDocument() });
            new ReplicaKeyStack(app, "Replica2", new ReplicaKeyStackProps { PrimaryKeyArn = primaryStack.Key.AttrArn });
            app.Synth();
            """, path: "/0/Program.cs");
        var trees = new[]
        {
            program,
            CSharpSyntaxTree.ParseText(PrimaryStack, path: "/0/PrimaryKeyStack.cs"),
            CSharpSyntaxTree.ParseText(ReplicaStackWithProps.Replace("{|#0:", "").Replace("|};", ";"), path: "/0/ReplicaKeyStack.cs"),
            CSharpSyntaxTree.ParseText(Policies, path: "/0/KeyPolicies.cs"),
        };
        var compilation = CSharpCompilation.Create("App", trees, (await AnalyzerRunner.GetReferencesAsync()).Add(CdkStubs.Reference),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ReplicaKeyPolicyAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, true, false));

        var live = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(program), null, CancellationToken.None);
        var diagnostic = Assert.Single(live);
        Assert.Equal(DiagnosticIds.ReplicaKeyPolicyApart, diagnostic.Id);
        Assert.Equal("Replica key 'OrdersReplica' has a key policy written apart from the policy of its primary key 'OrdersKey'; build both from one policy definition", diagnostic.GetMessage());
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, diagnostic.Descriptor.CustomTags);
        var replicaStack = trees[2];
        Assert.Empty(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(replicaStack), null, CancellationToken.None));

        // The build (all actions) adds the replica stack's finding, tagged as compilation-end.
        var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var atBuild = Assert.Single(all, d => d.Location.SourceTree == replicaStack);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, atBuild.Descriptor.CustomTags);
        Assert.Equal(2, all.Length);
    }
}
