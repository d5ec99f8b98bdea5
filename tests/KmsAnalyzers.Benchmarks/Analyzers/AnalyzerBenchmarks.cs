using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.Diagnostics;
using static KmsAnalyzers.Benchmarks.Infrastructure.Stats;

namespace KmsAnalyzers.Benchmarks.Analyzers;

/// <summary>
/// <c>analyzers</c> under BenchmarkDotNet: wall time and allocations of the compilation alone, the compilation with the
/// floor analyzer, with our analyzers, and of the IDE case. The analyzers' own execution time (telemetry) of every
/// invocation is kept and printed, with the ratios, after the BenchmarkDotNet summary. The large-document benchmarks
/// include the one-character edit (<c>Compilation.ReplaceSyntaxTree</c>, well under a millisecond) before the analysis.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    /// <summary>Set by Program from <c>--files</c>: the benchmark runs in process.</summary>
    public static int Files { get; set; } = CodeBaseGenerator.DefaultFiles;

    internal static readonly ConcurrentDictionary<string, List<IReadOnlyDictionary<string, TimeSpan>>> Telemetry = new();

    private readonly ImmutableArray<DiagnosticAnalyzer> _ours = AnalyzerWorkload.OurAnalyzers();
    private readonly ImmutableArray<DiagnosticAnalyzer> _floor = AnalyzerWorkload.Floor();
    private readonly ImmutableArray<DiagnosticAnalyzer> _reportingFloor = AnalyzerWorkload.ReportingFloor();
    private AnalyzerWorkload _workload = null!;

    private static AnalyzerWorkload? s_workload;

    /// <summary>The code base is generated, parsed and checked once per process (GlobalSetup runs per benchmark).</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (s_workload is null || s_workload.CodeBase.Files.Count != Files)
        {
            var workload = AnalyzerWorkload.Create(Files);
            var errors = workload.Errors();
            if (errors.Length > 0)
                throw new InvalidOperationException("The generated code does not compile: " + errors[0]);
            s_workload = workload;
        }

        _workload = s_workload;
    }

    [Benchmark(Baseline = true, Description = "compilation")]
    public int Compilation() => _workload.CompileAll();

    [Benchmark(Description = "compilation + floor analyzer")]
    public int FloorAnalyzer() => Record("floor", _workload.AnalyzeAll(_floor));

    [Benchmark(Description = "compilation + our analyzers")]
    public int OurAnalyzers() => Record("ours", _workload.AnalyzeAll(_ours));

    [Benchmark(Description = "large document: compiler")]
    public int LargeDocumentCompiler() => AnalyzerWorkload.CompileLargeDocument(_workload.EditLargeDocument());

    [Benchmark(Description = "large document: floor analyzer")]
    public int LargeDocumentFloor() => Record("large document: floor", _workload.AnalyzeLargeDocument(_workload.EditLargeDocument(), _floor));

    [Benchmark(Description = "large document: floor analyzer that reports")]
    public int LargeDocumentReportingFloor() => Record("large document: floor+report", _workload.AnalyzeLargeDocument(_workload.EditLargeDocument(), _reportingFloor));

    [Benchmark(Description = "large document: our analyzers")]
    public int LargeDocumentOurs() => Record("large document: ours", _workload.AnalyzeLargeDocument(_workload.EditLargeDocument(), _ours));

    private static int Record(string name, AnalysisResult result)
    {
        var list = Telemetry.GetOrAdd(name, _ => new List<IReadOnlyDictionary<string, TimeSpan>>());
        lock (list)
            list.Add(result.ExecutionTimes);
        return result.Diagnostics.Length;
    }

    /// <summary>The telemetry medians of every invocation BenchmarkDotNet made, and the ratios against the targets.</summary>
    internal static void PrintTelemetry(TimeSpan? compilationMedian)
    {
        Console.WriteLine();
        Console.WriteLine("Analyzer execution time (telemetry), median over every invocation of each benchmark:");
        foreach (var (name, list) in Telemetry.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var total = Median(list.Select(d => d.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b)));
            Console.WriteLine($"  {name,-24} {Ms(total),10}   " + string.Join(", ", list[0].Keys.Select(k => k + " " + Ms(Median(list.Select(d => d[k]))))));
        }

        TimeSpan Total(string name) => Telemetry.TryGetValue(name, out var list)
            ? Median(list.Select(d => d.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b)))
            : TimeSpan.Zero;
        var ours = Total("ours");
        var floor = Total("floor");
        var document = Total("large document: ours");
        Console.WriteLine();
        if (floor > TimeSpan.Zero)
            Console.WriteLine($"  our analyzers / floor:        {Ratio(ours / floor)} (target <= {Ratio(AnalyzerQuickRun.FloorTarget)}) {Verdict(ours / floor <= AnalyzerQuickRun.FloorTarget)}");
        if (compilationMedian is { } compilation && compilation > TimeSpan.Zero)
            Console.WriteLine($"  our analyzers / compilation:  {Percent(ours / compilation)} (target < {Percent(AnalyzerQuickRun.CompilationShareTarget)}) {Verdict(ours / compilation < AnalyzerQuickRun.CompilationShareTarget)}");
        if (Telemetry.ContainsKey("large document: ours"))
            Console.WriteLine($"  large document, our analyzers: {Ms(document)} (target < {Ms(AnalyzerQuickRun.LargeDocumentTarget)}) {Verdict(document < AnalyzerQuickRun.LargeDocumentTarget)}");
    }
}
