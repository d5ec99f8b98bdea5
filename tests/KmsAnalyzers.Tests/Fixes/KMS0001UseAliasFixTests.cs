using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static KmsAnalyzers.Tests.Infrastructure.TestKeys;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.HardcodedKeyIdentifierAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;

namespace KmsAnalyzers.Tests.Fixes;

/// <summary>
/// The "Use an alias" fix of KMS0001 (and of KMS0002 and KMS0004, which share it): map aliases, derived aliases, every
/// literal form, alias safety at sinks that take no alias, Fix All and <c>dotnet format</c> keys.
/// </summary>
public sealed class KMS0001UseAliasFixTests
{
    internal const string Map = $$"""
        {
            "Aliases": [
                { "AliasName": "alias/aws/s3", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/aws/s3", "TargetKeyId": "{{KeyId}}" },
                { "AliasName": "alias/orders", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders", "TargetKeyId": "{{KeyId}}",
                  "CreationDate": "2024-03-01T10:00:00+00:00", "LastUpdatedDate": "2024-03-01T10:00:00+00:00" },
                { "AliasName": "alias/customer-data", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/customer-data", "TargetKeyId": "{{Mrk}}" }
            ]
        }
        """;

    internal static Verify.Test Test(string source, string fixedSource, string key, string? map = Map, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = key };
        if (map is not null)
            test.WithAliasMap(map);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    [Fact]
    public Task Uses_alias_from_map_in_const_keeping_trivia() => Test($$"""
        static class Keys
        {
            /// <summary>Orders key.</summary>
            public const string OrdersKeyArn = /* prod */ {|#0:"{{Arn}}"|}; // eu-west-1
        }
        """, """
        static class Keys
        {
            /// <summary>Orders key.</summary>
            public const string OrdersKeyArn = /* prod */ "alias/orders"; // eu-west-1
        }
        """, UseAliasCodeFixProvider.UseAliasKey, Map, Kms0001(0)).RunAsync(CancellationToken.None);

    [Fact]
    public Task Uses_alias_from_map_for_mrk_id_inline() => Test($$"""
        using Amazon.KeyManagementService.Model;
        class C { EncryptRequest M() => new() { KeyId = {|#0:"{{Mrk}}"|} }; }
        """, """
        using Amazon.KeyManagementService.Model;
        class C { EncryptRequest M() => new() { KeyId = "alias/customer-data" }; }
        """, UseAliasCodeFixProvider.UseAliasKey, Map, Kms0002(0, use: " and used as EncryptRequest.KeyId")).RunAsync(CancellationToken.None);

    [Fact]
    public Task Rewrites_the_text_of_an_interpolation_given_to_a_handler_and_keeps_its_holes() => Test($$"""
        using System.Text;
        class C { void M(StringBuilder log, string user) => log.Append({|#0:$"user {user} uses {{Arn}} today"|}); }
        """, """
        using System.Text;
        class C { void M(StringBuilder log, string user) => log.Append($"user {user} uses alias/orders today"); }
        """, UseAliasCodeFixProvider.UseAliasKey, Map, Kms0001(0)).RunAsync(CancellationToken.None);

    [Theory]
    [InlineData("@\"" + Arn + "\"", "@\"alias/orders\"")]
    [InlineData("\"\"\"" + Arn + "\"\"\"", "\"\"\"alias/orders\"\"\"")]
    [InlineData("\"" + Arn + "\"u8", "\"alias/orders\"u8")]
    [InlineData("\"arn:aws:kms:eu-west-1:\" + \"210987654321:key/" + KeyId + "\"", "\"alias/orders\"")]
    [InlineData("$\"arn:aws:kms:{Region}:210987654321:key/{Id}\"", "\"alias/orders\"")]
    [InlineData("\"\\u0061rn:aws:kms:eu-west-1:210987654321:key/" + KeyId + "\"", "\"alias/orders\"")]
    [InlineData("\"keys: " + Arn + ", other\"", "\"keys: alias/orders, other\"")]
    public Task Rewrites_every_literal_form(string before, string after)
    {
        var type = before.EndsWith("u8") ? "System.ReadOnlySpan<byte>" : "string";
        var modifier = before.EndsWith("u8") ? "static" : "const";
        var holder = before.EndsWith("u8") ? $"{type} Value() => " : $"{modifier} {type} Value = ";
        return Test($$"""
            class C
            {
                const string Region = "eu-west-1";
                const string Id = "{{KeyId}}";
                {{holder}}{|#0:{{before}}|};
            }
            """, $$"""
            class C
            {
                const string Region = "eu-west-1";
                const string Id = "{{KeyId}}";
                {{holder}}{{after}};
            }
            """, UseAliasCodeFixProvider.UseAliasKey, Map, Kms0001(0)).RunAsync(CancellationToken.None);
    }

    private const string UnmappedArn = "arn:aws:kms:eu-west-1:210987654321:key/11111111-2222-4333-8444-555555555555";
    private const string UnmappedKeyId = "11111111-2222-4333-8444-555555555555";

    [Fact]
    public Task Derived_alias_is_offered_alone_without_a_map_alias_but_fix_all_leaves_it() => Test($$"""
        static class Keys { public const string PaymentsKeyArn = {|#0:"{{UnmappedArn}}"|}; }
        """, """
        static class Keys { public const string PaymentsKeyArn = "alias/payments"; }
        """, UseAliasCodeFixProvider.UseAliasKey, null,
        Kms0001(0, keyId: UnmappedKeyId)).FixAllLeavesIt().RunAsync(CancellationToken.None);

    [Fact]
    public Task Derived_alias_is_a_separate_action_besides_a_map_alias_and_fix_all_leaves_it()
    {
        var test = Test($$"""
            static class Keys { public const string PaymentsKeyArn = {|#0:"{{Arn}}"|}; }
            """, """
            static class Keys { public const string PaymentsKeyArn = "alias/payments"; }
            """, UseAliasCodeFixProvider.UseDerivedAliasKey, Map, Kms0001(0)).FixAllLeavesIt();
        test.CodeActionIndex = 1;
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("extra")]
    [InlineData("true")]
    [InlineData(null)]
    public Task Fix_all_applies_map_aliases_and_never_a_derived_one(string? mode)
    {
        // The first diagnostic has only the derived action: dotnet format passes its key to Fix All for all of them.
        var test = Test($$"""
            static class Keys
            {
                public const string AuditKeyArn = {|#0:"{{UnmappedArn}}"|};
                public const string OrdersKeyArn = {|#1:"{{Arn}}"|};
            }
            """, """
            static class Keys
            {
                public const string AuditKeyArn = "alias/audit";
                public const string OrdersKeyArn = "alias/orders";
            }
            """, UseAliasCodeFixProvider.UseAliasKey, Map, Kms0001(0, keyId: UnmappedKeyId), Kms0001(1));
        if (mode is not null)
            test.WithEditorConfig("kms_analyzers.derive_alias_names = " + mode);
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add("""
            static class Keys
            {
                public const string AuditKeyArn = "alias/audit";
                public const string OrdersKeyArn = "alias/orders";
            }
            """);
        test.BatchFixedState.Sources.Add($$"""
            static class Keys
            {
                public const string AuditKeyArn = {|#0:"{{UnmappedArn}}"|};
                public const string OrdersKeyArn = "alias/orders";
            }
            """);
        test.BatchFixedState.ExpectedDiagnostics.Add(Kms0001(0, keyId: UnmappedKeyId));
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Preferred_makes_the_derived_alias_the_bulk_choice_without_a_map_alias()
    {
        var test = Test($$"""
            static class Keys
            {
                public const string AuditKeyArn = {|#0:"{{UnmappedArn}}"|};
                public const string OrdersKeyArn = {|#1:"{{Arn}}"|};
            }
            """, """
            static class Keys
            {
                public const string AuditKeyArn = "alias/audit";
                public const string OrdersKeyArn = "alias/orders";
            }
            """, UseAliasCodeFixProvider.UseAliasKey, Map, Kms0001(0, keyId: UnmappedKeyId), Kms0001(1))
            .WithEditorConfig("kms_analyzers.derive_alias_names = preferred");
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Preferred_fix_all_of_the_derived_action_replaces_map_aliases_too()
    {
        var test = Test($$"""
            static class Keys { public const string PaymentsKeyArn = {|#0:"{{Arn}}"|}; }
            """, """
            static class Keys { public const string PaymentsKeyArn = "alias/payments"; }
            """, UseAliasCodeFixProvider.UseDerivedAliasKey, Map, Kms0001(0))
            .WithEditorConfig("kms_analyzers.derive_alias_names = PREFERRED");
        test.CodeActionIndex = 1;
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(null, "Use alias 'alias/payments' (named after 'PaymentsKeyArn'; create it in every Region; Fix All leaves it)")]
    [InlineData("preferred", "Use alias 'alias/payments' (named after 'PaymentsKeyArn'; create it in every Region)")]
    public async Task Derived_action_title_says_whether_fix_all_applies_it(string? mode, string title)
    {
        var source = $$"""static class Keys { public const string PaymentsKeyArn = "{{UnmappedArn}}"; }""";
        var titles = await ActionTitlesAsync(source, mode is null ? null : "kms_analyzers.derive_alias_names = " + mode);
        Assert.Equal(new[] { title }, titles);
    }

    [Fact]
    public Task Fixes_leave_a_case_label_that_would_equal_another()
    {
        // The Ireland and London ARNs of one multi-Region key share its alias: two equal case labels do not compile.
        var test = Test($$"""
            static class Keys
            {
                public const string OrdersKeyArn = {|#0:"{{Arn}}"|};
                public static string RegionOf(string keyArn)
                {
                    switch (keyArn)
                    {
                        case {|#1:"arn:aws:kms:eu-west-1:210987654321:key/{{Mrk}}"|}: return "eu-west-1";
                        case {|#2:"arn:aws:kms:eu-west-2:210987654321:key/{{Mrk}}"|}: return "eu-west-2";
                        default: return "unknown";
                    }
                }
            }
            """, $$"""
            static class Keys
            {
                public const string OrdersKeyArn = "alias/orders";
                public static string RegionOf(string keyArn)
                {
                    switch (keyArn)
                    {
                        case "alias/customer-data": return "eu-west-1";
                        case {|#0:"arn:aws:kms:eu-west-2:210987654321:key/{{Mrk}}"|}: return "eu-west-2";
                        default: return "unknown";
                    }
                }
            }
            """, UseAliasCodeFixProvider.UseAliasKey, Map,
            Kms0001(0), Kms0001(1, keyId: Mrk), Kms0001(2, region: "eu-west-2", keyId: Mrk));
        // The first label takes the alias; the second then has no fix (it would equal the first), one at a time and in Fix All.
        test.FixedState.ExpectedDiagnostics.Add(Kms0001(0, region: "eu-west-2", keyId: Mrk));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("switch expression arms", "string RegionOf(string arn) => arn switch { {0} => \"eu-west-1\", {1} => \"eu-west-2\", _ => \"?\" };")]
    [InlineData("dictionary initializer keys", "System.Collections.Generic.Dictionary<string, string> Regions = new() { [{0}] = \"eu-west-1\", [{1}] = \"eu-west-2\" };")]
    [InlineData("collection initializer keys", "System.Collections.Generic.Dictionary<string, string> Regions = new() { { {0}, \"eu-west-1\" }, { {1}, \"eu-west-2\" } };")]
    public Task Fixes_leave_a_value_that_would_equal_another(string where, string member)
    {
        _ = where;
        string Code(string first, string second) => "class C { " + member.Replace("{0}", first).Replace("{1}", second) + " }";
        var ireland = "\"arn:aws:kms:eu-west-1:210987654321:key/" + Mrk + "\"";
        var london = "\"arn:aws:kms:eu-west-2:210987654321:key/" + Mrk + "\"";
        var test = Test(Code("{|#0:" + ireland + "|}", "{|#1:" + london + "|}"), Code("\"alias/customer-data\"", "{|#0:" + london + "|}"),
            UseAliasCodeFixProvider.UseAliasKey, Map, Kms0001(0, keyId: Mrk), Kms0001(1, region: "eu-west-2", keyId: Mrk));
        test.FixedState.ExpectedDiagnostics.Add(Kms0001(0, region: "eu-west-2", keyId: Mrk));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Derived_alias_can_be_turned_off()
    {
        var test = new Verify.Test { TestCode = $$"""static class Keys { public const string PaymentsKeyArn = {|#0:"{{Arn}}"|}; }""" }
            .WithEditorConfig("kms_analyzers.derive_alias_names = false");
        test.ExpectedDiagnostics.Add(Kms0001(0));
        return NoFixRun(test);
    }

    [Fact]
    public Task Several_aliases_for_one_key_give_one_action_each()
    {
        var map = $$"""{"Aliases":[{"AliasName":"alias/orders-v2","TargetKeyId":"{{KeyId}}"},{"AliasName":"alias/orders","TargetKeyId":"{{KeyId}}"}]}""";
        var test = Test($$"""
            class C { const string Key = {|#0:"{{Arn}}"|}; }
            """, """
            class C { const string Key = "alias/orders-v2"; }
            """, UseAliasCodeFixProvider.UseMappedAliasKeyPrefix + "2", map, Kms0001(0));
        test.CodeActionIndex = 1;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task No_fix_at_a_key_arn_only_sink() => NoFix($$"""
        using Amazon.KeyManagementService.Model;
        class C { CreateGrantRequest M() => new() { KeyId = {|#0:"{{Arn}}"|}, GranteePrincipal = "p" }; }
        """, Kms0001(0, use: " and used as CreateGrantRequest.KeyId"));

    [Fact]
    public Task No_fix_when_a_const_reaches_a_key_arn_only_sink_in_another_file()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""static class Keys { public const string OrdersKeyArn = {|#0:"{{Arn}}"|}; }""",
                    """
                    using Amazon.KeyManagementService.Model;
                    class C
                    {
                        EncryptRequest A() => new() { KeyId = Keys.OrdersKeyArn };
                        Amazon.Lambda.Model.CreateFunctionRequest B() => new() { KMSKeyArn = Keys.OrdersKeyArn };
                    }
                    """,
                },
            },
        }.WithAliasMap(Map);
        test.ExpectedDiagnostics.Add(Kms0001(0));
        return NoFixRun(test);
    }

    [Fact]
    public Task No_fix_when_a_local_is_passed_to_revoke_grant() => NoFix($$"""
        using System.Threading.Tasks;
        using Amazon.KeyManagementService;
        class C
        {
            async Task M(IAmazonKeyManagementService kms)
            {
                var keyArn = {|#0:"{{Arn}}"|};
                await kms.RevokeGrantAsync("grant-1", keyArn);
            }
        }
        """, Kms0001(0));

    [Fact]
    public Task No_fix_when_a_const_reaches_a_grant_through_a_helper_parameter() => NoFix($$"""
        using Amazon.KeyManagementService.Model;
        class C
        {
            const string OrdersKeyArn = {|#0:"{{Arn}}"|};
            CreateGrantRequest Grant(string keyArn, string principal) => new() { KeyId = keyArn, GranteePrincipal = principal };
            void M() => Grant(OrdersKeyArn, "role");
        }
        """, Kms0001(0));

    [Fact]
    public Task No_fix_at_an_encryption_sdk_keyring_which_decrypts_only_by_key_arn() => NoFix($$"""
        class C
        {
            AWS.Cryptography.MaterialProviders.CreateAwsKmsKeyringInput M() => new() { KmsKeyId = {|#0:"{{Arn}}"|} };
        }
        """, Kms0001(0, use: " and used as CreateAwsKmsKeyringInput.KmsKeyId"));

    [Fact]
    public Task No_alias_is_derived_from_an_sdk_property_name() => NoFix($$"""
        class C
        {
            Amazon.DynamoDBv2.Model.SSESpecification M() => new() { KMSMasterKeyId = {|#0:"arn:aws:kms:eu-west-1:210987654321:key/11111111-2222-4333-8444-555555555555"|} };
        }
        """, Kms0001(0, keyId: "11111111-2222-4333-8444-555555555555", use: " and used as SSESpecification.KMSMasterKeyId"));

    [Fact]
    public Task No_fix_without_an_alias_or_a_name_to_derive_from() => NoFix($$"""
        using Amazon.KeyManagementService.Model;
        class C { DecryptRequest M() => new() { KeyId = {|#0:"arn:aws:kms:eu-west-1:210987654321:key/11111111-2222-4333-8444-555555555555"|} }; }
        """, null, Kms0001(0, keyId: "11111111-2222-4333-8444-555555555555", use: " and used as DecryptRequest.KeyId"));

    [Fact]
    public Task No_whole_value_fix_that_would_delete_a_comment_or_a_directive() => NoFix($$"""
        class C
        {
            const string Prefix = "arn:aws:kms:eu-west-1:210987654321:key/";
            const string OrdersKeyArn = {|#0:Prefix + /* the orders key */ "{{KeyId}}"|};
            const string PaymentsKeyArn = {|#1:Prefix +
        #if DEBUG
                "{{KeyId}}"
        #else
                "{{KeyId}}"|}
        #endif
                ;
        }
        """, Kms0001(0), Kms0001(1));

    [Fact]
    public Task Fix_rewrites_thousands_of_arns_in_one_literal_in_one_pass()
    {
        var many = string.Join(",", System.Linq.Enumerable.Repeat(Arn, 5000));
        var test = Test($$"""
            class C { const string Keys = {|#0:"{{many}}"|}; }
            """, $$"""
            class C { const string Keys = "{{string.Join(",", System.Linq.Enumerable.Repeat("alias/orders", 5000))}}"; }
            """, UseAliasCodeFixProvider.UseAliasKey, Map, Kms0001(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task No_fix_when_one_of_two_keys_has_no_alias() => NoFix($$"""
        class C { string Keys = {|#0:"{{Arn}},arn:aws:kms:eu-west-1:210987654321:key/11111111-2222-4333-8444-555555555555"|}; }
        """, Kms0001(0));

    [Fact]
    public Task Fix_all_rewrites_every_diagnostic_in_the_document_and_leaves_unfixable_ones() => Test($$"""
        using Amazon.KeyManagementService.Model;
        static class Keys
        {
            public const string OrdersKeyArn = {|#0:"{{Arn}}"|};
            public const string CustomerDataMrkId = {|#1:"{{Mrk}}"|};
            public const string Both = {|#2:"{{Arn}} {{Arn}}"|};
        }
        class C
        {
            EncryptRequest A() => new() { KeyId = {|#3:"{{Mrk}}"|} };
            CreateGrantRequest B() => new() { KeyId = {|#4:"{{Arn}}"|} };
        }
        """, $$"""
        using Amazon.KeyManagementService.Model;
        static class Keys
        {
            public const string OrdersKeyArn = "alias/orders";
            public const string CustomerDataMrkId = "alias/customer-data";
            public const string Both = "alias/orders alias/orders";
        }
        class C
        {
            EncryptRequest A() => new() { KeyId = "alias/customer-data" };
            CreateGrantRequest B() => new() { KeyId = {|#4:"{{Arn}}"|} };
        }
        """, UseAliasCodeFixProvider.UseAliasKey, Map,
        Kms0001(0), Kms0002(1), Kms0001(2), Kms0002(3, use: " and used as EncryptRequest.KeyId"),
        Kms0001(4, use: " and used as CreateGrantRequest.KeyId"))
        .WithFixedDiagnostic(Kms0001(4, use: " and used as CreateGrantRequest.KeyId"))
        .RunAsync(CancellationToken.None);

    [Fact]
    public Task Fix_all_handles_several_diagnostics_in_one_statement_and_equals_fixing_one_at_a_time() => Test($$"""
        class C
        {
            string[] Keys() => new[] { {|#0:"{{Arn}}"|}, {|#1:"{{Mrk}}"|}, "alias/other", {|#2:"{{Arn}}" + ""|} };
        }
        """, """
        class C
        {
            string[] Keys() => new[] { "alias/orders", "alias/customer-data", "alias/other", "alias/orders" };
        }
        """, UseAliasCodeFixProvider.UseAliasKey, Map, Kms0001(0), Kms0002(1), Kms0001(2)).RunAsync(CancellationToken.None);

    [Fact]
    public Task Fix_all_in_solution_spans_partial_class_parts()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""partial class Keys { public const string OrdersKeyArn = {|#0:"{{Arn}}"|}; }""",
                    $$"""partial class Keys { public const string CustomerDataMrkId = {|#1:"{{Mrk}}"|}; string Use() => OrdersKeyArn + CustomerDataMrkId; }""",
                },
            },
            FixedState =
            {
                Sources =
                {
                    """partial class Keys { public const string OrdersKeyArn = "alias/orders"; }""",
                    """partial class Keys { public const string CustomerDataMrkId = "alias/customer-data"; string Use() => OrdersKeyArn + CustomerDataMrkId; }""",
                },
            },
            CodeActionEquivalenceKey = UseAliasCodeFixProvider.UseAliasKey,
        }.WithAliasMap(Map);
        test.ExpectedDiagnostics.Add(Kms0001(0));
        test.ExpectedDiagnostics.Add(Kms0002(1));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Fix_all_in_project_spans_files()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    $$"""static class A { public const string K = {|#0:"{{Arn}}"|}; }""",
                    $$"""static class B { public const string K = {|#1:"{{Mrk}}"|}; }""",
                },
            },
            FixedState =
            {
                Sources =
                {
                    """static class A { public const string K = "alias/orders"; }""",
                    """static class B { public const string K = "alias/customer-data"; }""",
                },
            },
            CodeActionEquivalenceKey = UseAliasCodeFixProvider.UseAliasKey,
        }.WithAliasMap(Map);
        test.ExpectedDiagnostics.Add(Kms0001(0));
        test.ExpectedDiagnostics.Add(Kms0002(1));
        return test.RunAsync(CancellationToken.None);
    }

    internal static Task NoFix(string source, params DiagnosticResult[] expected) => NoFix(source, Map, expected);

    internal static Task NoFix(string source, string? map, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        if (map is not null)
            test.WithAliasMap(map);
        test.ExpectedDiagnostics.AddRange(expected);
        return NoFixRun(test);
    }

    // FixedCode equal to the input: the verifier then requires that no code action is offered.
    private static async Task<string[]> ActionTitlesAsync(string source, string? editorConfig)
    {
        var tally = new Robustness.Tally();
        var input = Robustness.RobustInput.Single("titles", source, editorConfig: editorConfig is null ? null : "root = true\n[*]\n" + editorConfig + "\n");
        var analysis = await Robustness.Harness.AnalyzeAsync(await Robustness.Harness.CreateProjectAsync(input), tally, input.Name);
        var document = analysis.Project.Documents.Single();
        var titles = new List<string>();
        foreach (var diagnostic in analysis.Diagnostics)
            titles.AddRange((await Robustness.Harness.GetActionsAsync(document, diagnostic, tally, input.Name)).Select(a => a.Title));
        tally.AssertClean();
        return titles.ToArray();
    }

    private static Task NoFixRun(Verify.Test test)
    {
        foreach (var source in test.TestState.Sources)
            test.FixedState.Sources.Add(source);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
        return test.RunAsync(CancellationToken.None);
    }
}

internal static class TestExtensions
{
    /// <summary>
    /// Fix All (and <c>dotnet format</c>) leaves the diagnostic where it is: the batch state is the source, diagnostic
    /// included. For derived aliases, which bulk fixes never write unless <c>derive_alias_names = preferred</c>.
    /// </summary>
    public static T FixAllLeavesIt<T>(this T test) where T : CodeFixTest<DefaultVerifier>
    {
        foreach (var source in test.TestState.Sources)
            test.BatchFixedState.Sources.Add(source);
        test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
        test.BatchFixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        return test;
    }

    public static Verify.Test WithFixedDiagnostic(this Verify.Test test, DiagnosticResult diagnostic)
    {
        test.FixedState.ExpectedDiagnostics.Add(diagnostic);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test;
    }
}
