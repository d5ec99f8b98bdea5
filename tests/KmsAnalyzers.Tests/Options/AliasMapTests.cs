using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using KmsAnalyzers.Options;
using KmsAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KmsAnalyzers.Tests.Options;

/// <summary>Reading <c>aws kms list-aliases --output json</c> files and merging them into one key id → aliases map.</summary>
public sealed class AliasMapTests
{
    private const string Uuid = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Mrk = "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";
    private const string PaymentsKeyId = "11111111-2222-4333-8444-555555555555";
    private const string AwsManagedKeyId = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    private const string RootProblem =
        "expected an object with an \"Aliases\" array, as 'aws kms list-aliases --output json' prints; the file is ignored";
    private const string EntryProblem = "an entry of \"Aliases\" is not an object; the entry is ignored";
    private const string AliasNameProblem = "\"AliasName\" must be a string 'alias/<name>'; the entry is ignored";

    // What AWS CLI v2 prints, including AWS managed aliases with and without a key behind them.
    private const string EuWest1 = $$"""
        {
            "Aliases": [
                {
                    "AliasName": "alias/aws/dynamodb",
                    "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/aws/dynamodb"
                },
                {
                    "AliasName": "alias/aws/ebs",
                    "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/aws/ebs",
                    "TargetKeyId": "{{AwsManagedKeyId}}",
                    "CreationDate": "2021-06-14T08:12:44.518000+00:00",
                    "LastUpdatedDate": "2021-06-14T08:12:44.518000+00:00"
                },
                {
                    "AliasName": "alias/orders",
                    "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders",
                    "TargetKeyId": "{{Uuid}}",
                    "CreationDate": "2024-03-01T10:00:00.123000+00:00",
                    "LastUpdatedDate": "2024-03-02T11:30:00+00:00"
                },
                {
                    "AliasName": "alias/customer-data",
                    "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/customer-data",
                    "TargetKeyId": "{{Mrk}}",
                    "CreationDate": "2024-03-01T10:00:00+00:00",
                    "LastUpdatedDate": "2024-03-01T10:00:00+00:00"
                },
                {
                    "AliasName": "alias/Orders-legacy",
                    "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/Orders-legacy",
                    "TargetKeyId": "{{Uuid}}",
                    "CreationDate": "2019-01-01T00:00:00+00:00",
                    "LastUpdatedDate": "2019-01-01T00:00:00+00:00"
                }
            ]
        }
        """;

    // CLI v1 prints dates as epoch seconds; a key ARN in TargetKeyId is accepted as well.
    private const string UsEast1 = $$"""
        {"Aliases": [
          {"AliasName": "alias/aws/s3", "AliasArn": "arn:aws:kms:us-east-1:210987654321:alias/aws/s3",
           "TargetKeyId": "arn:aws:kms:us-east-1:210987654321:key/{{AwsManagedKeyId}}", "CreationDate": 1521565045.512, "LastUpdatedDate": 1521565045.512},
          {"AliasName": "alias/orders_archive", "AliasArn": "arn:aws:kms:us-east-1:210987654321:alias/orders_archive",
           "TargetKeyId": "{{Uuid}}", "CreationDate": 1.7092872E9, "LastUpdatedDate": 1709287200},
          {"AliasName": "alias/orders", "AliasArn": "arn:aws:kms:us-east-1:210987654321:alias/orders", "TargetKeyId": "{{Uuid}}"},
          {"AliasName": "alias/customer-data-us", "AliasArn": "arn:aws:kms:us-east-1:210987654321:alias/customer-data-us",
           "TargetKeyId": "arn:aws:kms:us-east-1:210987654321:key/{{Mrk}}"},
          {"AliasName": "alias/payments", "AliasArn": "arn:aws:kms:us-east-1:210987654321:alias/payments",
           "TargetKeyId": "arn:aws:kms:us-east-1:210987654321:key/{{PaymentsKeyId}}"},
          {"AliasName": "alias/unused", "AliasArn": "arn:aws:kms:us-east-1:210987654321:alias/unused", "TargetKeyId": null}
        ], "Truncated": false}
        """;

    [Fact]
    public void Reads_list_aliases_output_and_skips_aws_managed_aliases()
    {
        var file = AliasMapFile.Parse(EuWest1);
        Assert.Empty(file.Problems);
        Assert.Equal(
            $"{Uuid}=alias/orders,alias/Orders-legacy; {Mrk}=alias/customer-data",
            Dump(file));
    }

    [Fact]
    public void Reads_epoch_dates_and_key_arns_in_target_key_id()
    {
        var file = AliasMapFile.Parse(UsEast1);
        Assert.Empty(file.Problems);
        Assert.Equal(
            $"{Uuid}=alias/orders_archive,alias/orders; {PaymentsKeyId}=alias/payments; {Mrk}=alias/customer-data-us",
            Dump(file));
    }

    [Fact]
    public void Merges_one_file_per_region_with_aliases_in_ordinal_order()
    {
        var euWest1 = AliasMapFile.Parse(EuWest1);
        var usEast1 = AliasMapFile.Parse(UsEast1);

        foreach (var map in new[] { AliasMap.Create(new[] { euWest1, usEast1 }), AliasMap.Create(new[] { usEast1, euWest1 }) })
        {
            Assert.Equal(new[] { "alias/Orders-legacy", "alias/orders", "alias/orders_archive" }, map.AliasesFor(Uuid));
            Assert.Equal(new[] { "alias/customer-data", "alias/customer-data-us" }, map.AliasesFor(Mrk));
            Assert.Equal(new[] { "alias/payments" }, map.AliasesFor(PaymentsKeyId));
            Assert.Empty(map.AliasesFor(AwsManagedKeyId));
            Assert.Empty(map.AliasesFor("99999999-9999-4999-8999-999999999999"));
            Assert.Empty(map.AliasesFor("arn:aws:kms:us-east-1:210987654321:key/" + PaymentsKeyId));
        }

        // The parsed files are cached and shared: merging must not reorder them.
        Assert.Equal($"{Uuid}=alias/orders,alias/Orders-legacy; {Mrk}=alias/customer-data", Dump(euWest1));
    }

    [Fact]
    public void Merging_nothing_or_only_broken_files_gives_the_empty_map()
    {
        Assert.Same(AliasMap.Empty, AliasMap.Create(Array.Empty<AliasMapFile>()));
        Assert.Same(AliasMap.Empty, AliasMap.Create(new[] { AliasMapFile.Parse("{\"Aliases\":[],}"), AliasMapFile.Parse("{\"Aliases\":[]}") }));
        Assert.Empty(AliasMap.Empty.AliasesFor(Uuid));
    }

    [Fact]
    public void Same_alias_listed_twice_for_the_same_key_is_kept_once()
    {
        var file = AliasMapFile.Parse($$"""
            {"Aliases":[
              {"AliasName":"alias/orders","AliasArn":"arn:aws:kms:eu-west-1:210987654321:alias/orders","TargetKeyId":"{{Uuid}}"},
              {"AliasName":"alias/orders","AliasArn":"arn:aws:kms:eu-west-1:210987654321:alias/orders","TargetKeyId":"arn:aws:kms:eu-west-1:210987654321:key/{{Uuid}}"},
              {"AliasName":"alias/orders","TargetKeyId":"{{Uuid}}"}
            ]}
            """);
        Assert.Empty(file.Problems);
        Assert.Equal($"{Uuid}=alias/orders", Dump(file));
    }

    [Fact]
    public void Accepts_the_longest_alias_name_and_every_allowed_character()
    {
        var longest = "alias/" + new string('a', 250);
        var file = AliasMapFile.Parse($$"""
            {"Aliases":[{"AliasName":"{{longest}}","TargetKeyId":"{{Uuid}}"},{"AliasName":"alias/Team_1/orders-v2:prod","TargetKeyId":"{{Uuid}}"}]}
            """);
        Assert.Empty(file.Problems);
        Assert.Equal(new[] { longest, "alias/Team_1/orders-v2:prod" }, file.AliasesByKeyId[Uuid]);
    }

    [Theory]
    // Not the list-aliases shape at all
    [InlineData("[]", RootProblem, 0)]
    [InlineData("  \"Aliases\"", RootProblem, 2)]
    [InlineData("\r\n42", RootProblem, 2)]
    [InlineData("null", RootProblem, 0)]
    [InlineData("{}", RootProblem, 0)]
    [InlineData(" {\"Aliases\":{}}", RootProblem, 1)]
    [InlineData("{\"Aliases\":null}", RootProblem, 0)]
    [InlineData("{\"Aliases\":\"alias/orders\"}", RootProblem, 0)]
    [InlineData("{\"aliases\":[]}", RootProblem, 0)]
    [InlineData("{\"KeyAliases\":[]}", RootProblem, 0)]
    // An entry that is not an object
    [InlineData("{\"Aliases\":[\"alias/orders\"]}", EntryProblem, 12)]
    [InlineData("{\"Aliases\":[[]]}", EntryProblem, 12)]
    [InlineData("{\"Aliases\":[null]}", EntryProblem, 12)]
    [InlineData("{\"Aliases\": [ 7 ]}", EntryProblem, 14)]
    // A bad AliasName, reported at its entry
    [InlineData("{\"Aliases\":[{\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":null,\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":7,\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":[\"alias/orders\"]}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":\"orders\",\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":\"alias/\",\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":\"Alias/orders\",\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":\"alias/bad name\",\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":\"alias/orders*\",\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":\"alias/caf\\u00e9\",\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":\" alias/orders\",\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"AliasName\":\"arn:aws:kms:eu-west-1:210987654321:alias/orders\",\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\":[{\"aliasName\":\"alias/orders\",\"TargetKeyId\":\"" + Uuid + "\"}]}", AliasNameProblem, 12)]
    [InlineData("{\"Aliases\": [\n  {\"AliasName\":\"orders\"}]}", AliasNameProblem, 16)]
    public void Reports_schema_problem_with_message_and_offset(string json, string message, int position)
    {
        var file = AliasMapFile.Parse(json);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(message, problem.Message);
        Assert.Equal(position, problem.Position);
        Assert.Empty(file.AliasesByKeyId);
    }

    [Fact]
    public void Reports_an_alias_name_one_character_too_long()
    {
        var file = AliasMapFile.Parse("{\"Aliases\":[{\"AliasName\":\"alias/" + new string('a', 251) + "\",\"TargetKeyId\":\"" + Uuid + "\"}]}");
        var problem = Assert.Single(file.Problems);
        Assert.Equal((AliasNameProblem, 12), (problem.Message, problem.Position));
    }

    [Theory]
    [InlineData("\"not-a-key\"")]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[\"" + Uuid + "\"]")]
    [InlineData("\"alias/other\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:210987654321:alias/other\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:210987654321:key/*\"")]
    [InlineData("\"arn:aws:kms:cn-north-1:210987654321:key/" + Uuid + "\"")]
    [InlineData("\"arn:aws:s3:::bucket\"")]
    [InlineData("\"0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d\"")]
    [InlineData("\"{" + Uuid + "}\"")]
    [InlineData("\" " + Uuid + "\"")]
    [InlineData("\"" + Uuid + "\\n\"")]
    [InlineData("\"mrk-0B1C2D3E4F504A6B8C7D9E0F1A2B3C4D\"")]
    [InlineData("\"MRK-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d\"")]
    public void Reports_target_key_id_that_is_not_a_key_id_at_the_value(string target)
    {
        //                 0         1         2         3         4         5    5
        //                 0123456789012345678901234567890123456789012345678901234
        var json = "{\"Aliases\":[{\"AliasName\":\"alias/orders\",\"TargetKeyId\":" + target + "}]}";
        var file = AliasMapFile.Parse(json);
        var problem = Assert.Single(file.Problems);
        Assert.Equal("\"TargetKeyId\" of 'alias/orders' is not a KMS key id; the entry is ignored", problem.Message);
        Assert.Equal(54, problem.Position);
        Assert.Empty(file.AliasesByKeyId);
    }

    [Fact]
    public void Aws_managed_and_unmapped_aliases_are_skipped_without_checking_their_target()
    {
        var file = AliasMapFile.Parse("""
            {"Aliases":[
              {"AliasName":"alias/aws/s3","TargetKeyId":"not-a-key"},
              {"AliasName":"alias/aws/lambda","TargetKeyId":42},
              {"AliasName":"alias/pending"},
              {"AliasName":"alias/pending-null","TargetKeyId":null}
            ]}
            """);
        Assert.Empty(file.Problems);
        Assert.Empty(file.AliasesByKeyId);
    }

    [Fact]
    public void Reports_the_second_entry_of_an_alias_arn_listed_with_two_different_targets()
    {
        var json = $$"""
            {"Aliases":[
              {"AliasName":"alias/orders","AliasArn":"arn:aws:kms:eu-west-1:210987654321:alias/orders","TargetKeyId":"{{Uuid}}"},
              {"AliasName":"alias/orders","AliasArn":"arn:aws:kms:eu-west-1:210987654321:alias/orders","TargetKeyId":"{{PaymentsKeyId}}"},
              {"AliasName":"alias/orders","AliasArn":"arn:aws:kms:us-east-1:210987654321:alias/orders","TargetKeyId":"{{PaymentsKeyId}}"}
            ]}
            """;
        var file = AliasMapFile.Parse(json);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(
            "Alias 'alias/orders' in Region 'eu-west-1' is listed twice with different target keys; the second entry is ignored",
            problem.Message);
        Assert.Equal(json.IndexOf("{\"AliasName\"", json.IndexOf(Uuid, StringComparison.Ordinal), StringComparison.Ordinal), problem.Position);
        Assert.Equal(161, problem.Position);
        Assert.Equal($"{Uuid}=alias/orders; {PaymentsKeyId}=alias/orders", Dump(file));
    }

    [Fact]
    public void Bad_entries_are_skipped_one_by_one_and_the_rest_is_read()
    {
        var json = $$"""
            {"Aliases":[
              {"AliasName":"alias/orders","TargetKeyId":"{{Uuid}}"},
              {"AliasName":"alias/bad name","TargetKeyId":"{{Uuid}}"},
              "alias/loose",
              {"AliasName":"alias/typo","TargetKeyId":"{{Uuid}}x"},
              {"AliasName":"alias/orders-v2","TargetKeyId":"{{Uuid}}"}
            ]}
            """;
        var file = AliasMapFile.Parse(json);
        Assert.Equal(
            new[]
            {
                (AliasNameProblem, json.IndexOf("{\"AliasName\":\"alias/bad name\"", StringComparison.Ordinal)),
                (EntryProblem, json.IndexOf("\"alias/loose\"", StringComparison.Ordinal)),
                ("\"TargetKeyId\" of 'alias/typo' is not a KMS key id; the entry is ignored", json.IndexOf("\"" + Uuid + "x\"", StringComparison.Ordinal)),
            },
            file.Problems.Select(p => (p.Message, p.Position)));
        Assert.Equal(new[] { 100, 187, 244 }, file.Problems.Select(p => p.Position));
        Assert.Equal($"{Uuid}=alias/orders,alias/orders-v2", Dump(file));
    }

    [Theory]
    [InlineData("{\"Aliases\":[{\"AliasName\":\"alias/orders\",\"TargetKeyId\":\"" + Uuid + "\"},]}", "unexpected character ']', expected a value", 94)]
    [InlineData("{\"Aliases\":[],}", "expected a property name in double quotes", 14)]
    [InlineData("// eu-west-1\n{\"Aliases\":[]}", "unexpected character '/', expected a value", 0)]
    [InlineData("{'Aliases':[]}", "expected a property name in double quotes", 1)]
    [InlineData("{\"Aliases\":[]", "expected '}' but found end of file", 13)]
    [InlineData("", "unexpected end of file, expected a value", 0)]
    [InlineData("{\"Aliases\":[]}\n{\"Aliases\":[]}", "unexpected text after the JSON value", 15)]
    public void Malformed_json_ignores_the_whole_file(string json, string message, int position)
    {
        var file = AliasMapFile.Parse(json);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(message + "; the file is ignored", problem.Message);
        Assert.Equal(position, problem.Position);
        Assert.Empty(file.AliasesByKeyId);
    }

    [Fact]
    public void Deep_nesting_is_a_problem_not_a_crash()
    {
        var file = AliasMapFile.Parse("{\"Aliases\":" + new string('[', 10_000) + new string(']', 10_000) + "}");
        var problem = Assert.Single(file.Problems);
        Assert.Equal("nesting deeper than 64 levels; the file is ignored", problem.Message);
        Assert.Equal(11 + 64, problem.Position);
    }

    [Theory]
    [InlineData("/kms-aliases.json", true)]
    [InlineData("/repo/config/kms-aliases.eu-west-1.json", true)]
    [InlineData("/repo/kms-aliases-prod.json", true)]
    [InlineData("/KMS-ALIASES.eu-west-1.JSON", true)]
    [InlineData("kms-aliases.Json", true)]
    [InlineData("/aliases.json", false)]
    [InlineData("/my-kms-aliases.json", false)]
    [InlineData("/kms-aliases.json.bak", false)]
    [InlineData("/kms-aliases.jsonc", false)]
    [InlineData("/kms-aliases", false)]
    [InlineData("/kms-aliases.json/readme.txt", false)]
    [InlineData("/kms_aliases.json", false)]
    public void Alias_map_files_are_kms_aliases_star_json_in_any_case(string path, bool expected) =>
        Assert.Equal(expected, AliasMapFile.IsAliasMapPath(path));

    [Fact]
    public void Reads_a_huge_map()
    {
        const int Count = 50_000;
        var json = new StringBuilder("{\n  \"Aliases\": [\n");
        for (var i = 0; i < Count; i++)
        {
            // Every key has two aliases; every tenth alias is AWS managed and skipped.
            var keyId = KeyId(i / 2);
            var name = i % 10 == 9 ? "alias/aws/service" + i.ToString(CultureInfo.InvariantCulture) : "alias/app-" + i.ToString(CultureInfo.InvariantCulture);
            json.Append("    {\"AliasName\": \"").Append(name)
                .Append("\", \"AliasArn\": \"arn:aws:kms:eu-west-1:210987654321:").Append(name)
                .Append("\", \"TargetKeyId\": \"").Append(keyId)
                .Append("\", \"CreationDate\": \"2024-03-01T10:00:00+00:00\", \"LastUpdatedDate\": \"2024-03-01T10:00:00+00:00\"}")
                .Append(i == Count - 1 ? "\n" : ",\n");
        }

        json.Append("  ]\n}\n");
        var file = AliasMapFile.Parse(json.ToString());
        Assert.Empty(file.Problems);
        Assert.Equal(Count / 2, file.AliasesByKeyId.Count);
        Assert.Equal(Count - Count / 10, file.AliasesByKeyId.Values.Sum(v => v.Count));

        var map = AliasMap.Create(new[] { file });
        Assert.Equal(new[] { "alias/app-0", "alias/app-1" }, map.AliasesFor(KeyId(0)));
        Assert.Equal(new[] { "alias/app-49998" }, map.AliasesFor(KeyId(24_999)));

        static string KeyId(int n) => "0b1c2d3e-4f50-4a6b-8c7d-" + n.ToString("x12", CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Reads_a_key_with_many_aliases()
    {
        const int Count = 5_000;
        var entries = Enumerable.Range(0, Count)
            .Select(i => "{\"AliasName\":\"alias/a" + i.ToString("d5", CultureInfo.InvariantCulture) + "\",\"TargetKeyId\":\"" + Uuid + "\"}");
        var file = AliasMapFile.Parse("{\"Aliases\":[" + string.Join(",", entries.Reverse()) + "]}");
        Assert.Empty(file.Problems);
        var aliases = AliasMap.Create(new[] { file }).AliasesFor(Uuid);
        Assert.Equal(Count, aliases.Length);
        Assert.Equal("alias/a00000", aliases[0]);
        Assert.Equal("alias/a04999", aliases[Count - 1]);
    }

    /// <summary>Key ids in ordinal order, each with its aliases in file order.</summary>
    private static string Dump(AliasMapFile file) =>
        string.Join("; ", file.AliasesByKeyId.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + string.Join(",", pair.Value)));

    [Fact]
    public void Additional_files_are_merged_once_per_analyzer_options()
    {
        var orders = new InMemoryAdditionalText("kms-aliases.eu-west-1.json", EuWest1);
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(orders));
        var other = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        var first = AliasMap.FromAdditionalFiles(options, default);

        Assert.Same(first, AliasMap.FromAdditionalFiles(options, default));
        Assert.Equal(new[] { "alias/Orders-legacy", "alias/orders" }, first.AliasesFor(Uuid));
        Assert.Empty(AliasMap.FromAdditionalFiles(other, default).AliasesFor(Uuid));
    }
}
