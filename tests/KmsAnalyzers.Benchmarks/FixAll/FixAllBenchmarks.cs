using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KmsAnalyzers.Benchmarks.FixAll;

/// <summary>
/// <c>fixall</c> under BenchmarkDotNet: Fix All in Solution scope at 2,500, 5,000 and 10,000 diagnostics (a solution of
/// diagnostics / 10 documents, everything in scope). Every iteration gets a fresh workspace and precomputed diagnostics
/// (not measured). The result is not verified here: <c>fixall --quick</c> verifies every run.
/// </summary>
[MemoryDiagnoser]
public class FixAllBenchmarks
{
    private FixAllWorkload _workload = null!;
    private FixAllContext.DiagnosticProvider _provider = null!;

    /// <summary>Set by Program from <c>--sizes</c>: the benchmark runs in process.</summary>
    public static IReadOnlyList<int> Sizes { get; set; } = new[] { 2500, 5000, 10000 };

    [ParamsSource(nameof(Sizes))]
    public int Diagnostics { get; set; }

    private int Documents => Diagnostics / FixAllSolutionGenerator.ConstantsPerDocument;

    [IterationSetup]
    public void CreateWorkspace()
    {
        _workload = FixAllWorkload.CreateAsync(Documents).GetAwaiter().GetResult();
        _provider = _workload.Provider(Documents);
    }

    [IterationCleanup]
    public void DisposeWorkspace() => _workload.Dispose();

    [Benchmark(Description = "Fix All in solution")]
    public int FixAllSolution() => _workload.FixAllAsync(_provider).GetAwaiter().GetResult().ChangedIds.Count;
}
