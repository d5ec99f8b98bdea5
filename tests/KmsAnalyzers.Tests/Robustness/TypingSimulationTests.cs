using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>
/// Issue item 1: code as it is typed. Every prefix of a file at token boundaries (and, in the slow run, every
/// character of each key literal as it is typed) and a seeded set of single-token deletions, each analyzed with every
/// analyzer; every diagnostic found along the way gets its code fixes registered and each action applied. Nothing may
/// throw. The fixes also get the complete file's diagnostics mapped onto each variant (stale spans, as the IDE may
/// pass them). Sources: the sample apps (LegacyKmsApp; KeyInfrastructure, the CDK sample, for KMS0006/KMS0007; read from the
/// repository) and the corpus in <see cref="RobustnessCorpus"/>.
/// </summary>
/// <remarks>
/// The default run analyzes every 13th (sample app) or 29th (corpus) prefix the way the IDE does on a keystroke (only
/// the edited document); the slow run (<c>Category=Slow</c>) analyzes every prefix over the whole compilation, as a
/// build does.
/// </remarks>
public sealed class TypingSimulationTests
{
    private readonly ITestOutputHelper _output;

    public TypingSimulationTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// The default run analyzes every 13th prefix of the sample app and every 29th of the CDK sample and the corpus:
    /// every 7th took 10-13 s on 2 cores for the sample app alone, more than the few seconds the default run may spend
    /// here. The slow run covers every prefix of all three.
    /// </summary>
    internal const int DefaultStride = 13;
    internal const int DefaultCorpusStride = 29;

    internal sealed record Plan(int Stride, int Deletions, bool CharacterLevel, bool WholeCompilation);

    private static readonly Plan Fast = new(Stride: DefaultStride, Deletions: 3, CharacterLevel: false, WholeCompilation: false);
    private static readonly Plan FastCorpus = new(Stride: DefaultCorpusStride, Deletions: 1, CharacterLevel: false, WholeCompilation: false);
    private static readonly Plan Full = new(Stride: 1, Deletions: 40, CharacterLevel: true, WholeCompilation: true);

    [Fact]
    public Task Sample_app_every_13th_prefix_as_typed_in_the_ide() => RunSampleAsync(Harness.SampleApp(), Fast, "Typing (fast), sample app", SampleFixes);

    [Fact]
    public Task Cdk_sample_app_every_29th_prefix_as_typed_in_the_ide() => RunSampleAsync(Harness.CdkSampleApp(), FastCorpus, "Typing (fast), CDK sample app", CdkSampleFixes);

    [Fact]
    public Task Corpus_every_29th_prefix_as_typed_in_the_ide() => RunCorpusAsync(FastCorpus, "Typing (fast), corpus", CorpusFixes);

    [Fact]
    [Trait("Category", "Slow")]
    public Task Sample_app_every_prefix_every_key_character_and_random_deletions() => RunSampleAsync(Harness.SampleApp(), Full, "Typing (slow), sample app", SampleFixes);

    [Fact]
    [Trait("Category", "Slow")]
    public Task Cdk_sample_app_every_prefix_every_key_character_and_random_deletions() => RunSampleAsync(Harness.CdkSampleApp(), Full, "Typing (slow), CDK sample app", CdkSampleFixes);

    [Fact]
    [Trait("Category", "Slow")]
    public Task Corpus_every_prefix_every_key_character_and_random_deletions() => RunCorpusAsync(Full, "Typing (slow), corpus", CorpusFixes);

    // Fix actions applied to the typed variants in the fast runs (counted when the suite began to assert them); the
    // slow runs type every prefix, a superset, so the same floor holds for them.
    private const int SampleFixes = 907;
    private const int CdkSampleFixes = 23;
    private const int CorpusFixes = 1493;

    private async Task RunSampleAsync(RobustInput sample, Plan plan, string label, int minFixes)
    {
        var tally = new Tally();
        foreach (var (path, _) in sample.Sources)
            await SimulateAsync(sample, path, plan, tally);
        tally.Print(_output, label);
        tally.AssertClean();
        tally.AssertFixedAtLeast(minFixes, 0);
    }

    private async Task RunCorpusAsync(Plan plan, string label, int minFixes)
    {
        var tally = new Tally();
        foreach (var entry in RobustnessCorpus.Entries)
            await SimulateAsync(entry.ToInput(), entry.ToInput().Sources[0].Path, plan, tally);
        tally.Print(_output, label);
        tally.AssertClean();
        tally.AssertFixedAtLeast(minFixes, 0);
    }

    /// <summary>Types <paramref name="path"/> of <paramref name="input"/> (the other files stay complete).</summary>
    internal static async Task SimulateAsync(RobustInput input, string path, Plan plan, Tally tally)
    {
        var project = await Harness.CreateProjectAsync(input);
        var document = project.Documents.Single(d => d.FilePath == path);
        var text = input.Sources.Single(s => s.Path == path).Text;

        var variants = new List<(string Label, string Text)>();
        var ends = Harness.TokenEnds(text);
        for (var i = 0; i < ends.Count; i++)
        {
            if (i % plan.Stride == 0 || i == ends.Count - 1)
                variants.Add(($"{input.Name}:{path} prefix {ends[i]}/{text.Length}", text.Substring(0, ends[i])));
        }

        if (plan.CharacterLevel)
        {
            foreach (var offset in Harness.OffsetsInsideKeyLiterals(text))
                variants.Add(($"{input.Name}:{path} typing a key literal, prefix {offset}/{text.Length}", text.Substring(0, offset)));
        }

        foreach (var span in Harness.RandomTokenSpans(text, plan.Deletions, StableSeed(input.Name + path)))
            variants.Add(($"{input.Name}:{path} without the token at {span}", text.Remove(span.Start, span.Length)));

        // The complete file's diagnostics, to be handed to the fixes of every variant as the IDE hands them a diagnostic
        // computed on an older snapshot and mapped onto the current one: same properties, spans that may now point anywhere.
        var complete = await Harness.AnalyzeAsync(project, tally, input.Name + ":" + path + " complete", document: document);
        var completeTree = await document.GetSyntaxTreeAsync();
        var stale = complete.Diagnostics.Where(d => d.Location.SourceTree == completeTree).ToList();

        await Parallel.ForEachAsync(variants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (variant, _) =>
        {
            var edited = document.WithText(SourceText.From(variant.Text));
            tally.Input();
            var analysis = await Harness.AnalyzeAsync(edited.Project, tally, variant.Label, document: plan.WholeCompilation ? null : edited);
            await Harness.RunEveryFixAsync(analysis, edited, tally, variant.Label);

            var tree = (await edited.GetSyntaxTreeAsync())!;
            foreach (var diagnostic in stale)
            {
                foreach (var action in await Harness.GetActionsAsync(edited, MapOnto(diagnostic, tree), tally, variant.Label + " (stale " + diagnostic.Id + ")"))
                    await Harness.ApplyAsync(action, edited.Project.Solution, tally, variant.Label + " (stale " + diagnostic.Id + ")");
            }
        });
    }

    /// <summary>The diagnostic with its locations moved onto <paramref name="tree"/>, clamped to its length.</summary>
    internal static Diagnostic MapOnto(Diagnostic diagnostic, SyntaxTree tree)
    {
        var length = tree.Length;
        Location Map(Location location)
        {
            var start = Math.Min(location.SourceSpan.Start, length);
            return Location.Create(tree, TextSpan.FromBounds(start, Math.Min(location.SourceSpan.End, length)));
        }

        return Diagnostic.Create(diagnostic.Descriptor, Map(diagnostic.Location), diagnostic.AdditionalLocations.Select(Map), diagnostic.Properties,
            "stale", "stale", "stale", "stale");
    }

    /// <summary>A seed that is the same in every process (string.GetHashCode is randomized per process).</summary>
    internal static int StableSeed(string s)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in s)
                hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
