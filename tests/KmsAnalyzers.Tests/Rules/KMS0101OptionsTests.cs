using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Rules.OptionsAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0101: invalid option values are reported once and never crash the rules.</summary>
public sealed class KMS0101OptionsTests
{
    private static DiagnosticResult Kms0101(string key, string value, string expected) =>
        Verify.Diagnostic(DiagnosticIds.InvalidOption).WithArguments(key, value, expected);

    private static Task Run(string editorConfig, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestState = { Sources = { "class A { }", "class B { }" } } }.WithEditorConfig(editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Valid_values_are_silent() => Run(
        "kms_analyzers.report_documentation_accounts = TRUE\nkms_analyzers.derive_alias_names = false\nkms_analyzers.home_regions = us-east-1, eu-west-1");

    [Theory]
    [InlineData("extra")]
    [InlineData("preferred")]
    [InlineData("false")]
    [InlineData(" Preferred ")]
    [InlineData("true")] // the value of earlier versions: a synonym of extra
    public Task Derive_alias_names_accepts_its_modes(string value) => Run("kms_analyzers.derive_alias_names = " + value);

    [Fact]
    public Task Invalid_boolean_is_reported_once_for_all_files() => Run(
        "kms_analyzers.report_documentation_accounts = maybe",
        Kms0101("kms_analyzers.report_documentation_accounts", "maybe", "true or false"));

    [Fact]
    public Task Invalid_derive_mode_is_reported_with_the_accepted_values() => Run(
        "kms_analyzers.derive_alias_names = prefer",
        Kms0101("kms_analyzers.derive_alias_names", "prefer", "extra, preferred or false (true means extra)"));

    [Fact]
    public Task Invalid_home_region_codes_are_reported_each() => Run(
        "kms_analyzers.home_regions = us-east-1, europe, eu-west",
        Kms0101("kms_analyzers.home_regions", "europe", "comma-separated AWS Region codes such as 'us-east-1,eu-west-1'"),
        Kms0101("kms_analyzers.home_regions", "eu-west", "comma-separated AWS Region codes such as 'us-east-1,eu-west-1'"));

    [Fact]
    public Task Misspelled_key_is_named() => Run(
        "kms_analyzers.derive_alias_name = false",
        Kms0101("kms_analyzers.derive_alias_name", "false",
            "a known option: kms_analyzers.report_documentation_accounts, kms_analyzers.derive_alias_names, kms_analyzers.home_regions, kms_analyzers.KMS0003.home_regions"));

    [Fact]
    public Task Per_rule_home_regions_key_is_checked() => Run(
        "kms_analyzers.KMS0003.home_regions = mars-1",
        Kms0101("kms_analyzers.KMS0003.home_regions", "mars-1", "comma-separated AWS Region codes such as 'us-east-1,eu-west-1'"));

    [Fact]
    public Task Different_values_per_folder_are_each_reported()
    {
        var test = new Verify.Test { TestState = { Sources = { ("/src/A.cs", "class A { }"), ("/tests/B.cs", "class B { }") } } };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig",
            "root = true\n[src/**.cs]\nkms_analyzers.derive_alias_names = yes\n[tests/**.cs]\nkms_analyzers.derive_alias_names = no\n"));
        test.ExpectedDiagnostics.Add(Kms0101("kms_analyzers.derive_alias_names", "yes", "extra, preferred or false (true means extra)"));
        test.ExpectedDiagnostics.Add(Kms0101("kms_analyzers.derive_alias_names", "no", "extra, preferred or false (true means extra)"));
        return test.RunAsync(CancellationToken.None);
    }
}
