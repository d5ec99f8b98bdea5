using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>
/// Issue item 3: all analyzers with concurrent execution over a 500-file compilation, many times, sequentially and
/// side by side, with fresh and with shared analyzer instances: the same diagnostics (id, location, message,
/// additional locations, properties) every time, equal to a non-concurrent run.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Files = 500;
    private readonly ITestOutputHelper _output;

    public ConcurrencyTests(ITestOutputHelper output) => _output = output;

    private static readonly string[] Endpoints = { "EUWest1", "EUWest2", "USEast1", "USWest2", "APSouth1" };
    private static readonly string[] Regions = { "eu-west-1", "eu-west-2", "us-east-1", "us-west-2", "ap-south-1" };

    private static string KeyId(int i) => "0b1c2d3e-4f50-4a6b-8c7d-" + i.ToString("x12", CultureInfo.InvariantCulture);

    private static string MrkId(int i) => "mrk-" + i.ToString("x32", CultureInfo.InvariantCulture);

    private static string Arn(int i, int region) => "arn:aws:kms:" + Regions[region % Regions.Length] + ":210987654321:key/" + KeyId(i);

    /// <summary>File i: a keys class (KMS0001, KMS0002), a worker with a pinned client (KMS0003 when Regions differ),
    /// the replica pattern, a grant, an interpolation, and half of a partial class whose other half is in file i ^ 1.</summary>
    internal static string File(int i)
    {
        var other = (i + 1) % Files;
        var clientRegion = i % Endpoints.Length;
        var keyRegion = (i / 3) % Regions.Length;
        var source = new StringBuilder(RobustnessCorpus.Usings);
        source.Append(CultureInfo.InvariantCulture, $$"""
            namespace Generated.N{{i / 2 % 7}};

            public static class Keys{{i}}
            {
                public const string OrdersKeyArn = "{{Arn(i, keyRegion)}}";
                public const string CustomerDataMrkId = "{{MrkId(i)}}";
                public const string Prefix = "arn:aws:kms:{{Regions[keyRegion]}}:210987654321:key/";
                public const string Composed = Prefix + "{{KeyId(i + 10_000)}}";
                public static readonly string Interpolated = $"{Prefix}{{KeyId(i + 20_000)}}";
                public static readonly byte[] Utf8 = "{{MrkId(i + 30_000)}}"u8.ToArray();
            }

            public sealed class Worker{{i}}
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.{{Endpoints[clientRegion]}});
                private readonly IAmazonKeyManagementService _replica = new AmazonKeyManagementServiceClient(RegionEndpoint.{{Endpoints[(clientRegion + i % 2) % Endpoints.Length]}});

                public Task<DecryptResponse> Decrypt(MemoryStream blob) =>
                    _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = Keys{{i}}.OrdersKeyArn });

                public Task<DecryptResponse> DecryptOther(MemoryStream blob) =>
                    _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = Generated.N{{other / 2 % 7}}.Keys{{other}}.OrdersKeyArn });

                public async Task Replica(MemoryStream plaintext)
                {
                    var encrypted = await _kms.EncryptAsync(new EncryptRequest { KeyId = "alias/orders", Plaintext = plaintext });
                    await _replica.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob });
                }

                public Task Grant() => _kms.CreateGrantAsync(new CreateGrantRequest { KeyId = "{{Arn(i + 40_000, i)}}", GranteePrincipal = "role" });

                public string Describe(string user) => $"{user} uses {{Arn(i + 50_000, i + 1)}} and {{MrkId(i + 60_000)}}";
            }

            public partial class Shared{{i / 2}}
            {

            """);
        source.Append(i % 2 == 0
            ? $"    private readonly IAmazonKeyManagementService _client = new AmazonKeyManagementServiceClient(RegionEndpoint.{Endpoints[(i / 2) % Endpoints.Length]});\n"
            : $"    public Task Run(MemoryStream b) => _client.DecryptAsync(new DecryptRequest {{ CiphertextBlob = b, KeyId = \"{Arn(i + 70_000, i / 2 + 1)}\" }});\n");
        source.Append("}\n");
        return source.ToString();
    }

    private static string AliasMap()
    {
        var entries = Enumerable.Range(0, Files).Where(i => i % 3 == 0)
            .Select(i => $$"""{ "AliasName": "alias/orders-{{i}}", "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders-{{i}}", "TargetKeyId": "{{KeyId(i)}}" }""")
            .Concat(Enumerable.Range(0, Files).Where(i => i % 5 == 0)
                .Select(i => $$"""{ "AliasName": "alias/customer-{{i}}", "TargetKeyId": "{{MrkId(i)}}" }"""));
        return "{ \"Aliases\": [\n" + string.Join(",\n", entries) + "\n] }";
    }

    /// <summary>Everything that identifies a diagnostic and what its fix will read.</summary>
    private static string Key(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var additional = string.Join(",", d.AdditionalLocations.Select(l => l.SourceTree?.FilePath + l.SourceSpan));
        var properties = string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        return $"{d.Id} {span.Path}{d.Location.SourceSpan} {d.GetMessage(CultureInfo.InvariantCulture)} [{additional}] {{{properties}}}";
    }

    private static ImmutableArray<DiagnosticAnalyzer> FreshAnalyzers() => Harness.CreateAnalyzers();

    [Fact]
    public Task Five_hundred_files_give_the_same_diagnostics_in_ten_concurrent_runs_as_in_a_sequential_one() =>
        RunAsync(concurrentRuns: 10, sideBySide: 2);

    [Fact]
    [Trait("Category", "Slow")]
    public Task Five_hundred_files_give_the_same_diagnostics_in_forty_concurrent_runs_four_side_by_side() =>
        RunAsync(concurrentRuns: 40, sideBySide: 4);

    private async Task RunAsync(int concurrentRuns, int sideBySide)
    {
        var tally = new Tally();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = Enumerable.Range(0, Files)
            .Select(i => CSharpSyntaxTree.ParseText(File(i), parseOptions, $"/gen/{i % 10}/File{i}.cs", Encoding.UTF8))
            .ToArray();
        var references = await Harness.StubReferencesAsync();
        var sequentialCompilation = CSharpCompilation.Create("Concurrency", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false, nullableContextOptions: NullableContextOptions.Enable));
        var concurrentCompilation = sequentialCompilation.WithOptions(sequentialCompilation.Options.WithConcurrentBuild(true));
        Assert.Empty(sequentialCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // Folder /gen/3/ pins home Regions (one of them invalid: KMS0101); one alias map is broken (KMS0100).
        var options = InMemoryOptionsProvider.Create(
            new AdditionalText[]
            {
                new InMemoryAdditionalText("/gen/kms-aliases.json", AliasMap()),
                new InMemoryAdditionalText("/gen/kms-aliases.broken.json", "{ \"Aliases\": [ { \"AliasName\": \"orders\" }, ] }"),
            },
            new InMemoryOptionsProvider(
                new Dictionary<string, string>(),
                path => path.StartsWith("/gen/3/", StringComparison.Ordinal)
                    ? new Dictionary<string, string> { ["kms_analyzers.home_regions"] = "us-east-1, eu-west-1, mars-1" }
                    : null));

        var baseline = (await Harness.AnalyzeCompilationAsync(sequentialCompilation, options, concurrent: false, FreshAnalyzers(), tally, "sequential"))
            .Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        tally.Input();
        var byId = baseline.GroupBy(k => k.Substring(0, 7)).ToDictionary(g => g.Key, g => g.Count());
        _output.WriteLine("sequential run: " + string.Join(", ", byId.OrderBy(p => p.Key).Select(p => p.Key + " x" + p.Value)));
        foreach (var id in new[] { "KMS0001", "KMS0002", "KMS0003", "KMS0100", "KMS0101" })
            Assert.True(byId.ContainsKey(id), id + " missing from the sequential run");

        var shared = FreshAnalyzers();
        var runs = new List<Func<Task<string[]>>>();
        for (var run = 0; run < concurrentRuns; run++)
        {
            var analyzers = run % 2 == 0 ? FreshAnalyzers() : shared;
            var name = "concurrent run " + run;
            runs.Add(async () => (await Harness.AnalyzeCompilationAsync(concurrentCompilation, options, concurrent: true, analyzers, tally, name))
                .Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        }

        // The first half one after another; the second half several at a time, sharing analyzer instances and caches.
        var results = new List<string[]>();
        foreach (var run in runs.Take(concurrentRuns / 2))
            results.Add(await run());
        foreach (var batch in runs.Skip(concurrentRuns / 2).Chunk(sideBySide))
            results.AddRange(await Task.WhenAll(batch.Select(r => Task.Run(r))));

        for (var i = 0; i < results.Count; i++)
        {
            tally.Input();
            var missing = baseline.Except(results[i]).Take(3).ToArray();
            var extra = results[i].Except(baseline).Take(3).ToArray();
            if (results[i].Length != baseline.Length || missing.Length > 0 || extra.Length > 0)
                tally.Problem("concurrent run " + i, $"{results[i].Length} diagnostics vs {baseline.Length}; missing: {string.Join(" | ", missing)}; extra: {string.Join(" | ", extra)}");
        }

        tally.Print(_output, $"Concurrency, {Files} files, 1 sequential + {concurrentRuns} concurrent runs ({sideBySide} side by side in the second half), {baseline.Length} diagnostics each");
        tally.AssertClean();
    }
}
