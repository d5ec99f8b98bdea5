using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.KeyIdentifierAtSinkAnalyzer, KmsAnalyzers.CodeFixes.UseAliasNameCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0005: an alias ARN where the sink takes the alias name, and its rewrite to that name.</summary>
public sealed class KMS0005RegionPinnedAliasArnTests
{
    internal const string AliasArn = "arn:aws:kms:eu-west-1:210987654321:alias/orders";

    internal static DiagnosticResult Kms0005(int location, string sink, string alias = "alias/orders", string region = "eu-west-1", string account = "********4321") =>
        Verify.Diagnostic(DiagnosticIds.RegionPinnedAliasArn).WithLocation(location).WithArguments(alias, region, account, sink);

    private static Task Fix(string source, string fixedSource, params DiagnosticResult[] expected) =>
        Verify.VerifyCodeFixAsync(source, expected, fixedSource, UseAliasNameCodeFixProvider.UseAliasNameKey);

    [Fact]
    public Task Reports_literal_at_request_initializer_and_fixes_it_keeping_trivia() => Fix($$"""
        using Amazon.KeyManagementService.Model;
        class C { EncryptRequest M() => new() { KeyId = /* reporting */ {|#0:"{{AliasArn}}"|} /* eu */ }; }
        """, """
        using Amazon.KeyManagementService.Model;
        class C { EncryptRequest M() => new() { KeyId = /* reporting */ "alias/orders" /* eu */ }; }
        """, Kms0005(0, "EncryptRequest.KeyId"));

    [Fact]
    public Task Reports_an_alias_arn_constant_extended_in_a_file_that_holds_no_piece()
    {
        // Strings are visited only where a key identifier may be (KeyPieceScope): C.cs holds no piece of one, but it
        // names a constant that is a whole alias ARN, and text after an alias ARN makes another alias. (A whole key
        // ARN, multi-Region key id or key id constant is not looked for: text beside it makes no other identifier.)
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Keys.cs", $$"""static class Keys { public const string OrdersAliasArn = "{{AliasArn}}"; }"""),
                    ("C.cs", """
                        using Amazon.KeyManagementService.Model;
                        class C { GenerateDataKeyRequest A() => new() { KeyId = {|#0:Keys.OrdersAliasArn + "-v2"|} }; }
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0005(0, "GenerateDataKeyRequest.KeyId", alias: "alias/orders-v2"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_const_once_at_its_source_across_files_and_fixes_it_there()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""static class Keys { public const string OrdersAliasArn = {|#0:"{{AliasArn}}"|}; }""",
                    """
                    using System.Threading.Tasks;
                    using Amazon.KeyManagementService;
                    using Amazon.KeyManagementService.Model;
                    class C
                    {
                        GenerateDataKeyRequest A() => new() { KeyId = Keys.OrdersAliasArn };
                        Task<DescribeKeyResponse> B(IAmazonKeyManagementService kms) => kms.DescribeKeyAsync(Keys.OrdersAliasArn);
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """static class Keys { public const string OrdersAliasArn = "alias/orders"; }""",
                    """
                    using System.Threading.Tasks;
                    using Amazon.KeyManagementService;
                    using Amazon.KeyManagementService.Model;
                    class C
                    {
                        GenerateDataKeyRequest A() => new() { KeyId = Keys.OrdersAliasArn };
                        Task<DescribeKeyResponse> B(IAmazonKeyManagementService kms) => kms.DescribeKeyAsync(Keys.OrdersAliasArn);
                    }
                    """,
                },
            },
            CodeActionEquivalenceKey = UseAliasNameCodeFixProvider.UseAliasNameKey,
        };
        test.ExpectedDiagnostics.Add(Kms0005(0, "GenerateDataKeyRequest.KeyId"));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("@\"" + AliasArn + "\"", "@\"alias/orders\"")]
    [InlineData("\"\"\"" + AliasArn + "\"\"\"", "\"\"\"alias/orders\"\"\"")]
    [InlineData("$\"arn:aws:kms:{Region}:210987654321:alias/orders\"", "$\"alias/orders\"")]
    [InlineData("$@\"arn:aws:kms:{Region}:210987654321:alias/orders\"", "$@\"alias/orders\"")]
    [InlineData("\"arn:aws:kms:\" + Region + \":210987654321:alias/orders\"", "\"alias/orders\"")]
    [InlineData("\"ar\" + \"n:aws:kms:\" + Region + \":210987654321:al\" + \"ias/orders\"", "\"alias/orders\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:210987654321:\\u0061lias/orders\"", "\"alias/orders\"")]
    public Task Rewrites_every_literal_form(string before, string after) => Fix($$"""
        using Amazon.KeyManagementService.Model;
        class C
        {
            const string Region = "eu-west-1";
            const string Value = {|#0:{{before}}|};
            SignRequest M() => new() { KeyId = Value };
        }
        """, $$"""
        using Amazon.KeyManagementService.Model;
        class C
        {
            const string Region = "eu-west-1";
            const string Value = {{after}};
            SignRequest M() => new() { KeyId = Value };
        }
        """, Kms0005(0, "SignRequest.KeyId"));

    [Fact]
    public Task Rewrites_multi_line_raw_string_in_place() => Fix($$""""
        using Amazon.KeyManagementService.Model;
        class C
        {
            EncryptRequest M() => new()
            {
                KeyId = {|#0:"""
                    {{AliasArn}}
                    """|},
            };
        }
        """", """"
        using Amazon.KeyManagementService.Model;
        class C
        {
            EncryptRequest M() => new()
            {
                KeyId = """
                    alias/orders
                    """,
            };
        }
        """", Kms0005(0, "EncryptRequest.KeyId"));

    [Fact]
    public Task Follows_locals_wrappers_and_other_services_sinks() => Fix($$"""
        using System.Threading.Tasks;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;
        class C
        {
            private readonly IAmazonKeyManagementService _kms;
            C(IAmazonKeyManagementService kms) => _kms = kms;
            Task<EncryptResponse> EncryptWith(string keyId) => _kms.EncryptAsync(new EncryptRequest { KeyId = keyId });

            async Task M()
            {
                var keyId = {|#0:"arn:aws:kms:us-east-1:210987654321:alias/billing"|};
                await _kms.DescribeKeyAsync(keyId);
                await EncryptWith({|#1:"{{AliasArn}}"|});
                var secret = new Amazon.SecretsManager.Model.CreateSecretRequest { KmsKeyId = {|#2:"arn:aws-us-gov:kms:us-gov-west-1:987654321098:alias/secrets"|} };
            }
        }
        """, """
        using System.Threading.Tasks;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;
        class C
        {
            private readonly IAmazonKeyManagementService _kms;
            C(IAmazonKeyManagementService kms) => _kms = kms;
            Task<EncryptResponse> EncryptWith(string keyId) => _kms.EncryptAsync(new EncryptRequest { KeyId = keyId });

            async Task M()
            {
                var keyId = "alias/billing";
                await _kms.DescribeKeyAsync(keyId);
                await EncryptWith("alias/orders");
                var secret = new Amazon.SecretsManager.Model.CreateSecretRequest { KmsKeyId = "alias/secrets" };
            }
        }
        """,
        Kms0005(0, "IAmazonKeyManagementService.DescribeKeyAsync(keyId)", "alias/billing", "us-east-1"),
        Kms0005(1, "EncryptRequest.KeyId"),
        Kms0005(2, "CreateSecretRequest.KmsKeyId", "alias/secrets", "us-gov-west-1", "********1098"));

    [Fact]
    public Task Reports_in_top_level_statements()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                using Amazon.KeyManagementService;
                var kms = new AmazonKeyManagementServiceClient();
                kms.DescribeKey({|#0:"{{AliasArn}}"|});
                """,
            FixedCode = """
                using Amazon.KeyManagementService;
                var kms = new AmazonKeyManagementServiceClient();
                kms.DescribeKey("alias/orders");
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Kms0005(0, "IAmazonKeyManagementService.DescribeKeyAsync(keyId)"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Does_not_report_where_an_arn_form_is_needed_or_no_sink_is_reached() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Threading.Tasks;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;
        static class Keys { public const string ReplicaAlias = "arn:aws:kms:eu-west-2:210987654321:alias/replica"; }
        class C
        {
            async Task M(IAmazonKeyManagementService kms, string input)
            {
                var replication = new Amazon.S3.Model.EncryptionConfiguration { ReplicaKmsKeyID = "{{AliasArn}}" };
                await kms.CreateGrantAsync(new CreateGrantRequest { KeyId = "{{AliasArn}}", GranteePrincipal = "p" });
                await kms.EncryptAsync(new EncryptRequest { KeyId = Keys.ReplicaAlias });
                var again = new Amazon.S3.Model.EncryptionConfiguration { ReplicaKmsKeyID = Keys.ReplicaAlias };
                await kms.DescribeKeyAsync("arn:aws:kms:eu-west-1:210987654321:alias/aws/s3");
                await kms.DescribeKeyAsync("arn:aws:kms:eu-west-1:111122223333:alias/ExampleAlias");
                await kms.DescribeKeyAsync("arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d");
                await kms.DescribeKeyAsync("alias/orders");
                await kms.DescribeKeyAsync("arn:aws:kms:eu-west-1:{account}:alias/orders");
                await kms.DescribeKeyAsync($"arn:aws:kms:eu-west-1:{input}:alias/orders");
                Console.WriteLine("{{AliasArn}}");
                var policyResource = "{{AliasArn}}";
                // await kms.DescribeKeyAsync("{{AliasArn}}");
            }
        }
        """);

    [Fact]
    public Task Reports_documentation_accounts_when_the_option_asks()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Amazon.KeyManagementService.Model;
                class C { DecryptRequest M() => new() { KeyId = {|#0:"arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias"|} }; }
                """,
        }.WithEditorConfig("kms_analyzers.report_documentation_accounts = true");
        test.ExpectedDiagnostics.Add(Kms0005(0, "DecryptRequest.KeyId", "alias/ExampleAlias", "us-east-2", "********3333"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Fix_all_rewrites_every_alias_arn_and_a_second_pass_finds_nothing() => Fix($$"""
        using Amazon.KeyManagementService.Model;
        static class Keys
        {
            public const string Orders = {|#0:"{{AliasArn}}"|};
            public const string Billing = {|#1:"arn:aws:kms:eu-west-1:210987654321:alias/billing"|};
        }
        class C
        {
            EncryptRequest A() => new() { KeyId = Keys.Orders };
            DecryptRequest B() => new() { KeyId = Keys.Billing };
            VerifyRequest V() => new() { KeyId = {|#2:"arn:aws:kms:eu-west-1:210987654321:alias/signing/v2"|} };
        }
        """, """
        using Amazon.KeyManagementService.Model;
        static class Keys
        {
            public const string Orders = "alias/orders";
            public const string Billing = "alias/billing";
        }
        class C
        {
            EncryptRequest A() => new() { KeyId = Keys.Orders };
            DecryptRequest B() => new() { KeyId = Keys.Billing };
            VerifyRequest V() => new() { KeyId = "alias/signing/v2" };
        }
        """,
        Kms0005(0, "EncryptRequest.KeyId"),
        Kms0005(1, "DecryptRequest.KeyId", "alias/billing"),
        Kms0005(2, "VerifyRequest.KeyId", "alias/signing/v2"));

    [Theory]
    [InlineData("class C { string Value = \"" + AliasArn)]
    [InlineData("using Amazon.KeyManagementService.Model; class C { object M() => new EncryptRequest { KeyId = \"" + AliasArn + "\" ")]
    [InlineData("using Amazon.KeyManagementService.Model; class C { object M() => new EncryptRequest { KeyId = \"arn:aws:kms:eu-west-1:210987654321:alias/\" }; }")]
    public async Task Survives_incomplete_code(string source)
    {
        var result = await AnalyzerRunner.RunAsync(new KeyIdentifierAtSinkAnalyzer(), source);
        Assert.Empty(result.Exceptions);
    }
}
