using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Infrastructure;
using KmsAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Rules.AppSettingsKeyIdentifierAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>KMS0009: key ARNs and multi-Region key ids in appsettings*.json, at their line and column, and what is left alone.</summary>
public sealed class KMS0009AppSettingsKeyIdentifierTests
{
    private const string KeyId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Arn = "arn:aws:kms:eu-west-1:210987654321:key/" + KeyId;
    private const string MrkId = "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";
    private const string MrkArn = "arn:aws:kms:us-east-1:210987654321:key/" + MrkId;
    private const string ArnHolds = "the KMS key ARN of key '" + KeyId + "' in Region 'eu-west-1', account '********4321'";
    private const string MrkHolds = "the multi-Region KMS key ID '" + MrkId + "'";

    private static DiagnosticResult Kms0009(string path, int line, int column, int endColumn, string key, string holds) =>
        Verify.Diagnostic(DiagnosticIds.KeyIdentifierInAppSettings)
            .WithSpan(path, line, column, line, endColumn)
            .WithArguments(key, path.Substring(path.LastIndexOf('/') + 1), holds);

    private static Task Run((string Path, string Json)[] files, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = "class C { }" };
        foreach (var (path, json) in files)
            test.TestState.AdditionalFiles.Add((path, json));
        if (editorConfig is not null)
            test.WithEditorConfig(editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static Task Run(string path, string json, params DiagnosticResult[] expected) => Run(new[] { (path, json) }, null, expected);

    [Fact]
    public Task Reports_a_key_arn_at_its_value_with_the_configuration_key_and_the_account_masked()
    {
        var json = $$"""
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Kms": {
                "OrdersKeyArn": "{{Arn}}"
              }
            }
            """;
        var expected = Kms0009("/appsettings.json", 4, 21, 21 + Arn.Length + 2, "Kms:OrdersKeyArn", ArnHolds)
            .WithMessage("Setting 'Kms:OrdersKeyArn' in 'appsettings.json' holds the KMS key ARN of key '" + KeyId +
                "' in Region 'eu-west-1', account '********4321'; configure an alias that KMS resolves in each Region");
        return Run("/appsettings.json", json, expected);
    }

    [Fact]
    public Task Reports_a_raw_multi_Region_key_id() =>
        Run("/appsettings.json", $$"""{ "Kms": { "CustomerDataKeyId": "{{MrkId}}" } }""",
            Kms0009("/appsettings.json", 1, 33, 33 + MrkId.Length + 2, "Kms:CustomerDataKeyId", MrkHolds));

    [Fact]
    public Task Reports_a_multi_Region_key_arn_as_a_key_arn() =>
        Run("/appsettings.json", $$"""{"K":"{{MrkArn}}"}""",
            Kms0009("/appsettings.json", 1, 6, 6 + MrkArn.Length + 2, "K",
                "the KMS key ARN of key '" + MrkId + "' in Region 'us-east-1', account '********4321'"));

    [Theory]
    [InlineData("/appsettings.Production.json")]
    [InlineData("/appsettings.eu-west-1.json")]
    [InlineData("/APPSETTINGS.JSON")]
    [InlineData("/AppSettings.Development.Json")]
    [InlineData("/src/Orders.Api/config/appsettings.json")]
    [InlineData("/appsettings-old.json")]
    public Task Reports_in_every_appsettings_star_json_in_any_folder(string path) =>
        Run(path, $$$"""{"Kms":{"OrdersKeyArn":"{{{Arn}}}"}}""", Kms0009(path, 1, 24, 24 + Arn.Length + 2, "Kms:OrdersKeyArn", ArnHolds));

    [Theory]
    [InlineData("/settings.json")]
    [InlineData("/kms-aliases.json")]
    [InlineData("/appsettings.json.bak")]
    [InlineData("/appsettings.yaml")]
    [InlineData("/my-appsettings.json")]
    [InlineData("/launchSettings.json")]
    [InlineData("/appsettings/config.json")]
    public Task Ignores_json_files_that_are_not_appsettings(string path) =>
        Run(path, $$$"""{"Kms":{"OrdersKeyArn":"{{{Arn}}}"}}""");

    [Fact]
    public Task Reads_comments_and_trailing_commas_like_the_configuration_reader_and_ignores_identifiers_in_comments()
    {
        var json = $$"""
            // Orders service
            {
              /* "OldKeyArn": "{{Arn}}" */
              "Kms": {
                // "Previous": "{{MrkId}}",
                "OrdersKeyArn": "{{Arn}}", // eu-west-1
              },
            }
            """;
        return Run("/appsettings.json", json, Kms0009("/appsettings.json", 6, 21, 21 + Arn.Length + 2, "Kms:OrdersKeyArn", ArnHolds));
    }

    [Theory]
    [InlineData("{ \"Kms\": { \"OrdersKeyArn\": \"" + Arn + "\" }")]          // cut off
    [InlineData("{ \"Kms\": { \"OrdersKeyArn\": \"" + Arn + "\", } } }")]     // text after the root
    [InlineData("[ \"" + Arn + "\" ]")]                                       // the configuration root must be an object
    [InlineData("\"" + Arn + "\"")]
    [InlineData("{ \"Kms\": { \"OrdersKeyArn\": \"" + Arn + "\", \"ordersKeyArn\": \"x\" } }")] // duplicate key (without case)
    [InlineData("{ 'Kms': '" + Arn + "' }")]
    [InlineData("{ \"Kms\": \"" + Arn + "\" } /* open")]
    [InlineData("")]
    [InlineData("\0\0\0")]
    public Task Skips_a_file_the_configuration_reader_rejects_without_a_diagnostic(string json) => Run("/appsettings.json", json);

    [Theory]
    [InlineData("alias/orders")]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:alias/orders")]
    [InlineData(KeyId)]                                                          // a bare UUID could be anything
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/*")]
    [InlineData("arn:aws:kms:eu-west-1:{account}:key/" + KeyId)]
    [InlineData("arn:aws:kms:${AWS::Region}:210987654321:key/" + KeyId)]
    [InlineData(Arn + "-extra")]
    [InlineData("x" + Arn)]
    [InlineData("mrk-0B1C2D3E4F504A6B8C7D9E0F1A2B3C4D")]
    [InlineData(MrkId + "0")]
    [InlineData("orders/" + MrkId)]
    [InlineData("arn:aws:s3:::bucket/" + MrkId + "x")]
    [InlineData("arn:aws:kms:mars-north-1:210987654321:key/" + KeyId)]
    [InlineData("arn:aws:kms:eu-west-1:123456789012:key/" + KeyId)]              // documentation account
    [InlineData("arn:aws:kms:eu-west-1:111122223333:key/" + KeyId)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab")] // documentation key id
    [InlineData("mrk-1234abcd12ab34cd56ef1234567890ab")]
    [InlineData("")]
    public Task Ignores_values_that_are_not_key_identifiers_or_are_documentation_examples(string value) =>
        Run("/appsettings.json", "{ \"Kms\": { \"Key\": \"" + value + "\" } }");

    [Fact]
    public Task Ignores_identifiers_in_member_names_numbers_and_literals() =>
        Run("/appsettings.json", $$"""{ "{{Arn}}": true, "Ids": [1, 2.5, null, false], "{{MrkId}}": { } }""");

    [Fact]
    public Task Option_reports_documentation_accounts_and_example_key_ids()
    {
        const string DocArn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const string DocMrk = "mrk-1234abcd12ab34cd56ef1234567890ab";
        var json = $$"""
            {
              "A": "{{DocArn}}",
              "B": "{{DocMrk}}"
            }
            """;
        return Run(new[] { ("/appsettings.json", json) }, "kms_analyzers.report_documentation_accounts = true",
            Kms0009("/appsettings.json", 2, 8, 8 + DocArn.Length + 2, "A",
                "the KMS key ARN of key '1234abcd-12ab-34cd-56ef-1234567890ab' in Region 'us-west-2', account '********3333'"),
            Kms0009("/appsettings.json", 3, 8, 8 + DocMrk.Length + 2, "B", "the multi-Region KMS key ID '" + DocMrk + "'"));
    }

    [Fact]
    public Task Names_array_items_by_index_and_reports_each_value_once()
    {
        var json = $$"""
            {
              "Kms": {
                "Keys": [ "alias/orders", "{{Arn}}", { "Id": "{{MrkId}}" } ],
                "Both": "{{Arn}} {{MrkId}}"
              }
            }
            """;
        return Run("/appsettings.json", json,
            Kms0009("/appsettings.json", 3, 31, 31 + Arn.Length + 2, "Kms:Keys:1", ArnHolds),
            Kms0009("/appsettings.json", 3, 31 + Arn.Length + 2 + 10, 31 + Arn.Length + 2 + 10 + MrkId.Length + 2, "Kms:Keys:2:Id", MrkHolds),
            Kms0009("/appsettings.json", 4, 13, 13 + Arn.Length + MrkId.Length + 3, "Kms:Both", ArnHolds));
    }

    [Fact]
    public Task Reports_a_whole_token_inside_a_longer_value() =>
        Run("/appsettings.json", $$$"""{"ConnectionStrings":{"Vault":"KeyArn={{{Arn}}};Region=eu-west-1"}}""",
            Kms0009("/appsettings.json", 1, 31, 31 + Arn.Length + 26, "ConnectionStrings:Vault", ArnHolds));

    [Fact]
    public Task Reports_a_value_written_with_escapes_at_its_source_span()
    {
        var escaped = Arn.Replace("/", "\\/", System.StringComparison.Ordinal).Replace("k", "\\u006b", System.StringComparison.Ordinal);
        return Run("/appsettings.json", "{\"K\":\"" + escaped + "\"}", Kms0009("/appsettings.json", 1, 6, 6 + escaped.Length + 2, "K", ArnHolds));
    }

    [Theory]
    [InlineData("aws-cn", "cn-north-1")]
    [InlineData("aws-us-gov", "us-gov-west-1")]
    [InlineData("aws", "ap-southeast-7")]
    public Task Reports_key_arns_of_every_partition(string partition, string region)
    {
        var arn = $"arn:{partition}:kms:{region}:210987654321:key/{KeyId}";
        return Run("/appsettings.json", "{\"K\":\"" + arn + "\"}", Kms0009("/appsettings.json", 1, 6, 6 + arn.Length + 2, "K",
            $"the KMS key ARN of key '{KeyId}' in Region '{region}', account '********4321'"));
    }

    [Fact]
    public Task Counts_lines_and_columns_with_crlf_and_a_byte_order_mark() =>
        Run("/appsettings.json", "\uFEFF{\r\n\t\"Kms\": {\r\n\t\t\"OrdersKeyArn\": \"" + Arn + "\"\r\n\t}\r\n}\r\n",
            Kms0009("/appsettings.json", 3, 19, 19 + Arn.Length + 2, "Kms:OrdersKeyArn", ArnHolds));

    [Fact]
    public Task Reports_per_Region_files_and_leaves_the_other_json_files_alone() =>
        Run(new[]
        {
            ("/appsettings.json", "{ \"Kms\": { \"OrdersKey\": \"alias/orders\" } }"),
            ("/appsettings.eu-west-1.json", $$"""{ "Kms": { "OrdersKey": "{{Arn}}" } }"""),
            ("/kms-aliases.json", $$"""{ "Aliases": [ { "AliasName": "alias/orders", "TargetKeyId": "{{KeyId}}", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders" } ] }"""),
            ("/cdk.context.json", $$"""{ "key": "{{Arn}}" }"""),
        }, null, Kms0009("/appsettings.eu-west-1.json", 1, 25, 25 + Arn.Length + 2, "Kms:OrdersKey", ArnHolds));

    [Fact]
    public async Task Unreadable_and_huge_files_neither_throw_nor_report_more_than_their_values()
    {
        var big = "{ \"Keys\": [" + string.Join(",", Enumerable.Repeat("\"" + Arn + "\"", 20_000)) + "] }";
        var deep = new string('[', 100_000) + "\"" + Arn + "\"" + new string(']', 100_000);
        var result = await AnalyzerRunner.RunAsync(
            ImmutableArray.Create<DiagnosticAnalyzer>(new AppSettingsKeyIdentifierAnalyzer()),
            new[] { ("/0/Test0.cs", "class C { }") },
            ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText("/appsettings.json", null),
                new InMemoryAdditionalText("/appsettings.Big.json", big),
                new InMemoryAdditionalText("/appsettings.Deep.json", "{\"a\":" + deep + "}")));
        Assert.Empty(result.Exceptions);
        Assert.Equal(20_000, result.Diagnostics.Count(d => d.Id == DiagnosticIds.KeyIdentifierInAppSettings));
        Assert.All(result.Diagnostics, d => Assert.Equal("/appsettings.Big.json", d.Location.GetLineSpan().Path));
    }
}
