using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Benchmarks.Infrastructure;
using KmsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Benchmarks.Analyzers;

/// <summary>An edited large document and the compilation that holds it.</summary>
internal sealed record LargeDocumentEdit(CSharpCompilation Compilation, SyntaxTree Tree);

/// <summary>What analyzers reported, their execution-time telemetry, and how many exceptions they threw.</summary>
internal sealed record AnalysisResult(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyDictionary<string, TimeSpan> ExecutionTimes, int Exceptions)
{
    public AnalyzerRun ToRun(string name, TimeSpan wall, TimeSpan cpu, long allocated) => new(
        name, wall, cpu, allocated, ExecutionTimes,
        Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()), Exceptions);
}

/// <summary>What one measured run did and cost.</summary>
internal sealed record AnalyzerRun(
    string Name,
    TimeSpan Wall,
    TimeSpan Cpu,
    long AllocatedBytes,
    IReadOnlyDictionary<string, TimeSpan> ExecutionTimes,
    IReadOnlyDictionary<string, int> DiagnosticsById,
    int AnalyzerExceptions)
{
    /// <summary>The analyzer callbacks' own time, summed over the analyzers (and over threads).</summary>
    public TimeSpan AnalyzerTime => ExecutionTimes.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    /// <summary>
    /// How often a thread of the process waited for a lock during the run (<see cref="System.Threading.Monitor.LockContentionCount"/>):
    /// the compiler's locks and the analyzers'. The driver times callbacks on the wall clock, so a callback that waits is charged.
    /// </summary>
    public long LockContentions { get; init; }

    /// <summary>How long the garbage collector paused the process during the run: a pause lands in whichever callback runs.</summary>
    public TimeSpan GcPause { get; init; }
}

/// <summary>
/// The code base of the analyzer benchmark, parsed once, and the runs: the compilation alone, the floor analyzer, our
/// analyzers, and the IDE case (one large document after an edit). Each run starts from a fresh compilation over the
/// same parsed trees, so it pays for binding like a build does.
/// </summary>
internal sealed class AnalyzerWorkload
{
    public static readonly IReadOnlyDictionary<string, string> EditorConfig = new Dictionary<string, string>
    {
        ["kms_analyzers.home_regions"] = "eu-west-1,eu-west-2",
        ["kms_analyzers.derive_alias_names"] = "true",
    };

    private CSharpCompilation? _warmLargeDocumentCompilation;
    private SyntaxTree _currentLargeDocument;
    private int _edits;

    private AnalyzerWorkload(GeneratedCodeBase codeBase, ImmutableArray<SyntaxTree> trees, SyntaxTree largeDocument, TimeSpan parseTime, bool stubs)
    {
        CodeBase = codeBase;
        Trees = trees;
        LargeDocument = largeDocument;
        _currentLargeDocument = largeDocument;
        ParseTime = parseTime;
        UsesStubs = stubs;
        References = stubs ? Infrastructure.References.All : Infrastructure.References.RealPackages;
        CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true);
        AnalyzerOptions = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/src/Contoso/kms-aliases.json", codeBase.AliasMapJson)),
            new UniformAnalyzerConfigOptionsProvider(EditorConfig));
    }

    public GeneratedCodeBase CodeBase { get; }

    /// <summary>Compiled against the test stubs instead of the real AWS SDK and CDK packages (and then without CDK code).</summary>
    public bool UsesStubs { get; }
    public ImmutableArray<SyntaxTree> Trees { get; }
    public SyntaxTree LargeDocument { get; }
    public TimeSpan ParseTime { get; }
    public ImmutableArray<MetadataReference> References { get; }
    public CSharpCompilationOptions CompilationOptions { get; }
    public AnalyzerOptions AnalyzerOptions { get; }

    /// <summary>Every analyzer KmsAnalyzers ships (each <c>[DiagnosticAnalyzer]</c> type of the assembly), so new rules are measured too.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers() => typeof(KmsAnalyzers.Rules.KmsCodeAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>How the telemetry names an analyzer: its type, or for a slice of one, its type and the kind of callback.</summary>
    public static string NameOf(DiagnosticAnalyzer analyzer) => analyzer is CallbackSlice slice ? slice.Name : analyzer.GetType().Name;

    /// <summary>Our analyzers, each kind of callback as an analyzer of its own (<see cref="CallbackSlice"/>); an analyzer that cannot be sliced, whole.</summary>
    public ImmutableArray<DiagnosticAnalyzer> OurCallbackSlices(ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var compilation = NewCompilation();
        return ours.SelectMany(analyzer => CallbackSlice.Of(analyzer, compilation, AnalyzerOptions) is { Count: > 0 } slices
            ? slices.Cast<DiagnosticAnalyzer>()
            : new[] { analyzer }).ToImmutableArray();
    }

    public static ImmutableArray<DiagnosticAnalyzer> Floor() => ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer());

    public static ImmutableArray<DiagnosticAnalyzer> ReportingFloor() => ImmutableArray.Create<DiagnosticAnalyzer>(new ReportingFloorAnalyzer());

    /// <param name="kms">False: the code base where every rule's subject is absent (<see cref="CodeBaseGenerator.Generate"/>).</param>
    public static AnalyzerWorkload Create(int files, int seed = CodeBaseGenerator.DefaultSeed, bool stubs = false, bool kms = true)
    {
        var codeBase = CodeBaseGenerator.Generate(files, seed, cdk: !stubs, kms: kms);
        _ = stubs ? Infrastructure.References.All : Infrastructure.References.RealPackages; // load them outside the parse time
        var stopwatch = Stopwatch.StartNew();
        var trees = new SyntaxTree[codeBase.Files.Count];
        Parallel.For(0, trees.Length, i =>
            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(codeBase.Files[i].Text), Infrastructure.References.ParseOptions, codeBase.Files[i].Path));
        var large = CSharpSyntaxTree.ParseText(SourceText.From(codeBase.LargeDocument.Text), Infrastructure.References.ParseOptions, codeBase.LargeDocument.Path);
        stopwatch.Stop();
        return new AnalyzerWorkload(codeBase, trees.ToImmutableArray(), large, stopwatch.Elapsed, stubs);
    }

    public CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create("Contoso.Legacy", Trees, References, CompilationOptions);

    // A build's compilation: new tree objects each time, as a build parses every file again (FreshTrees says why).
    private CSharpCompilation NewBuildCompilation() =>
        CSharpCompilation.Create("Contoso.Legacy", FreshTrees.Of(Trees), References, CompilationOptions);

    /// <summary>Errors of the generated code (there should be none): the benchmark is only meaningful on code that compiles.</summary>
    public ImmutableArray<Diagnostic> Errors()
    {
        var compilation = CSharpCompilation.Create("Contoso.Legacy", Trees.Add(LargeDocument), References, CompilationOptions);
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    /// <summary>The compilation's own work: every declaration and method body bound, every compiler diagnostic.</summary>
    public int CompileAll() => NewBuildCompilation().GetDiagnostics().Length;

    /// <summary>
    /// A fresh compilation with <paramref name="analyzers"/>, as a build runs them; the telemetry is the driver's
    /// per-analyzer time inside callbacks.
    /// </summary>
    public AnalysisResult AnalyzeAll(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = NewBuildCompilation().WithAnalyzers(analyzers, Options(exceptions));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new AnalysisResult(diagnostics, Telemetry(withAnalyzers, analyzers), exceptions.Count);
    }

    /// <summary>
    /// The IDE case, step 1: the large document has just been edited (one character appended) in a project that holds
    /// the whole code base with its declarations bound, as an IDE holds it between keystrokes.
    /// </summary>
    public LargeDocumentEdit EditLargeDocument()
    {
        var compilation = WarmLargeDocumentCompilation();
        var previous = _currentLargeDocument;
        var text = previous.GetText();
        var edited = previous.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), ++_edits % 2 == 0 ? " " : "\n")));
        compilation = compilation.ReplaceSyntaxTree(previous, edited);
        _warmLargeDocumentCompilation = compilation;
        _currentLargeDocument = edited;
        return new LargeDocumentEdit(compilation, edited);
    }

    /// <summary>The IDE case, step 2: the analyzers' syntax and semantic diagnostics of the edited document.</summary>
    public AnalysisResult AnalyzeLargeDocument(LargeDocumentEdit edit, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = edit.Compilation.WithAnalyzers(analyzers, Options(exceptions));
        var model = edit.Compilation.GetSemanticModel(edit.Tree);
        var syntax = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(edit.Tree, CancellationToken.None).GetAwaiter().GetResult();
        var semantic = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).GetAwaiter().GetResult();
        return new AnalysisResult(syntax.AddRange(semantic), Telemetry(withAnalyzers, analyzers), exceptions.Count);
    }

    /// <summary>The compiler's own semantic diagnostics of the edited document, for scale.</summary>
    public static int CompileLargeDocument(LargeDocumentEdit edit) => edit.Compilation.GetSemanticModel(edit.Tree).GetDiagnostics().Length;

    public AnalyzerRun Compile()
    {
        var count = 0;
        var contentions = Monitor.LockContentionCount;
        var (wall, cpu, allocated) = Measure(() => count = CompileAll());
        return new AnalyzerRun("compilation", wall, cpu, allocated, new Dictionary<string, TimeSpan>(),
            new Dictionary<string, int> { ["compiler"] = count }, 0) { LockContentions = Monitor.LockContentionCount - contentions };
    }

    public AnalyzerRun Analyze(string name, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        AnalysisResult? result = null;
        var contentions = Monitor.LockContentionCount;
        var paused = GC.GetTotalPauseDuration();
        var (wall, cpu, allocated) = Measure(() => result = AnalyzeAll(analyzers));
        return result!.ToRun(name, wall, cpu, allocated) with
        {
            LockContentions = Monitor.LockContentionCount - contentions, GcPause = GC.GetTotalPauseDuration() - paused,
        };
    }

    public AnalyzerRun CompileLargeDocument()
    {
        var edit = EditLargeDocument();
        var count = 0;
        var (wall, cpu, allocated) = Measure(() => count = CompileLargeDocument(edit));
        return new AnalyzerRun("large document: compiler", wall, cpu, allocated, new Dictionary<string, TimeSpan>(),
            new Dictionary<string, int> { ["compiler"] = count }, 0);
    }

    public AnalyzerRun AnalyzeLargeDocument(string name, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var edit = EditLargeDocument();
        AnalysisResult? result = null;
        var (wall, cpu, allocated) = Measure(() => result = AnalyzeLargeDocument(edit, analyzers));
        return result!.ToRun(name, wall, cpu, allocated);
    }

    // The project of the IDE case with every declaration bound once.
    private CSharpCompilation WarmLargeDocumentCompilation()
    {
        if (_warmLargeDocumentCompilation is null)
        {
            var compilation = CSharpCompilation.Create("Contoso.Legacy", Trees.Add(_currentLargeDocument), References, CompilationOptions);
            _ = compilation.GetDeclarationDiagnostics();
            _warmLargeDocumentCompilation = compilation;
        }

        return _warmLargeDocumentCompilation;
    }

    private CompilationWithAnalyzersOptions Options(ConcurrentQueue<Exception> exceptions) =>
        new(AnalyzerOptions, (e, _, _) => exceptions.Enqueue(e), concurrentAnalysis: true, logAnalyzerExecutionTime: true);

    private static Dictionary<string, TimeSpan> Telemetry(CompilationWithAnalyzers withAnalyzers, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var result = new Dictionary<string, TimeSpan>();
        foreach (var analyzer in analyzers)
            result[NameOf(analyzer)] = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
        return result;
    }

    /// <summary>Wall time, process CPU time and bytes allocated on every thread while <paramref name="action"/> runs.</summary>
    public static (TimeSpan Wall, TimeSpan Cpu, long Allocated) Measure(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        action();
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        return (stopwatch.Elapsed, process.TotalProcessorTime - cpuBefore, allocated);
    }
}
