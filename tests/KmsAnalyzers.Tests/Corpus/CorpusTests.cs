using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace KmsAnalyzers.Tests.Corpus;

/// <summary>
/// Recall and precision of every rule on the labelled corpus (<c>Corpus/Cases</c>, format in <c>Corpus/README.md</c>):
/// apps written as real ones are, compiled against the real AWS SDK, its DI setup, the ASP.NET Core framework and the
/// CDK, analysed by all our analyzers together as a build runs them.
/// </summary>
public sealed class CorpusTests
{
    private const double RecallTarget = 0.95;
    private const double PrecisionTarget = 0.98;

    private static readonly Regex Expectation = new(@"//~\s*(?<ids>(KMS\d{4}\s*)+)$", RegexOptions.CultureInvariant);
    private static readonly Regex MeasuredId = new(@"^KMS000[1-9]$", RegexOptions.CultureInvariant);

    private readonly ITestOutputHelper _output;

    public CorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Groups()
    {
        var data = new TheoryData<string>();
        foreach (var group in Directory.GetDirectories(CasesRoot).Select(Path.GetFileName).OrderBy(g => g, StringComparer.Ordinal))
            data.Add(group!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task Rules_find_what_the_corpus_labels_and_nothing_else(string group)
    {
        var cases = Directory.GetFiles(Path.Combine(CasesRoot, group), "*.case").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(cases);
        await ScoreAsync(group, cases, sdkV3: false);
    }

    /// <summary>
    /// The service cases again against the AWS SDK for .NET v3 (AWSSDK.KeyManagementService 3.3.105.18): the same
    /// labels must hold on the older surface. Cases that use the DI setup or the CDK (v4-only packages here), or a v4
    /// member, do not compile there and are left out; at least half of the candidates must remain.
    /// </summary>
    [Fact]
    public async Task Rules_find_the_same_on_the_sdk_v3_surface()
    {
        var candidates = Directory.GetDirectories(CasesRoot)
            .SelectMany(group => Directory.GetFiles(group, "*.case"))
            .Where(file => File.ReadAllText(file) is var text && !text.Contains("Amazon.CDK", StringComparison.Ordinal) &&
                           !text.Contains("Amazon.Extensions.NETCore.Setup", StringComparison.Ordinal) &&
                           text.Contains("Amazon.KeyManagementService", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        var compiled = await ScoreAsync("SDK v3", candidates, sdkV3: true);
        Assert.True(compiled * 2 >= candidates.Length, $"only {compiled} of {candidates.Length} service cases compile against SDK v3");
    }

    private async Task<int> ScoreAsync(string title, string[] cases, bool sdkV3)
    {
        var score = new Dictionary<string, (int Found, int Missed, int Extra)>(StringComparer.Ordinal);
        var details = new StringBuilder();
        var compiled = 0;
        foreach (var file in cases)
        {
            if (await CompareAsync(file, sdkV3) is not { } outcomes)
            {
                details.AppendLine($"  not compiled {Path.GetFileName(file)}");
                continue;
            }

            compiled++;
            foreach (var (finding, outcome) in outcomes)
            {
                Tally(score, finding.Id, outcome == Outcome.Found ? 1 : 0, outcome == Outcome.Missed ? 1 : 0, outcome == Outcome.Extra ? 1 : 0);
                if (outcome != Outcome.Found)
                    details.AppendLine($"  {outcome,-6} {finding.Id} {Path.GetFileName(file)} {finding.Path}:{finding.Line} {finding.Message}");
            }
        }

        var table = new StringBuilder($"{title}: {compiled} of {cases.Length} cases\n  rule     expected  found  missed  extra  recall  precision\n");
        var failures = new List<string>();
        foreach (var (id, (found, missed, extra)) in score.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var recall = found + missed == 0 ? 1.0 : (double)found / (found + missed);
            var precision = found + extra == 0 ? 1.0 : (double)found / (found + extra);
            table.AppendLine($"  {id}  {found + missed,8}  {found,5}  {missed,6}  {extra,5}  {recall,6:0.000}  {precision,9:0.000}");
            if (recall < RecallTarget || precision < PrecisionTarget)
                failures.Add($"{id}: recall {recall:0.000} (≥ {RecallTarget}), precision {precision:0.000} (≥ {PrecisionTarget})");
        }

        _output.WriteLine(table.ToString());
        _output.WriteLine(details.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + table + details);
        return compiled;
    }

    [Fact]
    public async Task The_corpus_counts_a_missed_and_an_extra_finding()
    {
        // A guard that cannot fail measures nothing: one right label, one label on the wrong line.
        var file = Path.Combine(Path.GetTempPath(), $"kms-corpus-{Guid.NewGuid():N}.case");
        File.WriteAllText(file, """
            // case: the harness itself
            // ---- Keys.cs
            public static class Keys
            {
                public const string Orders = "arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"; //~ KMS0001
                public const string Billing = //~ KMS0001
                    "arn:aws:kms:eu-west-1:210987654321:key/1c2d3e4f-5061-4b7c-8d9e-0f1a2b3c4d5e";
            }
            """);
        try
        {
            var outcomes = (await CompareAsync(file))!.Select(o => (o.Finding.Id, o.Finding.Line, o.Outcome)).OrderBy(o => o.Line).ToArray();
            Assert.Equal(new[] { ("KMS0001", 3, Outcome.Found), ("KMS0001", 4, Outcome.Missed), ("KMS0001", 5, Outcome.Extra) }, outcomes);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private enum Outcome
    {
        Found,
        Missed,
        Extra,
    }

    private static async Task<List<(Finding Finding, Outcome Outcome)>?> CompareAsync(string file, bool sdkV3 = false)
    {
        var corpusCase = CorpusCase.Read(file);
        if (await AnalyzeAsync(corpusCase, sdkV3) is not { } reported)
            return null;
        var expected = corpusCase.Expected.ToHashSet();
        var outcomes = expected.Select(e => (e, reported.Contains(e) ? Outcome.Found : Outcome.Missed)).ToList();
        outcomes.AddRange(reported.Where(r => !expected.Contains(r)).Select(r => (r, Outcome.Extra)));
        return outcomes;
    }

    private static void Tally(Dictionary<string, (int Found, int Missed, int Extra)> score, string id, int found, int missed, int extra)
    {
        score.TryGetValue(id, out var s);
        score[id] = (s.Found + found, s.Missed + missed, s.Extra + extra);
    }

    private static async Task<HashSet<Finding>?> AnalyzeAsync(CorpusCase corpusCase, bool sdkV3 = false)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = corpusCase.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path, Encoding.UTF8)).ToArray();
        var topLevel = trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var compilation = CSharpCompilation.Create(
            "Corpus", trees, sdkV3 ? SdkV3References.Value : References.Value,
            new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (sdkV3 && errors.Length > 0)
            return null; // written for v4 (a member v3 does not have): not a v3 case
        Assert.True(errors.Length == 0, $"{corpusCase.Name} does not compile:\n" + string.Join("\n", errors.Take(10)));

        var additional = corpusCase.AdditionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var analyzerExceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional), (e, _, _) => { lock (analyzerExceptions) analyzerExceptions.Add(e); }, concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers.Value, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.True(analyzerExceptions.Count == 0, $"{corpusCase.Name}: analyzer threw:\n" + string.Join("\n", analyzerExceptions));

        return diagnostics
            .Where(d => MeasuredId.IsMatch(d.Id) && d.Severity != DiagnosticSeverity.Hidden)
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                var text = d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) ?? "";
                var at = text.Length > 60 ? text.Substring(0, 60) + "…" : text;
                return new Finding(d.Id, span.Path, span.StartLinePosition.Line + 1,
                    $"at `{at.ReplaceLineEndings(" ")}`: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            })
            .ToHashSet();
    }

    private static string CasesRoot => Path.Combine(EndToEnd.Workspace.RepositoryRoot, "tests/KmsAnalyzers.Tests/Corpus/Cases");

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(() =>
        typeof(KmsAnalyzers.Rules.KmsCodeAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray());

    // Kept in step with the PackageDownload items of KmsAnalyzers.Tests.csproj.
    private static readonly (string Id, string Version, string Framework)[] SdkV3Packages =
    {
        ("AWSSDK.Core", "3.7.501.1", "netstandard2.0"),
        ("AWSSDK.KeyManagementService", "3.3.105.18", "netstandard2.0"),
    };

    private static readonly (string Id, string Version, string Framework)[] Packages =
    {
        ("AWSSDK.Core", "4.1.1", "net8.0"),
        ("AWSSDK.KeyManagementService", "4.1.0", "net8.0"),
        ("AWSSDK.Extensions.NETCore.Setup", "4.1.0.1", "net8.0"),
        ("Amazon.CDK.Lib", "2.103.0", "netcoreapp3.1"),
        ("Constructs", "10.0.5", "netcoreapp3.1"),
        ("Amazon.JSII.Runtime", "1.91.0", "netcoreapp3.1"),
    };

    /// <summary>
    /// The .NET and ASP.NET Core reference packs of the SDK that runs the tests, and the real packages (restored by
    /// the project's PackageDownload items into the global packages folder).
    /// </summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() => ReferencesWith(Packages));

    /// <summary>The same framework packs with the only v3 KMS SDK served here instead of v4, the DI setup and the CDK.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> SdkV3References = new(() => ReferencesWith(SdkV3Packages));

    private static ImmutableArray<MetadataReference> ReferencesWith((string Id, string Version, string Framework)[] packageList)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var framework = $"net{Environment.Version.Major}.0";
        var paths = new List<string>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var versions = Path.Combine(dotnetRoot, "packs", pack);
            var newest = Directory.GetDirectories(versions)
                .Where(d => Directory.Exists(Path.Combine(d, "ref", framework)))
                .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0), Comparer<Version>.Default)
                .Last();
            paths.AddRange(Directory.GetFiles(Path.Combine(newest, "ref", framework), "*.dll"));
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var (id, version, tfm) in packageList)
            paths.AddRange(Directory.GetFiles(Path.Combine(packages, id.ToLowerInvariant(), version, "lib", tfm), "*.dll"));
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private sealed record Finding(string Id, string Path, int Line, string Message)
    {
        // The message is what a reader sees; whether a finding was expected depends only on rule, file and line.
        public bool Equals(Finding? other) => other is not null && Id == other.Id && Path == other.Path && Line == other.Line;
        public override int GetHashCode() => HashCode.Combine(Id, Path, Line);
    }

    private sealed class CorpusCase
    {
        public string Name { get; private init; } = "";
        public List<(string Path, string Text)> Sources { get; } = new();
        public List<(string Path, string Text)> AdditionalFiles { get; } = new();
        public List<Finding> Expected { get; } = new();

        public static CorpusCase Read(string file)
        {
            var result = new CorpusCase { Name = Path.GetFileName(file) };
            var root = "/corpus/" + Path.GetFileNameWithoutExtension(file) + "/";
            string? path = null;
            var text = new StringBuilder();
            var line = 0;

            void Flush()
            {
                if (path is null)
                    return;
                (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? result.Sources : result.AdditionalFiles).Add((path, text.ToString()));
                text.Clear();
            }

            foreach (var raw in File.ReadAllLines(file))
            {
                if (raw.StartsWith("// ---- ", StringComparison.Ordinal))
                {
                    Flush();
                    path = root + raw.Substring("// ---- ".Length).Trim();
                    line = 0;
                    continue;
                }

                if (path is null)
                    continue; // the case's description
                line++;
                text.Append(raw).Append('\n');
                var match = Expectation.Match(raw.TrimEnd());
                if (match.Success)
                {
                    foreach (var id in match.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        result.Expected.Add(new Finding(id, path, line, ""));
                }
            }

            Flush();
            Assert.True(result.Sources.Count > 0, $"{result.Name} has no C# file");
            return result;
        }
    }
}
