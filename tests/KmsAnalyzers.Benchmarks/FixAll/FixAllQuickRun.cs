using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static KmsAnalyzers.Benchmarks.Infrastructure.Stats;

namespace KmsAnalyzers.Benchmarks.FixAll;

/// <summary>
/// <c>fixall --quick</c>: Fix All in Solution scope at each size, in two series. "grow": the solution has size / 10
/// documents and every diagnostic is in scope (a bigger code base). "fixed": one solution of max(size) / 10 documents,
/// the diagnostics of the first size / 10 documents in scope (more of the same code base). Every run starts from a
/// fresh workspace and is verified.
/// </summary>
internal static class FixAllQuickRun
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(int[] sizes, string series, int iterations, bool profile)
    {
        var failures = 0;
        var results = new List<(string Series, FixAllRun Run)>();
        var perDocument = FixAllSolutionGenerator.ConstantsPerDocument;
        var largestSolution = sizes.Max() / perDocument;

        // Warm-up: JIT and MEF composition of the workspace services, on a small solution.
        using (var warm = await FixAllWorkload.CreateAsync(50))
            _ = await warm.MeasureFixAllAsync(50);

        foreach (var size in sizes)
        {
            var documents = size / perDocument;
            foreach (var name in series == "both" ? new[] { "grow", "fixed" } : new[] { series })
            {
                for (var i = 0; i < iterations; i++)
                {
                    using var workload = await FixAllWorkload.CreateAsync(name == "grow" ? documents : largestSolution);
                    var run = await workload.MeasureFixAllAsync(documents);
                    results.Add((name, run));
                    Console.WriteLine($"  {name,-5} solution {N(workload.Documents.Count)} documents, {N(run.DiagnosticsInScope)} diagnostics in scope: " +
                                      $"{S(run.Total)} (GetFixAsync {Ms(run.GetFix)}, GetOperationsAsync {Ms(run.GetOperations)}, texts {Ms(run.Materialize)}), " +
                                      $"{N(run.ChangedDocuments)} documents changed, {Mb(run.AllocatedBytes)} allocated, " +
                                      (run.VerificationError is null ? "verified" : "WRONG: " + run.VerificationError));
                    failures += run.VerificationError is null ? 0 : 1;
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| series | documents in solution | diagnostics in scope | Fix All (median) | per diagnostic | vs. first size | allocated |");
        Console.WriteLine("|--------|----------------------:|---------------------:|-----------------:|---------------:|---------------:|----------:|");
        foreach (var group in results.GroupBy(r => (r.Series, r.Run.DiagnosticsInScope)))
        {
            var median = Median(group.Select(r => r.Run.Total));
            var first = results.Where(r => r.Series == group.Key.Series).OrderBy(r => r.Run.DiagnosticsInScope).First();
            var firstMedian = Median(results.Where(r => r.Series == group.Key.Series && r.Run.DiagnosticsInScope == first.Run.DiagnosticsInScope).Select(r => r.Run.Total));
            var growth = median / firstMedian;
            var sizeGrowth = group.Key.DiagnosticsInScope / (double)first.Run.DiagnosticsInScope;
            var documentsInSolution = group.Key.Series == "grow" ? group.Key.DiagnosticsInScope / perDocument : largestSolution;
            Console.WriteLine($"| {group.Key.Series,-6} | {N(documentsInSolution),21} | {N(group.Key.DiagnosticsInScope),20} | {S(median),16} | " +
                              $"{Ms(median / group.Key.DiagnosticsInScope),14} | {Ratio(growth) + " (size " + Ratio(sizeGrowth) + ")",14} | {Mb(Median(group.Select(r => (double)r.Run.AllocatedBytes))),9} |");
        }

        var largest = results.Max(r => r.Run.DiagnosticsInScope);
        var atMax = results.Where(r => r.Run.DiagnosticsInScope == largest).GroupBy(r => r.Series).Select(g => (Series: g.Key, Median: Median(g.Select(r => r.Run.Total)))).ToList();
        if (atMax.Count > 0)
        {
            var worst = atMax.MaxBy(r => r.Median);
            Console.WriteLine();
            Console.WriteLine($"Target: {N(largest)} diagnostics under {S(Target)}: slowest series ({worst.Series}) median {S(worst.Median)} {Verdict(worst.Median < Target)}");
        }

        if (profile)
        {
            Console.WriteLine();
            await FixAllProfiler.RunAsync(sizes.Max() / perDocument).ConfigureAwait(false);
        }

        Console.WriteLine(failures == 0 ? "Every Fix All result verified." : $"{failures} Fix All results were WRONG.");
        return failures == 0 ? 0 : 1;
    }

    public static int[] ParseSizes(string? text) =>
        (text ?? "2500,5000,10000").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
