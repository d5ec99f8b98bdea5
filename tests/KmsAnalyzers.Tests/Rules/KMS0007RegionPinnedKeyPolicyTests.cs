using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify7 = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.RegionPinnedKeyPolicyAnalyzer, KmsAnalyzers.CodeFixes.UseRegionTokenCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0007: a Region pinned inside a multi-Region key's policy, on AWS CDK code, and its fix to the CDK's per-Region tokens (the cross-type cases are in KMS0007CrossTypeTests).</summary>
public sealed class KMS0007RegionPinnedKeyPolicyTests
{
    private const string Usings = "using Amazon.CDK;\nusing Amazon.CDK.AWS.IAM;\nusing Amazon.CDK.AWS.KMS;\n";

    private static DiagnosticResult Kms0007(int location, string region, string key = "Primary") =>
        Verify7.Diagnostic(DiagnosticIds.RegionPinnedInKeyPolicy).WithLocation(location).WithArguments(key, region);

    private static Task Run7(string body, params DiagnosticResult[] expected)
    {
        var test = CdkStubs.With(new Verify7.Test { TestCode = Usings + body });
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Kms0007_reports_region_codes_and_region_bearing_arns_in_the_policy() => Run7("""
        using System.Collections.Generic;
        class Keys
        {
            void Define(Stack stack)
            {
                new CfnKey(stack, "Primary", new CfnKeyProps
                {
                    MultiRegion = true,
                    KeyPolicy = new PolicyDocument(new PolicyDocumentProps
                    {
                        Statements = new[]
                        {
                            new PolicyStatement(new PolicyStatementProps
                            {
                                Actions = new[] { "kms:Decrypt" },
                                Principals = new IPrincipal[] { new ArnPrincipal("arn:aws:iam::210987654321:role/app") },
                                Resources = new[] { "*" },
                                Conditions = new Dictionary<string, object>
                                {
                                    ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = {|#0:"sqs.eu-west-1.amazonaws.com"|} },
                                    ["ArnLike"] = new { SourceArn = {|#1:"arn:aws:sqs:eu-west-1:210987654321:orders"|} },
                                },
                            }),
                        },
                    }),
                });
            }
        }
        """, Kms0007(0, "eu-west-1"), Kms0007(1, "eu-west-1"));

    [Fact]
    public Task Kms0007_follows_locals_fields_and_policy_factories_of_the_type_and_the_replica() => Run7("""
        class Keys
        {
            private static readonly string QueueArn = {|#0:"arn:aws:sqs:us-east-1:210987654321:audit"|};
            private static PolicyDocument Policy() => new PolicyDocument(new PolicyDocumentProps
            {
                Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { QueueArn, {|#1:"arn:aws:sns:us-east-1:210987654321:alerts"|} } }) },
            });
            void Define(Stack a, Stack b)
            {
                var policy = Policy();
                var key = new CfnKey(a, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = policy });
                var statement = new PolicyStatement();
                statement.AddCondition("StringEquals", {|#2:"eu-central-1"|});
                new CfnReplicaKey(b, "Replica", new CfnReplicaKeyProps { PrimaryKeyArn = key.AttrArn, KeyPolicy = new PolicyDocument(new PolicyDocumentProps { Statements = new[] { statement } }) });
            }
        }
        """, Kms0007(0, "us-east-1"), Kms0007(1, "us-east-1"), Kms0007(2, "eu-central-1", "Replica"));

    [Fact]
    public Task Kms0007_finds_deeply_nested_conditions_in_a_policy_factory() => Run7("""
        using System.Collections.Generic;
        class Keys
        {
            private static PolicyDocument Policy() => new PolicyDocument(new PolicyDocumentProps
            {
                Statements = new[]
                {
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Conditions = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object>
                            {
                                ["kms:ViaService"] = new Dictionary<string, object> { ["service"] = new[] { new { Name = {|#0:"sqs.eu-west-1.amazonaws.com"|} } } },
                            },
                        },
                    }),
                },
            });
            void Define(Stack a) => new CfnKey(a, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = Policy() });
        }
        """, Kms0007(0, "eu-west-1"));

    [Fact]
    public Task Kms0007_reports_a_constant_once_at_its_use_in_the_policy() => Run7("""
        using System.Collections.Generic;
        class Keys
        {
            private const string Queue = "arn:aws:sqs:eu-west-1:210987654321:q";
            void Define(Stack a) => new CfnKey(a, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = new object[] { {|#0:Queue|}, new Dictionary<string, object> { ["q"] = {|#1:Queue|} } } });
        }
        """, Kms0007(0, "eu-west-1"), Kms0007(1, "eu-west-1"));

    [Fact]
    public async Task Kms0007_names_the_first_key_in_source_order_every_time()
    {
        for (var run = 0; run < 5; run++)
        {
            await Run7("""
                class Keys
                {
                    private static readonly object Shared = new[] { {|#0:"eu-west-1"|} };
                    void Alpha(Stack a) => new CfnKey(a, "Alpha", new CfnKeyProps { MultiRegion = true, KeyPolicy = Shared });
                    void Beta(Stack a) => new CfnKey(a, "Beta", new CfnKeyProps { MultiRegion = true, KeyPolicy = Shared });
                }
                """, Kms0007(0, "eu-west-1", "Alpha"));
        }
    }

    [Fact]
    public Task Kms0007_is_silent_for_single_region_keys_tokens_and_region_free_arns() => Run7("""
        class Keys
        {
            void Define(Stack stack)
            {
                new CfnKey(stack, "SingleRegion", new CfnKeyProps { KeyPolicy = new PolicyDocument(new PolicyDocumentProps
                {
                    Statements = new[] { new PolicyStatement(new PolicyStatementProps { Resources = new[] { "arn:aws:sqs:eu-west-1:210987654321:q" } }) },
                }) });
                new CfnKey(stack, "Tokens", new CfnKeyProps { MultiRegion = true, KeyPolicy = new PolicyDocument(new PolicyDocumentProps
                {
                    Statements = new[]
                    {
                        new PolicyStatement(new PolicyStatementProps
                        {
                            Principals = new IPrincipal[] { new ArnPrincipal("arn:aws:iam::210987654321:root"), new AccountRootPrincipal() },
                            Resources = new[] { $"arn:aws:sqs:{Aws.REGION}:{Aws.ACCOUNT_ID}:orders", "*", "arn:aws:s3:::bucket/*" },
                            Actions = new[] { "kms:*" },
                        }),
                    },
                }) });
            }
        }
        """);

    [Fact]
    public Task Kms0007_reports_the_literal_text_of_a_runtime_interpolation()
        => Run7("""
        class Keys
        {
            void Define(Stack stack, string name) =>
                new CfnKey(stack, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = new PolicyStatement(new PolicyStatementProps { Resources = new[] { {|#0:$"arn:aws:sqs:eu-west-1:{Aws.ACCOUNT_ID}:{name}"|} } }) });
        }
        """, Kms0007(0, "eu-west-1"));

    [Theory]
    [InlineData("\"arn:aws:sqs:eu-west-1:210987654321:orders\"", "$\"arn:aws:sqs:{Aws.REGION}:{Aws.ACCOUNT_ID}:orders\"")]
    [InlineData("@\"arn:aws:sqs:eu-west-1:210987654321:orders\"", "$@\"arn:aws:sqs:{Aws.REGION}:{Aws.ACCOUNT_ID}:orders\"")]
    [InlineData("\"eu-west-1\"", "$\"{Aws.REGION}\"")]
    [InlineData("\"{\\\"aws:RequestedRegion\\\": \\\"eu-west-1\\\"}\"", "$\"{{\\\"aws:RequestedRegion\\\": \\\"{Aws.REGION}\\\"}}\"")]
    [InlineData("\"\"\"{\"Resource\": \"arn:aws:sqs:eu-west-1:210987654321:q\"}\"\"\"", "$$\"\"\"{\"Resource\": \"arn:aws:sqs:{{Aws.REGION}}:{{Aws.ACCOUNT_ID}}:q\"}\"\"\"")]
    [InlineData("$\"arn:aws:sqs:eu-west-1:{Aws.ACCOUNT_ID}:q\"", "$\"arn:aws:sqs:{Aws.REGION}:{Aws.ACCOUNT_ID}:q\"")]
    public Task Kms0007_fix_interpolates_the_region_and_account_tokens(string before, string after)
    {
        var test = CdkStubs.With(new Verify7.Test
        {
            TestCode = Usings + $$"""
                class Keys
                {
                    void Define(Stack stack) => new CfnKey(stack, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = new object[] { {|#0:{{before}}|} } });
                }
                """,
            FixedCode = Usings + $$"""
                class Keys
                {
                    void Define(Stack stack) => new CfnKey(stack, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = new object[] { {{after}} } });
                }
                """,
        });
        test.FixedState.MarkupHandling = MarkupMode.None; // '$$' is markup for a caret position otherwise
        test.ExpectedDiagnostics.Add(Kms0007(0, "eu-west-1"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Kms0007_fix_qualifies_aws_without_the_using_and_fixes_all()
    {
        var test = CdkStubs.With(new Verify7.Test
        {
            TestCode = """
                class Keys
                {
                    void Define(Amazon.CDK.Stack stack) => new Amazon.CDK.AWS.KMS.CfnKey(stack, "Primary", new Amazon.CDK.AWS.KMS.CfnKeyProps
                    {
                        MultiRegion = true,
                        // Resources of the orders service
                        KeyPolicy = new[] { {|#0:"arn:aws:sqs:eu-west-1:210987654321:orders"|}, {|#1:"arn:aws:sns:eu-west-1:210987654321:orders"|} },
                    });
                }
                """,
            FixedCode = """
                class Keys
                {
                    void Define(Amazon.CDK.Stack stack) => new Amazon.CDK.AWS.KMS.CfnKey(stack, "Primary", new Amazon.CDK.AWS.KMS.CfnKeyProps
                    {
                        MultiRegion = true,
                        // Resources of the orders service
                        KeyPolicy = new[] { $"arn:aws:sqs:{Amazon.CDK.Aws.REGION}:{Amazon.CDK.Aws.ACCOUNT_ID}:orders", $"arn:aws:sns:{Amazon.CDK.Aws.REGION}:{Amazon.CDK.Aws.ACCOUNT_ID}:orders" },
                    });
                }
                """,
        });
        test.ExpectedDiagnostics.Add(Kms0007(0, "eu-west-1"));
        test.ExpectedDiagnostics.Add(Kms0007(1, "eu-west-1"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Kms0007_has_no_fix_for_a_constant_built_elsewhere()
    {
        var source = Usings + """
            class Keys
            {
                private const string Region = "eu-west-1";
                void Define(Stack stack) => new CfnKey(stack, "Primary", new CfnKeyProps { MultiRegion = true, KeyPolicy = new[] { {|#0:"arn:aws:sqs:" + Region + ":210987654321:q"|} } });
            }
            """;
        var test = CdkStubs.With(new Verify7.Test { TestCode = source, FixedCode = source });
        test.ExpectedDiagnostics.Add(Kms0007(0, "eu-west-1"));
        test.FixedState.ExpectedDiagnostics.Add(Kms0007(0, "eu-west-1"));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Silent_without_the_cdk()
    {
        var test = new Verify7.Test { TestCode = "class CfnKey { } class C { object M() => new CfnKey(); }" };
        test.TestState.AdditionalReferences.Clear();
        return test.RunAsync(CancellationToken.None);
    }
}
