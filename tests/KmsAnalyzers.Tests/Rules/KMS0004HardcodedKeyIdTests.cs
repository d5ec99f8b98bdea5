using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Fixes;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.KeyIdentifierAtSinkAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0004: a bare single-Region key id is reported where it is written, only when it reaches a key sink.</summary>
public sealed class KMS0004HardcodedKeyIdTests
{
    internal const string KeyId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    internal const string Alias = "refer to the key by an alias that KMS resolves in each Region";
    internal const string NoAlias = "that member takes no alias, so resolve the key ARN per Region (DescribeKey with an alias) instead";

    internal const string Map = $$"""
        { "Aliases": [ { "AliasName": "alias/orders", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders", "TargetKeyId": "{{KeyId}}" } ] }
        """;

    internal static DiagnosticResult Kms0004(int location, string sink, string keyId = KeyId, bool aliasRejected = false) =>
        Verify.Diagnostic(DiagnosticIds.HardcodedKeyId).WithLocation(location).WithArguments(keyId, sink, aliasRejected ? NoAlias : Alias);

    private static Task Analyze(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(source, expected);

    [Fact]
    public Task Reports_literal_at_request_initializer_and_fixes_it_from_the_map() => Verify.VerifyCodeFixAsync($$"""
        using Amazon.KeyManagementService.Model;
        class C { EncryptRequest M() => new() { KeyId = /* prod */ {|#0:"{{KeyId}}"|} }; }
        """, [Kms0004(0, "EncryptRequest.KeyId")], """
        using Amazon.KeyManagementService.Model;
        class C { EncryptRequest M() => new() { KeyId = /* prod */ "alias/orders" }; }
        """, UseAliasCodeFixProvider.UseAliasKey, Map);

    [Fact]
    public Task Reports_const_once_at_its_initializer_across_files()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""static class Keys { public const string OrdersKeyId = {|#0:"{{KeyId}}"|}; }""",
                    """
                    using System.Threading.Tasks;
                    using Amazon.KeyManagementService;
                    using Amazon.KeyManagementService.Model;
                    class C
                    {
                        EncryptRequest A() => new() { KeyId = Keys.OrdersKeyId };
                        Task<DescribeKeyResponse> B(IAmazonKeyManagementService kms) => kms.DescribeKeyAsync(Keys.OrdersKeyId);
                    }
                    """,
                },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0004(0, "EncryptRequest.KeyId"));
        return test.RunAsync(CancellationToken.None);
    }

    // What a file's text says is kept per syntax tree, and the IDE keeps unchanged files' trees between keystrokes:
    // an edit in another file that starts or stops using the constant must still change the answer.
    [Fact]
    public async Task An_edit_in_another_file_is_seen_by_the_next_compilation_of_the_same_trees()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var keys = CSharpSyntaxTree.ParseText($$"""static class Keys { public const string OrdersKeyId = "{{KeyId}}"; }""", parseOptions, "/0/Keys.cs");
        var unused = CSharpSyntaxTree.ParseText("class C { string Id() => \"orders\"; }", parseOptions, "/0/C.cs");
        var used = unused.WithChangedText(SourceText.From("""
            using Amazon.KeyManagementService.Model;
            class C { EncryptRequest Request() => new() { KeyId = Keys.OrdersKeyId }; }
            """));
        var analyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new KeyIdentifierAtSinkAnalyzer());

        foreach (var (user, expected) in new[] { (unused, 0), (used, 1), (unused, 0) })
        {
            var result = await AnalyzerRunner.RunAsync(analyzer, new[] { keys, user }, ImmutableArray<AdditionalText>.Empty);
            Assert.Empty(result.Exceptions);
            Assert.Equal(expected, result.Diagnostics.Length);
            if (expected == 1)
            {
                var diagnostic = result.Diagnostics[0];
                Assert.Equal(DiagnosticIds.HardcodedKeyId, diagnostic.Id);
                Assert.Same(keys, diagnostic.Location.SourceTree);
                Assert.Equal("\"" + KeyId + "\"", keys.GetText().ToString(diagnostic.Location.SourceSpan));
                Assert.Equal(
                    $"KMS key ID '{KeyId}' is hard-coded and used as EncryptRequest.KeyId; {Alias}",
                    diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public Task Follows_locals_fields_properties_and_return_values() => Analyze($$"""
        using System.Threading.Tasks;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;
        class C
        {
            private static readonly string ReadonlyKey = {|#0:"{{KeyId}}"|};
            private string AutoKey { get; } = {|#1:"0b1c2d3e-4f50-4a6b-8c7d-000000000002"|};
            private string ComputedKey => {|#2:"0b1c2d3e-4f50-4a6b-8c7d-000000000003"|};
            private static string KeyOf() { return {|#3:"0b1c2d3e-4f50-4a6b-8c7d-000000000004"|}; }
            private readonly string _ctorKey;
            C() { _ctorKey = {|#4:"0b1c2d3e-4f50-4a6b-8c7d-000000000005"|}; }

            async Task M(IAmazonKeyManagementService kms)
            {
                var local = {|#5:"0b1c2d3e-4f50-4a6b-8c7d-000000000006"|};
                var copy = local;
                await kms.EncryptAsync(new EncryptRequest { KeyId = ReadonlyKey });
                await kms.EncryptAsync(new EncryptRequest { KeyId = AutoKey });
                await kms.EncryptAsync(new EncryptRequest { KeyId = this.ComputedKey });
                await kms.EncryptAsync(new EncryptRequest { KeyId = KeyOf() });
                await kms.EncryptAsync(new EncryptRequest { KeyId = _ctorKey });
                await kms.DescribeKeyAsync(copy);
            }
        }
        """,
        Kms0004(0, "EncryptRequest.KeyId"),
        Kms0004(1, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000002"),
        Kms0004(2, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000003"),
        Kms0004(3, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000004"),
        Kms0004(4, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000005"),
        Kms0004(5, "IAmazonKeyManagementService.DescribeKeyAsync(keyId)", "0b1c2d3e-4f50-4a6b-8c7d-000000000006"));

    [Fact]
    public Task Local_function_and_lambda_defaults_are_reported_once_where_they_are_written() => Analyze($$"""
        using System;
        using Amazon.KeyManagementService.Model;
        class C
        {
            const string Head = "0b1c2d3e-4f50-4a6b";
            void M()
            {
                EncryptRequest Local(string keyId = {|#0:"{{KeyId}}"|}) => new() { KeyId = keyId };
                Func<string, DecryptRequest> lambda = (string keyId = {|#1:Head + "-8c7d-000000000002"|}) => new() { KeyId = keyId };
                Local();
                lambda("alias/orders");
            }
        }
        """, Kms0004(0, "EncryptRequest.KeyId"), Kms0004(1, "DecryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000002"));

    [Fact]
    public Task Follows_wrapper_parameters_defaults_branches_settings_objects_and_lists() => Analyze($$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;
        using AWS.Cryptography.MaterialProviders;
        class Settings { public string KeyId { get; set; } }
        class C
        {
            private readonly IAmazonKeyManagementService _kms;
            C(IAmazonKeyManagementService kms) => _kms = kms;

            Task<EncryptResponse> EncryptWith(string keyId) => _kms.EncryptAsync(new EncryptRequest { KeyId = keyId });
            Task<DescribeKeyResponse> Describe(string keyId = {|#0:"0b1c2d3e-4f50-4a6b-8c7d-000000000001"|}) => _kms.DescribeKeyAsync(keyId);

            async Task M(bool prod)
            {
                await EncryptWith({|#1:"0b1c2d3e-4f50-4a6b-8c7d-000000000002"|});
                await Describe();
                var id = prod ? {|#2:"0b1c2d3e-4f50-4a6b-8c7d-000000000003"|} : {|#3:"0b1c2d3e-4f50-4a6b-8c7d-000000000004"|};
                await _kms.EncryptAsync(new EncryptRequest { KeyId = id });
                var settings = new Settings { KeyId = {|#4:"0b1c2d3e-4f50-4a6b-8c7d-000000000005"|} };
                await _kms.EncryptAsync(new EncryptRequest { KeyId = settings.KeyId });
                var keyring = new CreateAwsKmsMultiKeyringInput { KmsKeyIds = new List<string> { {|#5:"0b1c2d3e-4f50-4a6b-8c7d-000000000006"|} } };
            }
        }
        """,
        Kms0004(0, "IAmazonKeyManagementService.DescribeKeyAsync(keyId)", "0b1c2d3e-4f50-4a6b-8c7d-000000000001"),
        Kms0004(1, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000002"),
        Kms0004(2, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000003"),
        Kms0004(3, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000004"),
        Kms0004(4, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000005"),
        Kms0004(5, "CreateAwsKmsMultiKeyringInput.KmsKeyIds", "0b1c2d3e-4f50-4a6b-8c7d-000000000006", aliasRejected: true));

    [Fact]
    public Task Names_sinks_that_take_no_alias_and_offers_no_fix_there()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
            using System.Threading.Tasks;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;
            static class Keys { public const string SettlementKeyId = {|#0:"{{KeyId}}"|}; }
            class C
            {
                async Task M(IAmazonKeyManagementService kms)
                {
                    await kms.EncryptAsync(new EncryptRequest { KeyId = Keys.SettlementKeyId });
                    await kms.CreateGrantAsync(new CreateGrantRequest { KeyId = Keys.SettlementKeyId, GranteePrincipal = "p" });
                    await kms.EnableKeyRotationAsync({|#1:"0b1c2d3e-4f50-4a6b-8c7d-000000000002"|});
                    var lambda = new Amazon.Lambda.Model.CreateFunctionRequest { KMSKeyArn = {|#2:"0b1c2d3e-4f50-4a6b-8c7d-000000000003"|} };
                }
            }
            """,
        }.WithAliasMap(Map);
        test.ExpectedDiagnostics.AddRange([
            Kms0004(0, "CreateGrantRequest.KeyId", aliasRejected: true),
            Kms0004(1, "IAmazonKeyManagementService.EnableKeyRotationAsync(keyId)", "0b1c2d3e-4f50-4a6b-8c7d-000000000002", aliasRejected: true),
            Kms0004(2, "CreateFunctionRequest.KMSKeyArn", "0b1c2d3e-4f50-4a6b-8c7d-000000000003", aliasRejected: true),
        ]);
        return NoFixRun(test);
    }

    // FixedCode equal to the input: the verifier then requires that no code action is offered.
    internal static Task NoFixRun(Verify.Test test)
    {
        foreach (var source in test.TestState.Sources)
            test.FixedState.Sources.Add(source);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("@\"" + KeyId + "\"")]
    [InlineData("\"\"\"" + KeyId + "\"\"\"")]
    [InlineData("\"0B1C2D3E-4F50-4A6B-8C7D-9E0F1A2B3C4D\"")]
    [InlineData("\"0b1c2d3e-4f50-\" + \"4a6b-8c7d-9e0f1a2b3c4d\"")]
    [InlineData("Head + (\"-4a6b\" + \"-8c7d-\") + \"9e0f1a2b3c4d\"")]
    [InlineData("$\"{Head}-4a6b-8c7d-9e0f1a2b3c4d\"")]
    public Task Reports_every_constant_string_form(string expression) => Analyze($$"""
        using Amazon.KeyManagementService.Model;
        class C
        {
            const string Head = "0b1c2d3e-4f50";
            const string Value = {|#0:{{expression}}|};
            DecryptRequest M() => new() { KeyId = Value };
        }
        """, Kms0004(0, "DecryptRequest.KeyId", expression.Contains("0B1C") ? "0B1C2D3E-4F50-4A6B-8C7D-9E0F1A2B3C4D" : KeyId));

    [Fact]
    public Task Reports_a_key_id_split_at_its_dashes_into_constants_of_files_without_another_piece()
    {
        // Strings are visited only in the types whose files may hold a key identifier (KeyPieceScope). Parts.cs holds
        // hex digits alone, which the file search does not look for; Separators.cs is found by its literal dash, and its
        // constant, a dash alone, joins the names searched for: Service.cs names it.
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Parts.cs", """
                        static class Parts
                        {
                            public const string Head = "0b1c2d3e";
                            public const string Second = "4f50";
                            public const string Third = "4a6b";
                            public const string Fourth = "8c7d";
                            public const string Tail = "9e0f1a2b3c4d";
                        }
                        """),
                    ("Separators.cs", """static class Separators { public const string Dash = "-"; }"""),
                    ("Service.cs", """
                        using Amazon.KeyManagementService.Model;
                        class Service
                        {
                            DecryptRequest M() => new()
                            {
                                KeyId = {|#0:Parts.Head + Separators.Dash + Parts.Second + Separators.Dash + Parts.Third + Separators.Dash + Parts.Fourth + Separators.Dash + Parts.Tail|},
                            };
                        }
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0004(0, "DecryptRequest.KeyId"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_key_ids_composed_from_const_locals_and_a_referenced_assembly()
    {
        var shared = StubCompiler.Compile("Contoso.Shared", """
            namespace Contoso.Shared;
            public static class KeyParts { public const string Head = "0b1c2d3e-4f50"; }
            """);
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Amazon.KeyManagementService.Model;
                    class C
                    {
                        DecryptRequest A()
                        {
                            const string head = "0b1c2d3e-4f50-4a6b";
                            return new() { KeyId = {|#0:head + "-8c7d-9e0f1a2b3c4d"|} };
                        }

                        EncryptRequest B(string tail) => new() { KeyId = {|#1:Contoso.Shared.KeyParts.Head + "-4a6b-8c7d-000000000002"|} };
                        EncryptRequest D(string tail) => new() { KeyId = Contoso.Shared.KeyParts.Head + tail };
                    }
                    """,
                },
                AdditionalReferences = { shared },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0004(0, "DecryptRequest.KeyId"));
        test.ExpectedDiagnostics.Add(Kms0004(1, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000002"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_the_constant_not_an_interpolation_or_copy_of_it() => Analyze($$"""
        using Amazon.KeyManagementService.Model;
        class C
        {
            const string Id = {|#0:"{{KeyId}}"|};
            const string Copy = Id;
            DecryptRequest A() => new() { KeyId = $"{Copy}" };
        }
        """, Kms0004(0, "DecryptRequest.KeyId"));

    [Fact]
    public Task Reports_in_top_level_statements_and_sdk_v3_synchronous_calls()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                using Amazon.KeyManagementService;
                var keyId = {|#0:"{{KeyId}}"|};
                var kms = new AmazonKeyManagementServiceClient();
                kms.DescribeKey(keyId);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Kms0004(0, "IAmazonKeyManagementService.DescribeKeyAsync(keyId)"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_user_code_that_reaches_a_sink_in_generated_code_but_not_generated_code()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Keys.cs", $$"""static class Keys { public const string OrdersKeyId = {|#0:"{{KeyId}}"|}; }"""),
                    ("Client.g.cs", $$"""
                        using Amazon.KeyManagementService.Model;
                        class Generated
                        {
                            EncryptRequest A() => new() { KeyId = Keys.OrdersKeyId };
                            EncryptRequest B() => new() { KeyId = "0b1c2d3e-4f50-4a6b-8c7d-000000000002" };
                        }
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0004(0, "EncryptRequest.KeyId"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Does_not_report_uuids_that_reach_no_key_sink() => Analyze($$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;
        [AttributeUsage(AttributeTargets.All)] class CaseAttribute : Attribute { public CaseAttribute(string id) { } }
        class C
        {
            const string CorrelationId = "0b1c2d3e-4f50-4a6b-8c7d-000000000001";
            const string Unused = "{{KeyId}}";
            static readonly Guid Tenant = Guid.Parse("0b1c2d3e-4f50-4a6b-8c7d-000000000002");
            static readonly Guid Other = new Guid("0b1c2d3e-4f50-4a6b-8c7d-000000000003");

            [Case("0b1c2d3e-4f50-4a6b-8c7d-000000000004")]
            async Task M(IAmazonKeyManagementService kms, Dictionary<string, string> headers, string input)
            {
                headers["x-correlation-id"] = CorrelationId;
                var objectKey = new Amazon.S3.Model.PutObjectRequest { Key = "0b1c2d3e-4f50-4a6b-8c7d-000000000005" };
                Console.WriteLine("request 0b1c2d3e-4f50-4a6b-8c7d-000000000006 failed");
                var request = new EncryptRequest { KeyId = "arn:aws:kms:eu-west-1:210987654321:key/" + "0b1c2d3e-4f50-4a6b-8c7d-000000000007" };
                var replaced = "0b1c2d3e-4f50-4a6b-8c7d-000000000008";
                replaced = input + replaced;
                await kms.EncryptAsync(new EncryptRequest { KeyId = replaced });
                await kms.CreateAliasAsync("0b1c2d3e-4f50-4a6b-8c7d-000000000009", input);
                await kms.DescribeKeyAsync("1234abcd-12ab-34cd-56ef-1234567890ab");
                await kms.DescribeKeyAsync("00000000-0000-0000-0000-000000000000");
                await kms.DescribeKeyAsync("0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4");
                var bytes = "{{KeyId}}"u8.ToArray();
                // await kms.DescribeKeyAsync("{{KeyId}}");
            }
        }
        """);

    [Fact]
    public Task Reports_documentation_key_id_when_the_option_asks()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Amazon.KeyManagementService.Model;
                class C { DecryptRequest M() => new() { KeyId = {|#0:"1234abcd-12ab-34cd-56ef-1234567890ab"|} }; }
                """,
        }.WithEditorConfig("kms_analyzers.report_documentation_accounts = true");
        test.ExpectedDiagnostics.Add(Kms0004(0, "DecryptRequest.KeyId", "1234abcd-12ab-34cd-56ef-1234567890ab"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Does_not_run_without_the_aws_sdk()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                namespace Amazon.KeyManagementService.Model { public class EncryptRequest { public string KeyId { get; set; } } }
                class C { Amazon.KeyManagementService.Model.EncryptRequest M() => new() { KeyId = "{{KeyId}}" }; }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Fixes_verbatim_const_keeping_it_const_and_fix_all_fixes_every_one() => Verify.VerifyCodeFixAsync($$""""
        using Amazon.KeyManagementService.Model;
        static class Keys
        {
            public const string OrdersKeyId = {|#0:@"{{KeyId}}"|}; // orders
            public static readonly string Raw = {|#1:"""{{KeyId}}"""|};
        }
        class C
        {
            EncryptRequest A() => new() { KeyId = Keys.OrdersKeyId };
            EncryptRequest B() => new() { KeyId = Keys.Raw };
        }
        """", [Kms0004(0, "EncryptRequest.KeyId"), Kms0004(1, "EncryptRequest.KeyId")], """"
        using Amazon.KeyManagementService.Model;
        static class Keys
        {
            public const string OrdersKeyId = @"alias/orders"; // orders
            public static readonly string Raw = """alias/orders""";
        }
        class C
        {
            EncryptRequest A() => new() { KeyId = Keys.OrdersKeyId };
            EncryptRequest B() => new() { KeyId = Keys.Raw };
        }
        """", UseAliasCodeFixProvider.UseAliasKey, Map);

    [Fact]
    public Task Derives_the_alias_from_the_name_when_the_map_has_none_and_fix_all_leaves_it()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                using Amazon.KeyManagementService.Model;
                static class Keys { public const string PaymentsKeyId = {|#0:"0b1c2d3e-4f50-4a6b-8c7d-000000000002"|}; }
                class C { EncryptRequest A() => new() { KeyId = Keys.PaymentsKeyId }; }
                """,
            FixedCode = """
                using Amazon.KeyManagementService.Model;
                static class Keys { public const string PaymentsKeyId = "alias/payments"; }
                class C { EncryptRequest A() => new() { KeyId = Keys.PaymentsKeyId }; }
                """,
            CodeActionEquivalenceKey = UseAliasCodeFixProvider.UseAliasKey,
        }.WithAliasMap(Map);
        test.ExpectedDiagnostics.Add(Kms0004(0, "EncryptRequest.KeyId", "0b1c2d3e-4f50-4a6b-8c7d-000000000002"));
        return test.FixAllLeavesIt().RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("class C { string Value = \"" + KeyId)]
    [InlineData("using Amazon.KeyManagementService.Model; class C { object M() => new EncryptRequest { KeyId = \"" + KeyId + "\" ")]
    [InlineData("using Amazon.KeyManagementService; class C { void M(IAmazonKeyManagementService k) { var id = \"" + KeyId + "\"; k.DescribeKeyAsync(id, ")]
    [InlineData("class C { const string A = B; const string B = A; void M(Amazon.KeyManagementService.IAmazonKeyManagementService k) => k.DescribeKeyAsync(A); }")]
    [InlineData("class C { string P { get => \"" + KeyId + "\"; set => P = value; } void M(Amazon.KeyManagementService.IAmazonKeyManagementService k) => k.DescribeKeyAsync(P); }")]
    [InlineData("class C { static string F(string x) => F(x); void M() => F(\"" + KeyId + "\"); }")]
    public async Task Survives_incomplete_and_cyclic_code(string source)
    {
        var result = await AnalyzerRunner.RunAsync(new KeyIdentifierAtSinkAnalyzer(), source);
        Assert.Empty(result.Exceptions);
    }
}
