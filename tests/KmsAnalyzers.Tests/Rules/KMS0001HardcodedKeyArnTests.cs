using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static KmsAnalyzers.Tests.Infrastructure.TestKeys;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.HardcodedKeyIdentifierAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0001: where a hard-coded key ARN is reported, with which message, and where it is not.</summary>
public sealed class KMS0001HardcodedKeyArnTests
{
    [Fact]
    public Task Reports_literal_at_request_initializer_and_names_the_sink() => Verify.VerifyAnalyzerAsync($$"""
        using Amazon.KeyManagementService.Model;
        class C { DecryptRequest M() => new() { KeyId = {|#0:"{{Arn}}"|} }; }
        """, Kms0001(0, use: " and used as DecryptRequest.KeyId"));

    [Fact]
    public Task Reports_const_once_at_its_initializer_not_at_uses() => Verify.VerifyAnalyzerAsync($$"""
        using Amazon.KeyManagementService.Model;
        static class Keys { public const string OrdersKeyArn = {|#0:"{{Arn}}"|}; }
        class C
        {
            EncryptRequest A() => new() { KeyId = Keys.OrdersKeyArn };
            DecryptRequest B() => new() { KeyId = Keys.OrdersKeyArn };
        }
        """, Kms0001(0));

    [Fact]
    public Task Reports_const_used_from_another_file_once()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""static class Keys { public const string Prefix = "arn:aws:kms:eu-west-1:210987654321:key/"; public const string Id = "{{KeyId}}"; }""",
                    """
                    using Amazon.KeyManagementService.Model;
                    class C
                    {
                        const string OrdersKeyArn = {|#0:Keys.Prefix + Keys.Id|};
                        EncryptRequest A() => new() { KeyId = OrdersKeyArn };
                    }
                    """,
                },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0001(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("@\"" + Arn + "\"")]
    [InlineData("\"\"\"" + Arn + "\"\"\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:\" + \"210987654321:key/" + KeyId + "\"")]
    [InlineData("$\"arn:aws:kms:{Region}:210987654321:key/{Id}\"")]
    [InlineData("$@\"arn:aws:kms:{Region}:210987654321:key/{Id}\"")]
    [InlineData("$\"\"\"arn:aws:kms:{Region}:210987654321:key/{Id}\"\"\"")]
    [InlineData("\"arn:aws:kms:\" + Region + \":210987654321:key/\" + Id")]
    // The value is read term by term before it is built: "arn:" and ":kms:" split over terms, one character at a time too.
    [InlineData("\"a\" + \"r\" + \"n\" + \":\" + \"aws\" + \":k\" + \"m\" + \"s:\" + Region + (\":210987654321:key/\" + Id)")]
    [InlineData("\"ar\" + (\"n:aws:km\" + \"s:\" + Region) + \":210987654321:key/\" + Id")]
    [InlineData("\"\\u0061rn:aws:kms:eu-west-1:210987654321:key/" + KeyId + "\"")]
    public Task Reports_every_constant_string_form(string expression) => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            const string Region = "eu-west-1";
            const string Id = "{{KeyId}}";
            const string Value = {|#0:{{expression}}|};
        }
        """, Kms0001(0));

    [Fact]
    public Task Reports_multi_line_raw_string() => Verify.VerifyAnalyzerAsync($$""""
        class C
        {
            string Value = {|#0:"""
                {{Arn}}
                """|};
        }
        """", Kms0001(0));

    [Fact]
    public Task Reports_utf8_literal() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        class C { ReadOnlySpan<byte> M() => {|#0:"{{Arn}}"u8|}; }
        """, Kms0001(0));

    [Fact]
    public Task Reports_whole_token_inside_a_longer_string_with_first_arn_in_message() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            string Keys = {|#0:"KeyArns={{Arn}},arn:aws:kms:us-east-1:987654321098:key/mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d"|};
            string Json = {|#1:"{\"KmsKeyArn\":\"{{Arn}}\"}"|};
        }
        """, Kms0001(0), Kms0001(1));

    [Fact]
    public Task Reports_full_arn_in_the_text_of_a_runtime_interpolation() => Verify.VerifyAnalyzerAsync($$"""
        class C { string M(string user) => {|#0:$"user {user} uses {{Arn}} today"|}; }
        """, Kms0001(0));

    [Fact]
    public Task Reports_full_arn_in_an_interpolation_given_to_a_handler() => Verify.VerifyAnalyzerAsync($$"""
        using System.Text;
        class C { void M(StringBuilder log, string user) => log.Append({|#0:$"user {user} uses {{Arn}} today"|}); }
        """, Kms0001(0));

    [Fact]
    public Task Reports_arn_in_attribute_argument_switch_label_and_default_parameter() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        [AttributeUsage(AttributeTargets.All)] class KeyAttribute : Attribute { public KeyAttribute(string arn) { } }
        class C
        {
            [Key({|#0:"{{Arn}}"|})]
            void M(string k = {|#1:"{{Arn}}"|})
            {
                switch (k) { case {|#2:"{{Arn}}"|}: break; }
            }
        }
        """, Kms0001(0), Kms0001(1), Kms0001(2));


    [Fact]
    public Task Reports_local_function_and_lambda_defaults_once_literal_or_folded() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        class C
        {
            const string Prefix = "arn:aws:kms:eu-west-1:210987654321:key/";
            void M()
            {
                string Local(string k = {|#0:"{{Arn}}"|}) => k;
                string Folded(string k = {|#1:Prefix + "{{KeyId}}"|}) => k;
                Func<string, string> lambda = (string k = {|#2:"{{Arn}}"|}) => k;
                Func<string, string> folded = (string k = {|#3:Prefix + "{{KeyId}}"|}) => k;
            }
        }
        """, Kms0001(0), Kms0001(1), Kms0001(2), Kms0001(3));
    [Fact]
    public Task Masks_account_and_names_other_partitions() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            string Gov = {|#0:"arn:aws-us-gov:kms:us-gov-west-1:987654321098:key/{{KeyId}}"|};
            string China = {|#1:"arn:aws-cn:kms:cn-north-1:555566667777:key/mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d"|};
        }
        """,
        Kms0001(0, "us-gov-west-1", KeyId, "********1098"),
        Kms0001(1, "cn-north-1", "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d", "********7777"));

    [Fact]
    public Task Names_key_arn_only_sinks_and_parameters() => Verify.VerifyAnalyzerAsync($$"""
        using System.Threading.Tasks;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;
        class C
        {
            async Task M(IAmazonKeyManagementService kms)
            {
                await kms.CreateGrantAsync(new CreateGrantRequest { KeyId = {|#0:"{{Arn}}"|}, GranteePrincipal = "p" });
                await kms.DescribeKeyAsync({|#1:"{{Arn}}"|});
                await kms.RevokeGrantAsync("grant", {|#2:"{{Arn}}"|});
                var lambda = new Amazon.Lambda.Model.CreateFunctionRequest { KMSKeyArn = {|#3:"{{Arn}}"|} };
            }
        }
        """,
        Kms0001(0, use: " and used as CreateGrantRequest.KeyId"),
        Kms0001(1, use: " and used as IAmazonKeyManagementService.DescribeKeyAsync(keyId)"),
        Kms0001(2, use: " and used as IAmazonKeyManagementService.RevokeGrantAsync(keyId)"),
        Kms0001(3, use: " and used as CreateFunctionRequest.KMSKeyArn"));

    [Fact]
    public Task Works_in_top_level_statements()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                using Amazon.KeyManagementService.Model;
                var request = new DecryptRequest { KeyId = {|#0:"{{Arn}}"|} };
                System.Console.WriteLine(request.KeyId);
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Kms0001(0, use: " and used as DecryptRequest.KeyId"));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("\"alias/orders\"")]
    [InlineData("\"alias/aws/s3\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:210987654321:alias/orders\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:210987654321:key/*\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:{account}:key/" + KeyId + "\"")]
    [InlineData("\"arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/" + KeyId + "\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:210987654321:key/<key-id>\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:123456789012:key/" + KeyId + "\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:111122223333:key/" + KeyId + "\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:444455556666:key/" + KeyId + "\"")]
    [InlineData("\"arn:aws:sqs:eu-west-1:210987654321:orders\"")]
    [InlineData("\"arn:aws:s3:::my-bucket/key/" + KeyId + "\"")]
    [InlineData("\"arn:aws:kms:\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:210987654321:key/" + KeyId + "-old\"")]
    [InlineData("\"^arn:aws:kms:(?<region>[a-z0-9-]+):(?<account>\\\\d{12}):key/(?<id>.+)$\"")]
    [InlineData("\"" + KeyId + "\"")]
    [InlineData("$\"arn:aws:kms:{region}:210987654321:key/{id}\"")]
    [InlineData("\"arn:aws:kms:\" + region + \":210987654321:key/" + KeyId + "\"")]
    public Task Does_not_report_non_key_arns_placeholders_doc_accounts_or_runtime_values(string expression) => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            string M(string region, string id) => {{expression}};
        }
        """);

    [Fact]
    public Task Does_not_report_comments_or_xml_docs() => Verify.VerifyAnalyzerAsync($$"""
        /// <summary>Decrypts with <c>{{Arn}}</c>.</summary>
        class C
        {
            // The key was {{Arn}} before the migration.
            /* {{Arn}} */
            string Value = "alias/orders"; // {{Arn}}
        #if NEVER_DEFINED
            string Old = "{{Arn}}";
        #endif
        }
        """);

    [Fact]
    public Task Does_not_report_generated_code() => Verify.VerifyAnalyzerAsync($$"""
        // <auto-generated/>
        class C { string Value = "{{Arn}}"; }
        """);

    // The rules skip generated code when they analyze, not by filtering what they report (GeneratedCode.Flags): a type
    // marked [GeneratedCode] in an ordinary file is silent too, while the user type next to it is reported.
    [Fact]
    public Task Does_not_report_a_type_marked_as_generated_code() => Verify.VerifyAnalyzerAsync($$"""
        [System.CodeDom.Compiler.GeneratedCode("xsd", "4.8")]
        partial class Generated
        {
            string Value = "{{Arn}}";
            string Method() => "{{Arn}}" + "";
        }

        class User { string Value = {|#0:"{{Arn}}"|}; }
        """, Kms0001(0));

    [Fact]
    public Task Does_not_report_generated_file_by_name()
    {
        var test = new Verify.Test { TestState = { Sources = { ("Keys.g.cs", $$"""class C { string Value = "{{Arn}}"; }""") } } };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Skips_the_documentation_example_key_id_in_any_account() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            string Symmetric = "arn:aws:kms:eu-west-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab";
            string MultiRegion = "arn:aws:kms:eu-west-1:210987654321:key/mrk-1234abcd12ab34cd56ef1234567890ab";
        }
        """);

    [Fact]
    public Task Reports_documentation_accounts_when_the_option_asks()
    {
        var test = new Verify.Test
        {
            TestCode = """class C { string Value = {|#0:"arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"|}; }""",
        }.WithEditorConfig("kms_analyzers.report_documentation_accounts = true");
        test.ExpectedDiagnostics.Add(Kms0001(0, account: "********3333"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Does_not_report_folder_where_editorconfig_turns_it_off()
    {
        var test = new Verify.Test { TestState = { Sources = { ("/tests/KeyTests.cs", $$"""class C { string Value = "{{Arn}}"; }""") } } };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[tests/**.cs]\ndotnet_diagnostic.KMS0001.severity = none\n"));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("class C { string Value = \"arn:aws:kms:eu-west-1:210987654321:key/")]
    [InlineData("class C { string Value = \"" + Arn)]
    [InlineData("class C { void M() { var x = \"" + Arn + "\" + }")]
    [InlineData("class C { string V = $\"{\"" + Arn + "\"")]
    public async Task Survives_incomplete_code(string source)
    {
        // Incomplete code may or may not yield a finding; what matters is that the analyzer does not throw (AD0001).
        var result = await AnalyzerRunner.RunAsync(new HardcodedKeyIdentifierAnalyzer(), source);
        Assert.Empty(result.Exceptions);
    }

    // Concatenations and interpolations are told apart on their syntax before any binding: a name is bound only when
    // it may be a constant. Each form below must still be found.
    [Fact]
    public Task Reports_constants_composed_from_const_locals_in_blocks_and_switch_sections() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            string M(int n)
            {
                const string prefix = "arn:aws:kms:eu-west-1:";
                if (n > 0)
                {
                    return {|#0:prefix + "210987654321:key/{{KeyId}}"|};
                }

                switch (n)
                {
                    case 0:
                        const string account = "210987654321";
                        return {|#1:$"{prefix}{account}:key/{{KeyId}}"|};
                    default:
                        return "";
                }
            }
        }
        """, Kms0001(0), Kms0001(1));

    [Fact]
    public Task Reports_constants_composed_from_const_locals_in_top_level_statements()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                const string prefix = "arn:aws:kms:eu-west-1:210987654321:key/";
                var arn = {|#0:prefix + "{{KeyId}}"|};
                System.Console.WriteLine(arn);
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Kms0001(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_constants_composed_from_a_referenced_assembly_and_through_using_static()
    {
        var shared = StubCompiler.Compile("Contoso.Shared", """
            namespace Contoso.Shared;
            public static class KeyParts { public const string Prefix = "arn:aws:kms:eu-west-1:210987654321:key/"; }
            """);
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""
                    using static Ids;
                    static class Ids { public const string OrdersId = "{{KeyId}}"; }
                    class C
                    {
                        string A() => {|#0:Contoso.Shared.KeyParts.Prefix + "{{KeyId}}"|};
                        string B() => {|#1:$"{Contoso.Shared.KeyParts.Prefix}{OrdersId}"|};
                    }
                    """,
                },
                AdditionalReferences = { shared },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0001(0));
        test.ExpectedDiagnostics.Add(Kms0001(1));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_a_chain_of_constants_that_hold_pieces_only_through_other_constants()
    {
        // Neither Regional nor KeyPath holds a piece of a key identifier in its own text; each names one that does.
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""
                    static class Keys
                    {
                        const string Service = "arn:aws:kms:";
                        const string Id = "{{KeyId}}";
                        public const string Regional = Service + "eu-west-1:210987654321:";
                        public const string KeyPath = "key/" + Id;
                    }
                    """,
                    """
                    class C
                    {
                        string M() => {|#0:Keys.Regional + Keys.KeyPath|};
                    }
                    """,
                },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0001(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_a_chain_whose_only_piece_is_in_a_local_constant()
    {
        // The terms are read from their operations: the const local holds the only piece the search can see (another
        // assembly's constants are not searched), so the chain is read because of it.
        var shared = StubCompiler.Compile("Contoso.Shared", $$"""
            namespace Contoso.Shared;
            public static class KeyParts { public const string Id = "{{KeyId}}"; }
            """);
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    class C
                    {
                        string M()
                        {
                            const string prefix = "arn:aws:kms:eu-west-1:210987654321:key/";
                            return {|#0:prefix + Contoso.Shared.KeyParts.Id|};
                        }
                    }
                    """,
                },
                AdditionalReferences = { shared },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0001(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_in_assembly_attributes_which_belong_to_no_type() => Verify.VerifyAnalyzerAsync($$"""
        [assembly: System.Reflection.AssemblyMetadata("OrdersKey", {|#0:"{{Arn}}"|})]
        [assembly: System.Reflection.AssemblyMetadata("AuditKey", {|#1:"arn:aws:kms:eu-west-1:210987654321:key/" + "{{KeyId}}"|})]
        class C { }
        """, Kms0001(0), Kms0001(1));

    [Fact]
    public Task Reports_a_composite_in_a_file_without_a_piece_that_reads_constants_defined_by_other_constants()
    {
        // Strings are visited only in the types whose files may hold a key identifier (KeyPieceScope). Service.cs holds
        // no piece and names only Derived's constants, which hold pieces through Keys's: found from the files that name
        // Keys's constants. Inner is nested: it registers its own visits, as a type does not inherit its container's.
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("Keys.cs", $$"""
                        public static class Keys
                        {
                            public const string Prefix = "arn:aws:kms:eu-west-1:210987654321:key/";
                            public const string Id = "{{KeyId}}";
                        }
                        """),
                    ("Derived.cs", """
                        public static class Derived
                        {
                            public const string OrdersPrefix = Keys.Prefix;
                            public const string OrdersId = Keys.Id;
                        }
                        """),
                    ("Service.cs", """
                        class Service
                        {
                            string Arn() => {|#0:Derived.OrdersPrefix + Derived.OrdersId|};

                            class Inner
                            {
                                string Arn() => {|#1:$"{Derived.OrdersPrefix}{Derived.OrdersId}"|};
                            }
                        }
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(Kms0001(0));
        test.ExpectedDiagnostics.Add(Kms0001(1));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Constants_defined_by_each_other_while_typing_end_the_search_without_an_exception()
    {
        // A cycle is a compiler error (CS0110), but the analyzer meets it while the code is typed.
        var result = await AnalyzerRunner.RunAsync(new HardcodedKeyIdentifierAnalyzer(), """
            static class Keys
            {
                public const string A = B + "arn:aws:kms:";
                public const string B = A + "eu-west-1";
            }
            class C { string M() => Keys.A + Keys.B + "x"; }
            """);
        Assert.Empty(result.Exceptions);
        Assert.Empty(result.Diagnostics);
    }

    // The constants a composite reads are judged once per compilation, and the IDE keeps unchanged files' trees between
    // keystrokes: an edit that puts a key into the constants' file must be seen from the unchanged file that composes
    // them (the composite is not read at all while no constant it names holds a piece).
    [Fact]
    public async Task An_edit_to_the_constants_file_is_seen_by_the_next_compilation_of_the_unchanged_user()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        const string Keys = """
            static class Keys
            {
                const string Service = "arn:aws:kms:";
                const string Id = "KEYID";
                public const string Regional = Service + "eu-west-1:210987654321:";
                public const string KeyPath = "key/" + Id;
            }
            """;
        var withoutKey = CSharpSyntaxTree.ParseText(Keys.Replace("arn:aws:kms:", "orders:").Replace("KEYID", "v2"), parseOptions, "/0/Keys.cs");
        var withKey = withoutKey.WithChangedText(SourceText.From(Keys.Replace("KEYID", KeyId)));
        var user = CSharpSyntaxTree.ParseText("class C { string M() => Keys.Regional + Keys.KeyPath; }", parseOptions, "/0/C.cs");
        var analyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedKeyIdentifierAnalyzer());

        foreach (var (keys, expected) in new[] { (withoutKey, 0), (withKey, 1), (withoutKey, 0) })
        {
            var result = await AnalyzerRunner.RunAsync(analyzer, new[] { keys, user }, ImmutableArray<AdditionalText>.Empty);
            Assert.Empty(result.Exceptions);
            Assert.Equal(expected, result.Diagnostics.Length);
            if (expected == 1)
            {
                var diagnostic = result.Diagnostics[0];
                Assert.Equal(DiagnosticIds.HardcodedKeyArn, diagnostic.Id);
                Assert.Same(user, diagnostic.Location.SourceTree);
                Assert.Equal("Keys.Regional + Keys.KeyPath", user.GetText().ToString(diagnostic.Location.SourceSpan));
            }
        }
    }

    [Fact]
    public Task Does_not_read_a_composite_of_referenced_assembly_constants_alone()
    {
        // Documented limit (docs/rules/KMS0001.md, "Not reported"): composites are read when one of their terms, or a source
        // constant they name, holds a piece of a key identifier; another assembly's constants are not searched.
        var shared = StubCompiler.Compile("Contoso.Shared", $$"""
            namespace Contoso.Shared;
            public static class KeyParts
            {
                public const string Prefix = "arn:aws:kms:eu-west-1:210987654321:key/";
                public const string Id = "{{KeyId}}";
            }
            """);
        var test = new Verify.Test
        {
            TestState =
            {
                Sources = { "class C { string M() => Contoso.Shared.KeyParts.Prefix + Contoso.Shared.KeyParts.Id; }" },
                AdditionalReferences = { shared },
            },
        };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_a_constant_conditional_term_and_the_constant_prefix_of_a_chain_built_at_run_time() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            const bool Production = true;
            string A() => {|#0:(Production ? "arn:aws:kms:eu-west-1:" : "arn:aws:kms:eu-west-2:") + "210987654321:key/{{KeyId}}"|};
            string B(string suffix) => {|#1:"arn:aws:kms:eu-west-1:" + "210987654321:key/{{KeyId}}"|} + suffix;
            string D(string id) => ("arn:aws:kms:eu-west-1:" + id) + ({|#2:"replica " + "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d"|});
        }
        """, Kms0001(0), Kms0001(1), TestKeys.Kms0002(2));

    [Fact]
    public Task Reports_the_constant_prefix_below_the_deepest_run_time_term_of_a_chain_once() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            string field = "x";
            const string Region = "eu-west-1";
            string A(string s) => {|#0:"arn:aws:kms:eu-west-1:" + "210987654321:key/{{KeyId}}"|} + s.Trim() + "-" + field + "!";
            string B() => {|#1:"arn:aws:kms:" + Region + ":210987654321:key/{{KeyId}}"|} + field + "-" + field.Length + {|#4:"{{Mrk}}"|};
            string D => {|#2:"arn:aws:kms:eu-west-1:" + ("210987654321:" + "key/{{KeyId}}")|};
            string E(string s) => s + "arn:aws:kms:eu-west-1:" + "210987654321:key/{{KeyId}}" + s;
            string F(string s) => {|#3:"arn:aws:kms:eu-west-1:" + "210987654321:key/{{KeyId}}"|} + (s + ("arn:aws:kms:eu-west-1:" + "210987654321:key/" + s));
            string G(int n) => {|#5:"arn:aws:kms:eu-west-1:" + "210987654321:key/{{KeyId}}"|} + n + 'c' + true + 1.5;
        }
        """, Kms0001(0), Kms0001(1), Kms0001(2), Kms0001(3), TestKeys.Kms0002(4), Kms0001(5));

    [Fact]
    public Task Ignores_the_same_shapes_built_at_run_time() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            string prefix = "arn:aws:kms:eu-west-1:";
            static string Region => "eu-west-1";
            string A(bool production)
            {
                var local = "arn:aws:kms:eu-west-1:";
                return local + "210987654321:key/{{KeyId}}" + prefix + this.prefix + Region +
                    (production ? "arn:aws:kms:eu-west-1:" : "") + "210987654321:key/{{KeyId}}" + $"{local}{prefix}";
            }
        }
        """);
}
