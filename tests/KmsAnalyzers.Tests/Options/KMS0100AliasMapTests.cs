using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Fixes;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static KmsAnalyzers.Tests.Infrastructure.TestKeys;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Rules.AliasMapAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;
using VerifyKeys = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.HardcodedKeyIdentifierAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;

namespace KmsAnalyzers.Tests.Options;

/// <summary>KMS0100: a broken <c>kms-aliases*.json</c> AdditionalFile is reported where it breaks, and nothing else stops working.</summary>
public sealed class KMS0100AliasMapTests
{
    private const string Source = "class C { }";

    private const string ValidMap = $$"""
        {
            "Aliases": [
                {
                    "AliasName": "alias/aws/dynamodb",
                    "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/aws/dynamodb"
                },
                {
                    "AliasName": "alias/orders",
                    "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders",
                    "TargetKeyId": "{{KeyId}}",
                    "CreationDate": "2024-03-01T10:00:00+00:00",
                    "LastUpdatedDate": "2024-03-01T10:00:00+00:00"
                }
            ]
        }
        """;

    // Line 8, column 5: the ']' after the trailing comma.
    private const string TrailingCommaMap = $$"""
        {
            "Aliases": [
                {
                    "AliasName": "alias/orders",
                    "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders",
                    "TargetKeyId": "{{KeyId}}"
                },
            ]
        }
        """;

    private const string TrailingCommaMessage = "unexpected character ']', expected a value; the file is ignored";

    private static DiagnosticResult Kms0100(string path, int line, int column, string message) =>
        Verify.Diagnostic(DiagnosticIds.InvalidAliasMap)
            .WithSpan(path, line, column, line, column)
            .WithArguments(path.Substring(path.LastIndexOf('/') + 1), message);

    private static Task Run(string? aliasMapName, string aliasMap, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Source };
        if (aliasMapName is not null)
            test.WithAliasMap(aliasMap, aliasMapName);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Reports_trailing_comma_at_its_position_in_the_map() =>
        Run("kms-aliases.json", TrailingCommaMap, Kms0100("/kms-aliases.json", 8, 5, TrailingCommaMessage));

    [Fact]
    public Task Reports_the_exact_descriptor_message()
    {
        var expected = new DiagnosticResult(DiagnosticIds.InvalidAliasMap, DiagnosticSeverity.Warning)
            .WithSpan("/kms-aliases.json", 8, 5, 8, 5)
            .WithArguments("kms-aliases.json", TrailingCommaMessage)
            .WithMessage("Problem in KMS alias map 'kms-aliases.json': unexpected character ']', expected a value; the file is ignored");
        return Run("kms-aliases.json", TrailingCommaMap, expected);
    }

    [Fact]
    public Task Valid_map_gives_no_diagnostic() => Run("kms-aliases.json", ValidMap);

    [Fact]
    public Task No_map_gives_no_diagnostic() => Run(null, "");

    [Fact]
    public Task Ignores_a_malformed_file_with_another_name() => Run("aliases.json", TrailingCommaMap);

    [Theory]
    [InlineData("my-kms-aliases.json")]
    [InlineData("kms-aliases.json.bak")]
    [InlineData("kms_aliases.json")]
    [InlineData("kms-aliases.yaml")]
    public Task Ignores_files_not_named_kms_aliases_star_json(string fileName) => Run(fileName, "not json at all");

    [Fact]
    public Task Matches_the_file_name_in_any_case() =>
        Run("KMS-ALIASES.eu-west-1.JSON", TrailingCommaMap, Kms0100("/KMS-ALIASES.eu-west-1.JSON", 8, 5, TrailingCommaMessage));

    [Fact]
    public Task Names_only_the_file_of_a_map_in_a_folder() =>
        Run("config/kms-aliases.us-east-1.json", "{\"Aliases\":[]}}",
            Kms0100("/config/kms-aliases.us-east-1.json", 1, 15, "unexpected text after the JSON value; the file is ignored"));

    [Theory]
    [InlineData("", 1, 1, "unexpected end of file, expected a value; the file is ignored")]
    [InlineData("\n\n", 3, 1, "unexpected end of file, expected a value; the file is ignored")]
    [InlineData("{\"Aliases\":[]", 1, 14, "expected '}' but found end of file; the file is ignored")]
    [InlineData("// eu-west-1\n{\"Aliases\":[]}", 1, 1, "unexpected character '/', expected a value; the file is ignored")]
    [InlineData("[]", 1, 1, "expected an object with an \"Aliases\" array, as 'aws kms list-aliases --output json' prints; the file is ignored")]
    [InlineData("\r\n  {\"aliases\":[]}", 2, 3, "expected an object with an \"Aliases\" array, as 'aws kms list-aliases --output json' prints; the file is ignored")]
    [InlineData("{\"Aliases\":[\n\t\"alias/orders\"]}", 2, 2, "an entry of \"Aliases\" is not an object; the entry is ignored")]
    public Task Reports_each_kind_of_problem_at_its_line_and_column(string map, int line, int column, string message) =>
        Run("kms-aliases.json", map, Kms0100("/kms-aliases.json", line, column, message));

    [Fact]
    public Task Reports_every_bad_entry_of_one_file()
    {
        var map = $$"""
            {
              "Aliases": [
                {"AliasName": "orders", "TargetKeyId": "{{KeyId}}"},
                {"AliasName": "alias/orders", "TargetKeyId": "{{KeyId}}"},
                {"AliasName": "alias/payments", "TargetKeyId": "key/{{KeyId}}"},
                {"AliasName": "alias/orders", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders", "TargetKeyId": "{{KeyId}}"},
                {"AliasName": "alias/orders", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders", "TargetKeyId": "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d"}
              ]
            }
            """;
        return Run("kms-aliases.json", map,
            Kms0100("/kms-aliases.json", 3, 5, "\"AliasName\" must be a string 'alias/<name>'; the entry is ignored"),
            Kms0100("/kms-aliases.json", 5, 52, "\"TargetKeyId\" of 'alias/payments' is not a KMS key id; the entry is ignored"),
            Kms0100("/kms-aliases.json", 7, 5,
                "Alias 'alias/orders' in Region 'eu-west-1' is listed twice with different target keys; the second entry is ignored"));
    }

    [Fact]
    public Task Reports_only_the_broken_one_of_several_maps()
    {
        var test = new Verify.Test { TestCode = Source }
            .WithAliasMap(ValidMap, "kms-aliases.eu-west-1.json")
            .WithAliasMap(TrailingCommaMap, "kms-aliases.us-east-1.json")
            .WithAliasMap(TrailingCommaMap, "aliases.json");
        test.ExpectedDiagnostics.Add(Kms0100("/kms-aliases.us-east-1.json", 8, 5, TrailingCommaMessage));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Key_arn_is_still_reported_and_fixed_with_a_malformed_map()
    {
        // The broken map would map the key to alias/orders; the only fix left is the alias derived from the name.
        var test = new VerifyKeys.Test
        {
            TestCode = $$"""static class Keys { public const string PaymentsKeyArn = {|#0:"{{Arn}}"|}; }""",
            FixedCode = """static class Keys { public const string PaymentsKeyArn = "alias/payments"; }""",
            CodeActionEquivalenceKey = UseAliasCodeFixProvider.UseAliasKey,
            CodeActionIndex = 0,
        }.WithAliasMap(TrailingCommaMap);
        test.ExpectedDiagnostics.Add(Kms0001(0));
        return test.FixAllLeavesIt().RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Key_arn_is_fixed_with_the_mapped_alias_when_the_map_is_valid()
    {
        var test = new VerifyKeys.Test
        {
            TestCode = $$"""static class Keys { public const string PaymentsKeyArn = {|#0:"{{Arn}}"|}; }""",
            FixedCode = """static class Keys { public const string PaymentsKeyArn = "alias/orders"; }""",
            CodeActionEquivalenceKey = UseAliasCodeFixProvider.UseAliasKey,
            CodeActionIndex = 0,
        }.WithAliasMap(ValidMap);
        test.ExpectedDiagnostics.Add(Kms0001(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Both_analyzers_together_report_the_map_and_the_key_arn_without_exceptions()
    {
        var result = await AnalyzerRunner.RunAsync(
            ImmutableArray.Create<DiagnosticAnalyzer>(new AliasMapAnalyzer(), new HardcodedKeyIdentifierAnalyzer()),
            new[] { ("/0/Test0.cs", $$"""static class Keys { public const string OrdersKeyArn = "{{Arn}}"; }""") },
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/kms-aliases.json", TrailingCommaMap)));

        Assert.Empty(result.Exceptions);
        Assert.Equal(
            new[]
            {
                "KMS0001 /0/Test0.cs (0,55)-(0,132): KMS key ARN of key '" + KeyId + "' in Region 'eu-west-1', account '" + Masked +
                    "', is hard-coded; refer to the key by an alias that KMS resolves in each Region",
                "KMS0100 /kms-aliases.json (7,4)-(7,4): Problem in KMS alias map 'kms-aliases.json': " + TrailingCommaMessage,
            },
            result.Diagnostics
                .Select(d => d.Id + " " + d.Location.GetLineSpan().Path + " " + d.Location.GetLineSpan().Span + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(s => s, System.StringComparer.Ordinal));
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
