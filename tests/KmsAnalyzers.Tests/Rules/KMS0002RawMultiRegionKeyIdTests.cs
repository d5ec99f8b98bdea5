using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static KmsAnalyzers.Tests.Infrastructure.TestKeys;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.HardcodedKeyIdentifierAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0002: raw multi-Region key ids outside key ARNs.</summary>
public sealed class KMS0002RawMultiRegionKeyIdTests
{
    [Fact]
    public Task Reports_mrk_id_at_request_and_names_the_sink() => Verify.VerifyAnalyzerAsync($$"""
        using Amazon.KeyManagementService.Model;
        class C { EncryptRequest M() => new() { KeyId = {|#0:"{{Mrk}}"|} }; }
        """, Kms0002(0, use: " and used as EncryptRequest.KeyId"));

    [Fact]
    // Strings are visited only in the files that may hold a key identifier (KeyPieceScope): here only the escapes spell
    // one (the text holds neither the prefix nor a dash).
    public Task Reports_an_id_spelled_with_escapes_in_a_file_that_holds_no_other_piece() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            const string CustomerDataMrkId = {|#0:"\u006Drk\u002D0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d"|};
        }
        """, Kms0002(0));

    [Fact]
    public Task Reports_const_once_and_skips_the_aws_documentation_example_id() => Verify.VerifyAnalyzerAsync($$"""
        using Amazon.KeyManagementService.Model;
        static class Keys
        {
            public const string CustomerDataMrkId = {|#0:"{{Mrk}}"|};
            public static readonly string Example = "mrk-1234abcd12ab34cd56ef1234567890ab";
        }
        class C { DecryptRequest M() => new() { KeyId = Keys.CustomerDataMrkId }; }
        """, Kms0002(0));

    [Fact]
    public Task Reports_the_aws_documentation_example_id_on_request()
    {
        var test = new Verify.Test
        {
            TestCode = """static class Keys { public static readonly string Example = {|#0:"mrk-1234abcd12ab34cd56ef1234567890ab"|}; }""",
            ExpectedDiagnostics = { Kms0002(0, "mrk-1234abcd12ab34cd56ef1234567890ab") },
        }.WithEditorConfig("kms_analyzers.report_documentation_accounts = true");
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Theory]
    [InlineData("@\"" + Mrk + "\"")]
    [InlineData("\"\"\"" + Mrk + "\"\"\"")]
    [InlineData("\"mrk-\" + \"0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d\"")]
    [InlineData("\"m\" + \"r\" + \"k\" + \"-\" + \"0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d\"")]
    [InlineData("$\"mrk-{Hex}\"")]
    [InlineData("\"ids: " + Mrk + "; other\"")]
    public Task Reports_every_constant_form(string expression) => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            const string Hex = "0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";
            const string Value = {|#0:{{expression}}|};
        }
        """, Kms0002(0));

    [Fact]
    public Task Reports_utf8_literal() => Verify.VerifyAnalyzerAsync($$"""
        class C { System.ReadOnlySpan<byte> M() => {|#0:"{{Mrk}}"u8|}; }
        """, Kms0002(0));

    [Fact]
    public Task Arn_holding_an_mrk_id_is_kms0001_only() => Verify.VerifyAnalyzerAsync($$"""
        class C { string Value = {|#0:"arn:aws:kms:eu-west-1:210987654321:key/{{Mrk}}"|}; }
        """, Kms0001(0, keyId: Mrk));

    [Fact]
    public Task String_with_arn_and_separate_mrk_is_one_kms0001() => Verify.VerifyAnalyzerAsync($$"""
        class C { string Value = {|#0:"{{Arn}} {{Mrk}}"|}; }
        """, Kms0001(0));

    [Theory]
    [InlineData("\"mrk-\"")]
    [InlineData("\"mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4\"")]
    [InlineData("\"mrk-0B1C2D3E4F504A6B8C7D9E0F1A2B3C4D\"")]
    [InlineData("\"mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d5\"")]
    [InlineData("\"prefix-mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d\"")]
    [InlineData("\"arn:aws:dynamodb:eu-west-1:210987654321:table/mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:210987654321:alias/mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d\"")]
    [InlineData("\"mrk-\" + hex")]
    public Task Does_not_report_prefix_checks_look_alikes_or_runtime_values(string expression) => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            bool IsMrk(string keyId) => keyId.StartsWith("mrk-");
            string M(string hex) => {{expression}};
        }
        """);

    [Fact]
    public Task Does_not_report_comments() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            /// <param name="id">For example {{Mrk}}.</param>
            void M(string id) { } // {{Mrk}}
        }
        """);

    [Fact]
    public Task Reports_in_code_without_the_aws_sdk()
    {
        var test = new Verify.Test { TestCode = $$"""class C { string Value = {|#0:"{{Mrk}}"|}; }""" };
        test.TestState.AdditionalReferences.Clear();
        test.ExpectedDiagnostics.Add(Kms0002(0));
        return test.RunAsync(CancellationToken.None);
    }
}
