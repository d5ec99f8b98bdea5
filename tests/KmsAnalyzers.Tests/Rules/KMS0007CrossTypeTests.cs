using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify7 = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.RegionPinnedKeyPolicyAnalyzer, KmsAnalyzers.CodeFixes.UseRegionTokenCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0007 where the policy is built in another class or file: a policy factory, a static policy field, stack props.</summary>
public sealed class KMS0007CrossTypeTests
{
    private const string Usings = KMS0006CrossTypeTests.Usings;

    private static DiagnosticResult Kms0007(int location, string region, string key) =>
        Verify7.Diagnostic(DiagnosticIds.RegionPinnedInKeyPolicy).WithLocation(location).WithArguments(key, region);

    private static Task Run(DiagnosticResult[] expected, params (string Name, string Source)[] files)
    {
        var test = new Verify7.Test();
        test.TestState.AdditionalReferences.Add(CdkStubs.Reference);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        foreach (var (name, source) in files)
            test.TestState.Sources.Add(("/0/" + name, source));
        test.ExpectedDiagnostics.AddRange(expected);
        // The Region-token fix edits the literal where it is; the cross-file cases check the diagnostics only.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        return test.RunAsync(CancellationToken.None);
    }

    private const string Policies = Usings + """
        namespace KeyApp;

        public static class KeyPolicies
        {
            public static PolicyDocument ForOrders(string account) => new PolicyDocument(new PolicyDocumentProps
            {
                Statements = new[]
                {
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Actions = new[] { "kms:Decrypt" },
                        Principals = new IPrincipal[] { new ArnPrincipal("arn:aws:iam::" + account + ":role/orders") },
                        Conditions = new System.Collections.Generic.Dictionary<string, object>
                        {
                            ["StringEquals"] = new System.Collections.Generic.Dictionary<string, object> { ["kms:ViaService"] = {|#1:"sqs.eu-west-1.amazonaws.com"|} },
                        },
                    }),
                },
            });

            public static readonly PolicyDocument Audit = new PolicyDocument(new PolicyDocumentProps
            {
                Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { {|#2:"arn:aws:sqs:us-east-1:111122223333:audit"|} } }) },
            });
        }
        """;

    private const string OrdersSettings = Usings + """
        namespace App;

        public static class Settings
        {
            public static CfnKeyProps Orders => new CfnKeyProps
            {
                MultiRegion = true,
                KeyPolicy = new PolicyDocument(new PolicyDocumentProps
                {
                    Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { {|#1:"arn:aws:sqs:eu-west-1:111122223333:orders"|} } }) },
                }),
            };
        }
        """;

    [Fact]
    public Task A_key_created_through_a_global_using_alias_in_a_file_that_never_spells_key_is_found() => Run(
        new[] { Kms0007(1, "eu-west-1", "Settings.Orders") },
        ("GlobalUsings.cs", "global using Cmk = Amazon.CDK.AWS.KMS.CfnKey;\n"),
        ("Program.cs", "new App.OrdersStack(new Amazon.CDK.App());\n"),
        ("Settings.cs", OrdersSettings),
        // The stack's file names neither the KMS namespace nor a key type: only the global alias lets it create a CfnKey.
        ("Stack.cs", """
            using Amazon.CDK;
            using Constructs;

            namespace App;

            public sealed class OrdersStack : Stack
            {
                public OrdersStack(Construct scope) : base(scope, "Orders") => _ = new Cmk(this, "Orders", Settings.Orders);
            }
            """));

    [Fact]
    public Task A_key_created_through_a_global_using_of_the_namespace_in_a_file_that_never_names_it_is_found() => Run(
        new[] { Kms0007(1, "eu-west-1", "Settings.Orders") },
        ("GlobalUsings.cs", "global using global::Amazon.CDK.AWS.KMS;\n"),
        ("Program.cs", "new App.OrdersStack(new Amazon.CDK.App());\n"),
        ("Settings.cs", OrdersSettings),
        ("Stack.cs", """
            using Amazon.CDK;
            using Constructs;

            namespace App;

            public sealed class OrdersStack : Stack
            {
                public OrdersStack(Construct scope) : base(scope, "Orders") => _ = new CfnKey(this, "Orders", Settings.Orders);
            }
            """));

    [Fact]
    public Task A_key_created_by_a_target_typed_new_in_a_part_of_a_type_whose_other_part_names_the_namespace_is_found() => Run(
        new[] { Kms0007(1, "eu-west-1", "Settings.Orders") },
        ("Program.cs", "new App.OrdersStack(new Amazon.CDK.App());\n"),
        ("Settings.cs", OrdersSettings),
        // The part that creates the key comes first: every part of the type counts, not the first.
        ("OrdersStack.cs", """
            using Amazon.CDK;
            using Constructs;

            namespace App;

            public sealed partial class OrdersStack : Stack
            {
                public OrdersStack(Construct scope) : base(scope, "Orders") => _orders = new(this, "Orders", Settings.Orders);
            }
            """),
        ("OrdersStack.Fields.cs", Usings + """
            namespace App;

            public sealed partial class OrdersStack
            {
                private readonly CfnKey _orders;
            }
            """));

    [Fact]
    public Task Literals_in_a_policy_factory_and_a_static_policy_field_of_another_file_are_reported_once_named_by_the_definition() => Run(
        new[]
        {
            Kms0007(1, "eu-west-1", "KeyPolicies.ForOrders"),
            Kms0007(2, "us-east-1", "KeyPolicies.Audit"),
        },
        ("KeyPolicies.cs", Policies),
        ("Stacks.cs", Usings + """
            namespace KeyApp;

            public sealed class PrimaryStack : Stack
            {
                public PrimaryStack(Construct scope) : base(scope, "Primary")
                {
                    Key = new CfnKey(this, "Orders", new CfnKeyProps { MultiRegion = true, KeyPolicy = KeyPolicies.ForOrders(Aws.ACCOUNT_ID) });
                    new CfnKey(this, "Audit", new CfnKeyProps { MultiRegion = true, KeyPolicy = KeyPolicies.Audit });
                }

                public CfnKey Key { get; }
            }

            public sealed class ReplicaStack : Stack
            {
                public ReplicaStack(Construct scope, PrimaryStack primary) : base(scope, "Replica")
                {
                    new CfnReplicaKey(this, "OrdersReplica", new CfnReplicaKeyProps { PrimaryKeyArn = primary.Key.AttrArn, KeyPolicy = KeyPolicies.ForOrders(Aws.ACCOUNT_ID) });
                }
            }

            public static class Program
            {
                public static void Main()
                {
                    var app = new App();
                    new ReplicaStack(app, new PrimaryStack(app));
                }
            }
            """));

    [Fact]
    public Task A_replica_reusing_the_primarys_policy_looks_at_the_policy_only_and_names_the_variable_without_a_constant_id() => Run(
        new[] { Kms0007(0, "eu-west-1", "ordersKey") },
        ("Stacks.cs", Usings + """
            namespace KeyApp;

            public sealed class KeyStack : Stack
            {
                public KeyStack(Construct scope, string keyName) : base(scope, "Keys")
                {
                    var ordersKey = new CfnKey(this, keyName, new CfnKeyProps
                    {
                        Description = "Orders key, created in eu-west-1",
                        MultiRegion = true,
                        KeyPolicy = new PolicyDocument(new PolicyDocumentProps
                        {
                            Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { {|#0:"arn:aws:sqs:eu-west-1:111122223333:orders"|} } }) },
                        }),
                    });
                    new CfnReplicaKey(this, "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = ordersKey.AttrArn, KeyPolicy = ordersKey.KeyPolicy, Description = "us-east-1 replica" });
                    // A single-Region key's ARN in a policy is a token, never text of the policy.
                    new CfnReplicaKey(this, "Other", new CfnReplicaKeyProps
                    {
                        PrimaryKeyArn = ordersKey.AttrArn,
                        KeyPolicy = new PolicyDocument(new PolicyDocumentProps
                        {
                            Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { new CfnKey(this, "Plain", new CfnKeyProps { Description = "eu-west-2" }).AttrArn } }) },
                        }),
                    });
                }
            }

            public static class Program { public static void Main(string[] args) => new KeyStack(new App(), args[0]); }
            """));

    [Fact]
    public Task Policy_passed_through_stack_props_is_found_at_compilation_end_and_the_props_other_members_are_no_policy() => Run(
        new[] { Kms0007(0, "eu-west-1", "Orders") },
        ("Program.cs", Usings + """
            using KeyApp;

            var app = new App();
            new PrimaryStack(app, new PrimaryStackProps
            {
                Env = new Amazon.CDK.Environment { Account = "111122223333", Region = "us-west-2" },
                Policy = new PolicyDocument(new PolicyDocumentProps
                {
                    Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { {|#0:"arn:aws:sns:eu-west-1:111122223333:alerts"|} } }) },
                }),
            });
            app.Synth();
            """),
        ("PrimaryStack.cs", Usings + """
            namespace KeyApp;

            public sealed class PrimaryStackProps : StackProps
            {
                public PolicyDocument Policy { get; init; }
            }

            public sealed class PrimaryStack : Stack
            {
                public PrimaryStack(Construct scope, PrimaryStackProps props) : base(scope, "Primary", props)
                {
                    new CfnKey(this, "Orders", new CfnKeyProps { MultiRegion = true, KeyPolicy = props.Policy });
                }
            }
            """));

    // The multi-Region setting comes through a constructor parameter: only the call sites say whether the key is one, so
    // the live pass cannot tell and the compilation end judges it (the live pass met a parameter).
    [Theory]
    [InlineData("new OrdersStack(app, multiRegion: true);", true)]
    [InlineData("new OrdersStack(app, multiRegion: false);", false)]
    [InlineData("new OrdersStack(app, multiRegion: true);\nnew OrdersStack(app, multiRegion: false);", false)]
    [InlineData("new OrdersStack(app, multiRegion: args.Length > 0);", false)]
    public Task A_multi_region_setting_passed_to_the_stacks_constructor_is_judged_from_its_call_sites(string calls, bool reported) => Run(
        reported ? new[] { Kms0007(0, "eu-west-1", "Orders") } : new DiagnosticResult[0],
        ("Program.cs", Usings + "using KeyApp;\n\nvar app = new App();\n" + calls + "\napp.Synth();\n"),
        ("OrdersStack.cs", Usings + """
            namespace KeyApp;

            public sealed class OrdersStack : Stack
            {
                public OrdersStack(Construct scope, bool multiRegion) : base(scope, "Orders" + multiRegion)
                {
                    new CfnKey(this, "Orders", new CfnKeyProps
                    {
                        MultiRegion = multiRegion,
                        KeyPolicy = new PolicyDocument(new PolicyDocumentProps
                        {
                            Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { {|#0:"arn:aws:sqs:eu-west-1:111122223333:orders"|} } }) },
                        }),
                    });
                }
            }
            """));

    // The policy walk remembers only its roots (a policy, a value followed to): these ends must still terminate and
    // report each constant once.
    [Fact]
    public Task Two_keys_whose_policies_read_each_other_are_walked_to_an_end_and_report_the_constant_once() => Run(
        new[] { Kms0007(0, "eu-west-1", "Orders") },
        ("Stacks.cs", Usings + """
            namespace KeyApp;

            public sealed class KeyStack : Stack
            {
                private readonly bool _shared;

                public KeyStack(Construct scope, bool shared) : base(scope, "Keys") => _shared = shared;

                private CfnKey Orders => new CfnKey(this, "Orders", new CfnKeyProps
                {
                    MultiRegion = true,
                    KeyPolicy = _shared
                        ? Audit.KeyPolicy
                        : new PolicyDocument(new PolicyDocumentProps
                        {
                            Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { {|#0:"arn:aws:sqs:eu-west-1:111122223333:orders"|} } }) },
                        }),
                });

                private CfnKey Audit => new CfnKey(this, "Audit", new CfnKeyProps { MultiRegion = true, KeyPolicy = Orders.KeyPolicy });
            }

            public static class Program { public static void Main(string[] args) => new KeyStack(new App(), args.Length > 0); }
            """));

    [Fact]
    public Task A_policy_kept_in_a_lazy_field_is_reached_as_the_field_and_as_the_value_and_reported_once() => Run(
        new[] { Kms0007(0, "eu-west-1", "Orders") },
        ("Stacks.cs", Usings + """
            namespace KeyApp;

            public sealed class KeyStack : Stack
            {
                private static PolicyDocument? _policy;

                public KeyStack(Construct scope) : base(scope, "Keys")
                {
                    new CfnKey(this, "Orders", new CfnKeyProps
                    {
                        MultiRegion = true,
                        KeyPolicy = _policy ??= new PolicyDocument(new PolicyDocumentProps
                        {
                            Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { {|#0:"arn:aws:sqs:eu-west-1:111122223333:orders"|} } }) },
                        }),
                    });
                }
            }

            public static class Program { public static void Main() => new KeyStack(new App()); }
            """));
}
