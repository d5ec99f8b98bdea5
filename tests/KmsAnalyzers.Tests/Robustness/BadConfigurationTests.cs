using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;
using static KmsAnalyzers.Tests.Robustness.RobustnessCorpus;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>
/// Issue item 5: malformed .editorconfig values and malformed, huge or contradictory <c>kms-aliases*.json</c> files get
/// a clear KMS0101 or KMS0100 (message names the key or file, location inside the file) and never an exception; the
/// rules keep reporting and their fixes keep working.
/// </summary>
public sealed class BadConfigurationTests
{
    private const string Source = "static class Keys { public const string OrdersKeyArn = \"" + Arn + "\"; }\n";
    private const string HomeRegionsExpected = "comma-separated AWS Region codes such as 'us-east-1,eu-west-1'";
    private readonly ITestOutputHelper _output;

    public BadConfigurationTests(ITestOutputHelper output) => _output = output;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = Harness.Analyzers;

    /// <summary>The source above, plus decrypts on a pinned client so that KMS0003 reads the home Regions.</summary>
    private static string SourceWithDecrypts(int decrypts)
    {
        var text = new StringBuilder(Usings + Source + "class Worker\n{\n    async Task Run(MemoryStream b)\n    {\n");
        for (var i = 0; i < decrypts; i++)
            text.Append("        await new AmazonKeyManagementServiceClient(RegionEndpoint.APSouth1).DecryptAsync(new DecryptRequest { CiphertextBlob = b });\n");
        return text.Append("    }\n}\n").ToString();
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        Tally tally, string name, IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? options = null, string? source = null)
    {
        tally.Input();
        var tree = CSharpSyntaxTree.ParseText(source ?? Source, new CSharpParseOptions(LanguageVersion.Preview), "/0/Keys.cs", Encoding.UTF8);
        var compilation = CSharpCompilation.Create("Config", new[] { tree }, await Harness.StubReferencesAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var values = new Dictionary<string, string>(options ?? new Dictionary<string, string>(), AnalyzerConfigOptions.KeyComparer);
        var analyzerOptions = InMemoryOptionsProvider.Create(files, new InMemoryOptionsProvider(values));
        return await Harness.AnalyzeCompilationAsync(compilation, analyzerOptions, concurrent: true, Analyzers, tally, name);
    }

    // ---- .editorconfig / .globalconfig values ----------------------------------------------------------------------

    /// <summary>Values as an .editorconfig file gives them (parsed by Roslyn in the workspace), and the KMS0101 values expected.</summary>
    public static TheoryData<string, string[]> EditorConfigs() => new()
    {
        { "kms_analyzers.derive_alias_names = maybe", new[] { "maybe" } },
        { "kms_analyzers.derive_alias_names = 1", new[] { "1" } },
        { "kms_analyzers.derive_alias_names = \"true\"", new[] { "\"true\"" } },
        // Roslyn's .editorconfig parser cuts a value at ' #' or ' ;' (an inline comment), so these two are valid values.
        { "kms_analyzers.derive_alias_names = true # inline comment", Array.Empty<string>() },
        { "kms_analyzers.home_regions = us-east-1; eu-west-1", Array.Empty<string>() },
        { "kms_analyzers.report_documentation_accounts = yes\nkms_analyzers.derive_alias_names = no", new[] { "yes", "no" } },
        { "kms_analyzers.report_documentation_accounts =    TRUE   ", Array.Empty<string>() },
        { "kms_analyzers.home_regions = us-east-1,,, eu-west-1 ,", Array.Empty<string>() },
        { "kms_analyzers.home_regions = ,,,", Array.Empty<string>() },
        { "kms_analyzers.home_regions = US-EAST-1, eu-west-1a, *, mars-1, ёлка-1, 🙂", new[] { "US-EAST-1", "eu-west-1a", "*", "mars-1", "ёлка-1", "🙂" } },
        { "kms_analyzers.KMS0003.home_regions = eu-west", new[] { "eu-west" } },
        { "KMS_ANALYZERS.DERIVE_ALIAS_NAMES = perhaps", new[] { "perhaps" } },
        { "kms_analyzers.derive_alias_names = maybe\nkms_analyzers.derive_alias_names = false", Array.Empty<string>() },
        { "kms_analyzers.home_regions\nkms_analyzers.derive_alias_names ==\n[*.cs\n= orphan value\nkms_analyzers.unknown_option = 42", new[] { "=", "42" } },
        { "kms_analyzers.home_region = us-east-1\nkms_analyzers.derive_alias_name = true", new[] { "us-east-1", "true" } },
    };

    [Theory]
    [MemberData(nameof(EditorConfigs))]
    public async Task Malformed_editorconfig_values_get_one_kms0101_each_and_the_rules_keep_working(string body, string[] invalidValues)
    {
        var tally = new Tally();
        var input = RobustInput.Single("editorconfig: " + body, SourceWithDecrypts(2), AliasMap, "root = true\n[*.cs]\n" + body + "\n");
        var project = await Harness.CreateProjectAsync(input);
        tally.Input();
        var analysis = await Harness.AnalyzeAsync(project, tally, input.Name);
        await Harness.RunEveryFixAsync(analysis, project.Documents.Single(), tally, input.Name);

        var reported = analysis.Diagnostics.Where(d => d.Id == "KMS0101").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        _output.WriteLine(body.Replace("\n", " / ", StringComparison.Ordinal) + " -> " + string.Join(" | ", reported));
        Assert.Equal(invalidValues.Length, reported.Count);
        foreach (var value in invalidValues)
            Assert.Contains(reported, m => m.Contains("has the invalid value '" + value + "' and is ignored", StringComparison.Ordinal));
        Assert.All(reported, m => Assert.StartsWith("Option 'kms_analyzers.", m, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(analysis.Diagnostics, d => d.Id == "KMS0001"); // the rules keep working with the defaults
        tally.AssertClean();
    }

    [Fact]
    public async Task Pathological_option_values_from_a_host_get_kms0101_and_never_an_exception()
    {
        var tally = new Tally();
        var values = new[]
        {
            "", " ", "\t", "\0", "true\0", "true\n", "\ntrue", "tr\u200Bue", "\uD800", "\uDC00true", "t r u e", "trueee",
            new string('x', 1 << 20), "false,true", "-1", "0", "null", "undefined",
        };
        foreach (var value in values)
        {
            foreach (var key in new[] { "kms_analyzers.derive_alias_names", "kms_analyzers.report_documentation_accounts", "kms_analyzers.home_regions", "kms_analyzers.KMS0003.home_regions" })
            {
                var diagnostics = await AnalyzeAsync(tally, key + "=" + Shorten(value), Array.Empty<AdditionalText>(),
                    new Dictionary<string, string> { [key] = value }, SourceWithDecrypts(1));
                Assert.Contains(diagnostics, d => d.Id == "KMS0001");
                Assert.All(diagnostics.Where(d => d.Id == "KMS0101"), d => Assert.Contains("Option '" + key + "'", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
        }

        tally.Print(_output, "Pathological option values");
        tally.AssertClean();
    }

    [Fact]
    public async Task Host_options_that_do_not_list_their_keys_are_read_without_an_exception()
    {
        var tally = new Tally();
        var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Preview), "/0/Keys.cs", Encoding.UTF8);
        var compilation = CSharpCompilation.Create("Config", new[] { tree }, await Harness.StubReferencesAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TryGetValueOnlyProvider("kms_analyzers.derive_alias_names", "maybe"));
        var diagnostics = await Harness.AnalyzeCompilationAsync(compilation, options, concurrent: true, Analyzers, tally, "options without Keys");
        Assert.Single(diagnostics, d => d.Id == "KMS0101");
        tally.AssertClean();
    }

    /// <summary>A host's options that answer TryGetValue but do not override <see cref="AnalyzerConfigOptions.Keys"/>.</summary>
    private sealed class TryGetValueOnlyProvider : AnalyzerConfigOptionsProvider
    {
        public TryGetValueOnlyProvider(string key, string value) => GlobalOptions = new Options(key, value);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly string _key;
            private readonly string _value;

            public Options(string key, string value)
            {
                _key = key;
                _value = value;
            }

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = AnalyzerConfigOptions.KeyComparer.Equals(key, _key) ? _value : null;
                return value is not null;
            }
        }
    }

    [Fact]
    public async Task Huge_home_region_lists_are_bounded_in_time()
    {
        var tally = new Tally();

        // 100,000 valid entries (1 MB), read by KMS0003 at each of 100 decrypts.
        var valid = string.Join(",", Enumerable.Repeat("us-east-1, eu-west-1", 50_000));
        var diagnostics = await AnalyzeAsync(tally, "100,000 valid home Regions", Array.Empty<AdditionalText>(),
            new Dictionary<string, string> { ["kms_analyzers.home_regions"] = valid }, SourceWithDecrypts(100));
        Assert.Equal(100, diagnostics.Count(d => d.Id == "KMS0003"));
        Assert.DoesNotContain(diagnostics, d => d.Id == "KMS0101");

        // 100,000 distinct invalid entries: one KMS0101 each, once per compilation.
        var invalid = string.Join(",", Enumerable.Range(0, 100_000).Select(i => "region-" + i.ToString(CultureInfo.InvariantCulture)));
        diagnostics = await AnalyzeAsync(tally, "100,000 invalid home Regions", Array.Empty<AdditionalText>(),
            new Dictionary<string, string> { ["kms_analyzers.home_regions"] = invalid }, SourceWithDecrypts(20));
        Assert.Equal(100_000, diagnostics.Count(d => d.Id == "KMS0101"));
        Assert.DoesNotContain(diagnostics, d => d.Id == "KMS0003"); // no valid home Region: the home-Region check is off

        tally.Print(_output, "Huge home Region lists");
        tally.AssertClean();
    }

    // ---- kms-aliases*.json -------------------------------------------------------------------------------------------

    private static readonly string Entry = $$"""{ "AliasName": "alias/orders", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders", "TargetKeyId": "{{KeyId}}" }""";

    /// <summary>Malformed maps, each with whether the whole file is ignored (else only entries are).</summary>
    public static TheoryData<string, string> MalformedMaps() => new()
    {
        { "empty file", "" },
        { "whitespace", "  \n\t " },
        { "BOM only", "\uFEFF" },
        { "null", "null" },
        { "a bare array", "[" + Entry + "]" },
        { "lower-case member", "{ \"aliases\": [" + Entry + "] }" },
        { "Aliases is null", "{ \"Aliases\": null }" },
        { "Aliases is an object", "{ \"Aliases\": {} }" },
        { "entries of every kind", "{ \"Aliases\": [1, \"x\", null, true, [], {}, " + Entry + "] }" },
        { "AliasName of wrong types", "{ \"Aliases\": [ { \"AliasName\": 1 }, { \"AliasName\": null }, { \"AliasName\": [\"alias/a\"] }, { \"AliasName\": \"alias/\" }, { \"AliasName\": \"alias/a b\" } ] }" },
        { "TargetKeyId of wrong types", "{ \"Aliases\": [ { \"AliasName\": \"alias/a\", \"TargetKeyId\": 1 }, { \"AliasName\": \"alias/b\", \"TargetKeyId\": {} }, { \"AliasName\": \"alias/c\", \"TargetKeyId\": \"arn:aws:kms:eu-west-1:210987654321:alias/c\" }, { \"AliasName\": \"alias/d\", \"TargetKeyId\": \"\" } ] }" },
        { "invalid escapes", "{ \"Aliases\": [ { \"AliasName\": \"alias/\\x41\" } ] }" },
        { "short unicode escape", "{ \"Aliases\": [ { \"AliasName\": \"alias/\\u12\" } ] }" },
        { "non-hex unicode escape", "{ \"Aliases\": [ { \"AliasName\": \"alias/\\uZZZZ\" } ] }" },
        { "escape at the end", "{ \"Aliases\": [ { \"AliasName\": \"alias/\\" },
        { "lone surrogate escapes", "{ \"Aliases\": [ { \"AliasName\": \"alias/\\uD800\", \"TargetKeyId\": \"\\uDC00" + KeyId + "\" } ] }" },
        { "raw lone surrogate and NUL", "{ \"Aliases\": [ { \"AliasName\": \"alias/\uD800\0\" } ] }" },
        { "control character", "{ \"Aliases\": [ { \"AliasName\": \"alias/a\u0001\" } ] }" },
        { "bad numbers", "{ \"Aliases\": [ { \"AliasName\": \"alias/a\", \"CreationDate\": - } ] }" },
        { "leading zero", "{ \"Aliases\": [ { \"AliasName\": \"alias/a\", \"CreationDate\": 01 } ] }" },
        { "dangling exponent", "{ \"Aliases\": [ { \"AliasName\": \"alias/a\", \"CreationDate\": 1e+ } ] }" },
        { "bad literal", "{ \"Aliases\": [ tru ] }" },
        { "unterminated string", "{ \"Aliases\": [ { \"AliasName\": \"alias/a" },
        { "unterminated object", "{ \"Aliases\": [ " + Entry },
        { "text after the value", "{ \"Aliases\": [] } trailing" },
        { "comment", "// list-aliases\n{ \"Aliases\": [] }" },
        { "trailing commas", "{ \"Aliases\": [ " + Entry + ", ], }" },
        { "single quotes", "{ 'Aliases': [] }" },
        { "YAML", "Aliases:\n- AliasName: alias/orders\n" },
        { "table output", "-------------\n|ListAliases|\n+-----------+\n" },
        { "nested 100,000 deep", new string('[', 100_000) + new string(']', 100_000) },
        { "nested 100,000 deep inside an entry", "{ \"Aliases\": [ { \"AliasName\": " + new string('[', 100_000) + new string(']', 100_000) + " } ] }" },
        { "unterminated nesting", "{ \"Aliases\": " + new string('[', 5_000) },
        { "conflicting targets for one alias ARN", "{ \"Aliases\": [ " + Entry + ", " + Entry.Replace(KeyId, PaymentsKeyId, StringComparison.Ordinal) + " ] }" },
    };

    [Theory]
    [MemberData(nameof(MalformedMaps))]
    public async Task Malformed_alias_map_gets_a_clear_kms0100_and_the_rules_keep_working(string shape, string json)
    {
        var tally = new Tally();
        const string Name = "kms-aliases.eu-west-1.json";
        var diagnostics = await AnalyzeAsync(tally, shape, new[] { new InMemoryAdditionalText("/0/" + Name, json) });
        var problems = diagnostics.Where(d => d.Id == "KMS0100").ToList();
        _output.WriteLine(shape + " -> " + string.Join(" | ", problems.Select(d => d.GetMessage(CultureInfo.InvariantCulture) + " @" + d.Location.GetLineSpan().StartLinePosition)));
        Assert.NotEmpty(problems);
        foreach (var problem in problems)
        {
            Assert.StartsWith("Problem in KMS alias map '" + Name + "': ", problem.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Equal("/0/" + Name, problem.Location.GetLineSpan().Path);
            Assert.InRange(problem.Location.SourceSpan.Start, 0, json.Length);
        }

        Assert.Single(diagnostics, d => d.Id == "KMS0001"); // the rules keep working without the map
        tally.AssertClean();
    }

    [Fact]
    public async Task Unreadable_alias_map_gets_kms0100_without_a_location()
    {
        var tally = new Tally();
        var diagnostics = await AnalyzeAsync(tally, "unreadable map", new[] { new InMemoryAdditionalText("/0/kms-aliases.json", null) });
        var problem = Assert.Single(diagnostics, d => d.Id == "KMS0100");
        Assert.Equal("Problem in KMS alias map 'kms-aliases.json': the file cannot be read", problem.GetMessage(CultureInfo.InvariantCulture));
        Assert.Single(diagnostics, d => d.Id == "KMS0001");
        tally.AssertClean();
    }

    [Fact]
    public async Task Duplicate_and_conflicting_aliases_are_merged_or_reported_never_thrown()
    {
        var tally = new Tally();
        var other = Entry.Replace(KeyId, PaymentsKeyId, StringComparison.Ordinal);
        var noArn = $$"""{ "AliasName": "alias/orders", "TargetKeyId": "{{PaymentsKeyId}}" }""";
        var upper = $$"""{ "AliasName": "alias/orders-upper", "TargetKeyId": "{{KeyId.ToUpperInvariant()}}" }""";
        var byArn = $$"""{ "AliasName": "alias/orders-by-arn", "TargetKeyId": "{{Arn}}" }""";
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText("/0/kms-aliases.json", "{ \"Aliases\": [ " + Entry + ", " + Entry + ", " + other + ", " + noArn + ", " + upper + ", " + byArn + " ] }"),
            new InMemoryAdditionalText("/0/kms-aliases.us-east-1.json", "{ \"Aliases\": [ " + Entry.Replace("eu-west-1", "us-east-1", StringComparison.Ordinal).Replace(KeyId, PaymentsKeyId, StringComparison.Ordinal) + " ] }"),
            new InMemoryAdditionalText("/0/KMS-ALIASES-COPY.JSON", "{ \"Aliases\": [ " + Entry + " ] }"),
            new InMemoryAdditionalText("/0/kms-aliases.json.bak", "not json at all"),
            new InMemoryAdditionalText("/0/kms-aliases", "not json at all"),
        };
        var diagnostics = await AnalyzeAsync(tally, "duplicates and conflicts", files);

        // Exact duplicate: silent. Same alias ARN, other target: one KMS0100 at the second entry. Same name without an ARN,
        // or in another Region's file: merged by design (docs/rules/KMS0100.md). Files with other names: ignored.
        var problem = Assert.Single(diagnostics, d => d.Id == "KMS0100");
        Assert.Equal("/0/kms-aliases.json", problem.Location.GetLineSpan().Path);
        Assert.Contains("is listed twice with different target keys; the second entry is ignored", problem.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var finding = Assert.Single(diagnostics, d => d.Id == "KMS0001");
        Assert.Equal(new[] { "alias/orders", "alias/orders-by-arn", "alias/orders-upper" }, Assert.Single(FixProperties.Read(finding.Properties).Aliases));
        tally.AssertClean();
    }

    [Fact]
    public async Task Huge_alias_maps_are_read_in_bounded_time()
    {
        var tally = new Tally();

        // 100,000 entries (about 17 MB), every one with a different key.
        var entries = Enumerable.Range(0, 100_000).Select(i =>
            $$"""{ "AliasName": "alias/key-{{i}}", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/key-{{i}}", "TargetKeyId": "{{"0b1c2d3e-4f50-4a6b-8c7d-" + i.ToString("x12", CultureInfo.InvariantCulture)}}", "CreationDate": "2024-03-01T10:00:00+00:00" }""");
        var big = "{ \"Aliases\": [\n" + string.Join(",\n", entries) + ",\n" + Entry + "\n] }";
        var diagnostics = await AnalyzeAsync(tally, "100,000 entries", new[] { new InMemoryAdditionalText("/0/kms-aliases.json", big) });
        Assert.DoesNotContain(diagnostics, d => d.Id == "KMS0100");
        Assert.Equal("alias/orders", Assert.Single(Assert.Single(FixProperties.Read(Assert.Single(diagnostics, d => d.Id == "KMS0001").Properties).Aliases)));

        // 5 MB of one entry repeated: every repeat after the first is an exact duplicate.
        var repeated = "{ \"Aliases\": [" + string.Join(",", Enumerable.Repeat(Entry, 5 * 1024 * 1024 / Entry.Length)) + "] }";
        diagnostics = await AnalyzeAsync(tally, "5 MB of duplicates", new[] { new InMemoryAdditionalText("/0/kms-aliases.json", repeated) });
        Assert.DoesNotContain(diagnostics, d => d.Id == "KMS0100");

        // 100,000 bad entries: one KMS0100 each, at its own position.
        var bad = "{ \"Aliases\": [" + string.Join(",", Enumerable.Repeat("{ \"AliasName\": \"orders\" }", 100_000)) + "] }";
        diagnostics = await AnalyzeAsync(tally, "100,000 bad entries", new[] { new InMemoryAdditionalText("/0/kms-aliases.json", bad) });
        Assert.Equal(100_000, diagnostics.Count(d => d.Id == "KMS0100"));
        Assert.Equal(100_000, diagnostics.Where(d => d.Id == "KMS0100").Select(d => d.Location.SourceSpan.Start).Distinct().Count());

        // A 5 MB string and a 5 MB number inside an entry.
        var longValues = "{ \"Aliases\": [ { \"AliasName\": \"alias/" + new string('a', 5 * 1024 * 1024) + "\", \"CreationDate\": " + new string('9', 5 * 1024 * 1024) + " }, " + Entry + " ] }";
        diagnostics = await AnalyzeAsync(tally, "5 MB string and number", new[] { new InMemoryAdditionalText("/0/kms-aliases.json", longValues) });
        Assert.Single(diagnostics, d => d.Id == "KMS0100"); // the alias name is longer than 256 characters

        tally.Print(_output, "Huge alias maps");
        tally.AssertClean();
    }

    [Fact]
    public async Task Every_prefix_deletion_and_seeded_mutation_of_an_alias_map_is_read_without_an_exception()
    {
        // Many variants as separate AdditionalFiles of one compilation: each is parsed and reported on its own.
        var tally = new Tally();
        var map = AliasMap;
        var variants = new List<(string Kind, string Json)>();
        for (var length = 0; length < map.TrimEnd().Length; length++)
            variants.Add(("prefix", map.Substring(0, length)));
        for (var i = 0; i < map.Length; i++)
            variants.Add(("deletion", map.Remove(i, 1)));
        var random = new Random(20_241_129);
        const string Alphabet = "{}[]:,\"\\/ \n\t0123456789eE+-.truefalsnu\uD800\uFEFF\0aA";
        for (var i = 0; i < 2_000; i++)
        {
            var chars = map.ToCharArray();
            for (var n = 1 + random.Next(3); n > 0; n--)
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            variants.Add(("mutation", new string(chars)));
        }

        var files = variants.Select((v, i) => (AdditionalText)new InMemoryAdditionalText($"/maps/kms-aliases-{i}.json", v.Json)).ToArray();
        var diagnostics = await AnalyzeAsync(tally, variants.Count + " alias map variants", files);
        var problemsByFile = diagnostics.Where(d => d.Id == "KMS0100").ToLookup(d => d.Location.GetLineSpan().Path);

        for (var i = 0; i < variants.Count; i++)
        {
            var (kind, json) = variants[i];
            var path = $"/maps/kms-aliases-{i}.json";
            foreach (var problem in problemsByFile[path])
                Assert.InRange(problem.Location.SourceSpan.Start, 0, json.Length);
            // Oracle: what System.Text.Json rejects, the alias map reader must report (a proper prefix is never JSON).
            if ((kind == "prefix" || IsJson(json) == false) && !problemsByFile[path].Any())
                tally.Problem(path, kind + " is not valid JSON but got no KMS0100: " + Shorten(json));
        }

        Assert.Single(diagnostics, d => d.Id == "KMS0001");
        tally.Print(_output, $"Alias map fuzzing ({variants.Count} variants in one compilation)");
        tally.AssertClean();
    }

    /// <summary>Whether System.Text.Json (strict: no comments, no trailing commas) accepts the text; null when it cannot say.</summary>
    private static bool? IsJson(string text)
    {
        var start = text.TrimStart(' ', '\t', '\r', '\n');
        if (start.StartsWith('\uFEFF'))
            start = start.Substring(1); // the alias map reader allows one BOM after leading whitespace
        try
        {
            using var document = JsonDocument.Parse(start);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return null; // a lone surrogate cannot be transcoded to UTF-8 at all
        }
    }

    private static string Shorten(string value) =>
        value.Length <= 60 ? value.Replace("\n", "\\n", StringComparison.Ordinal) : value.Substring(0, 60).Replace("\n", "\\n", StringComparison.Ordinal) + "…(" + value.Length + " chars)";
}
