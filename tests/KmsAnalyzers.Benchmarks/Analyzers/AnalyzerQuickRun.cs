using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using KmsAnalyzers.Benchmarks.Infrastructure;
using static KmsAnalyzers.Benchmarks.Infrastructure.Stats;

namespace KmsAnalyzers.Benchmarks.Analyzers;

/// <summary>
/// <c>analyzers --quick</c>: every run of <see cref="AnalyzerWorkload"/> N times after warm-up, then one table of
/// medians and the ratios against the targets of issue 6.
/// </summary>
internal static class AnalyzerQuickRun
{
    public const double FloorTarget = 1.5;
    public const double CompilationShareTarget = 0.02;
    public static readonly TimeSpan LargeDocumentTarget = TimeSpan.FromMilliseconds(5);

    public static int Run(int files, int iterations, int warmup, int replays, bool replayOnly)
    {
        iterations = Math.Max(1, iterations);
        Console.WriteLine($"Generating and parsing {N(files)} files...");
        var workload = AnalyzerWorkload.Create(files);
        var codeBase = workload.CodeBase;
        Console.WriteLine($"Code base: {N(codeBase.Files.Count)} files, {N(codeBase.TotalLines)} lines ({N(codeBase.Files.Sum(f => (long)f.Text.Length))} chars), " +
                          $"{codeBase.KmsFiles} using the KMS SDK; large document {N(codeBase.LargeDocument.Lines)} lines; parse {Ms(workload.ParseTime)}");
        Console.WriteLine($"References: {References.FrameworkSource} + AWSSDK.Stubs");

        var errors = workload.Errors();
        if (errors.Length > 0)
        {
            Console.Error.WriteLine($"The generated code has {errors.Length} errors; the first ones:");
            foreach (var error in errors.Take(20))
                Console.Error.WriteLine("  " + error);
            return 1;
        }

        var ours = AnalyzerWorkload.OurAnalyzers();
        var floor = AnalyzerWorkload.Floor();
        Console.WriteLine($"Load average before: {LoadAverage()}");
        var result = replayOnly ? 0 : RunDriver(workload, ours, floor, iterations, warmup);
        if (replayOnly)
        {
            // The compilation's own CPU time, the denominator of the replay's share.
            workload.Compile();
            CompileCpu = Median(Enumerable.Range(0, 2).Select(_ => workload.Compile().Cpu));
        }

        Replay(workload, ours, floor, Math.Max(1, replays));
        Console.WriteLine($"Load average after: {LoadAverage()}");
        return result;
    }

    private static int RunDriver(AnalyzerWorkload workload, ImmutableArray<DiagnosticAnalyzer> ours,
        ImmutableArray<DiagnosticAnalyzer> floor, int iterations, int warmup)
    {
        var runs = new Dictionary<string, List<AnalyzerRun>>();
        for (var i = -warmup; i < iterations; i++)
        {
            var label = i < 0 ? $"warm-up {i + warmup + 1}/{warmup}" : $"iteration {i + 1}/{iterations}";
            var round = new[]
            {
                workload.Compile(),
                workload.Analyze("floor", floor),
                workload.Analyze("ours", ours),
                workload.CompileLargeDocument(),
                workload.AnalyzeLargeDocument("large document: floor", floor),
                workload.AnalyzeLargeDocument("large document: floor+report", AnalyzerWorkload.ReportingFloor()),
                workload.AnalyzeLargeDocument("large document: ours", ours),
            };
            Console.WriteLine($"  {label}: " + string.Join(", ", round.Select(r => r.Name + " " + Ms(r.Wall) +
                (r.ExecutionTimes.Count > 0 ? " (analyzers " + Ms(r.AnalyzerTime) + ")" : ""))));
            if (i < 0)
                continue;
            foreach (var run in round)
            {
                if (!runs.TryGetValue(run.Name, out var list))
                    runs[run.Name] = list = new List<AnalyzerRun>();
                list.Add(run);
            }
        }

        return Report(runs, iterations);
    }

    /// <summary>
    /// The callbacks alone, replayed on one thread over the bound code base (<see cref="CallbackReplay"/>) and measured
    /// in thread CPU time: the same quantity as the telemetry, without the noise of threads and of other processes.
    /// </summary>
    private static void Replay(AnalyzerWorkload workload, ImmutableArray<DiagnosticAnalyzer> ours, ImmutableArray<DiagnosticAnalyzer> floor, int replays)
    {
        Console.WriteLine();
        Console.WriteLine($"Callback replay: every callback over the bound code base on one thread, type by type as the driver runs them, {replays} replays, " +
                          (ThreadCpu.IsThreadCpuTime ? "thread CPU time" : "wall time (no thread CPU clock here)") +
                          " less the dispatch loop (min / median):");
        var edit = workload.EditLargeDocument();
        var corpora = new[]
        {
            ("whole code base", ReplayCorpus.Create(workload.NewCompilation(), workload.AnalyzerOptions, workload.Trees)),
            ("large document", ReplayCorpus.Create(edit.Compilation, workload.AnalyzerOptions, new[] { edit.Tree })),
        };
        var all = ours.Add(floor[0]);
        var summary = new Dictionary<string, (TimeSpan Ours, TimeSpan Floor)>();
        foreach (var (name, corpus) in corpora)
        {
            // Warm-up (JIT, lazily built tables), then the replays.
            CallbackReplay.RunInterleaved(corpus, all);
            var costs = all.ToDictionary(a => a.GetType().Name, _ => new List<TimeSpan>());
            var ourTotals = new List<TimeSpan>();
            var diagnostics = 0;
            for (var i = 0; i < replays; i++)
            {
                var (cost, reported) = CallbackReplay.RunInterleaved(corpus, all);
                diagnostics = reported;
                var ourTotal = TimeSpan.Zero;
                foreach (var (analyzer, time) in cost)
                {
                    costs[analyzer].Add(time);
                    if (analyzer != nameof(FloorAnalyzer))
                        ourTotal += time;
                }

                ourTotals.Add(ourTotal);
            }

            var floorCosts = costs[nameof(FloorAnalyzer)];
            var oursMin = ourTotals.Min();
            var floorMin = floorCosts.Min();
            summary[name] = (oursMin, floorMin);
            Console.WriteLine($"  {name}: {N(corpus.Types.Count)} types, {N(corpus.Operations)} operations, {diagnostics} diagnostics");
            Console.WriteLine($"    floor analyzer                   {Ms(floorMin),10} / {Ms(Median(floorCosts)),10}");
            Console.WriteLine($"    our analyzers                    {Ms(oursMin),10} / {Ms(Median(ourTotals)),10}   = {Ratio(oursMin / floorMin)} the floor");
            foreach (var analyzer in ours)
            {
                var list = costs[analyzer.GetType().Name];
                Console.WriteLine($"      {analyzer.GetType().Name,-30} {Ms(list.Min()),10} / {Ms(Median(list)),10}");
            }

            Console.WriteLine("    by callback (a pass per analyzer, each call timed on the wall clock: for attribution; ours and the floor):");
            var rows = new List<(string Key, TimeSpan Time, long Calls)>();
            foreach (var analyzer in all)
            {
                var pass = CallbackReplay.Run(corpus, analyzer, perCallback: true);
                rows.AddRange(pass.PerCallback.Select(p => (analyzer.GetType().Name + ": " + p.Key, p.Value, pass.Calls[p.Key])));
            }

            foreach (var (key, time, calls) in rows.OrderByDescending(r => r.Time).Take(16))
                Console.WriteLine($"      {key,-62} {Ms(time),10} {N(calls),10} calls {(time.TotalMilliseconds * 1e6 / calls).ToString("0", System.Globalization.CultureInfo.InvariantCulture),7} ns/call");
        }

        var whole = summary["whole code base"];
        var document = summary["large document"];
        Console.WriteLine();
        Console.WriteLine("Replay against the targets (CPU time on both sides, so other processes on the machine do not move them):");
        Console.WriteLine($"  our analyzers / floor analyzer:        {Ms(whole.Ours)} / {Ms(whole.Floor)} = {Ratio(whole.Ours / whole.Floor)}  (target <= {Ratio(FloorTarget)}) {Verdict(whole.Ours / whole.Floor <= FloorTarget)}");
        Console.WriteLine($"  our analyzers / compilation (CPU):     {Ms(whole.Ours)} / {Ms(CompileCpu)} = {Percent(whole.Ours / CompileCpu)}  (target < {Percent(CompilationShareTarget)}) {Verdict(whole.Ours / CompileCpu < CompilationShareTarget)}; floor {Percent(whole.Floor / CompileCpu)}");
        Console.WriteLine($"  large document, our analyzers:         {Ms(document.Ours)}  (target < {Ms(LargeDocumentTarget)}) {Verdict(document.Ours < LargeDocumentTarget)}; floor {Ms(document.Floor)}");
        LastReplay = (whole.Ours, whole.Floor, document.Ours, document.Floor);
    }

    /// <summary>The compilation's own CPU time (median), measured with the driver runs or before the replay.</summary>
    private static TimeSpan CompileCpu { get; set; }

    /// <summary>The last replay's minimums, for the ratio against the compilation.</summary>
    public static (TimeSpan Ours, TimeSpan Floor, TimeSpan DocumentOurs, TimeSpan DocumentFloor) LastReplay { get; private set; }

    private static string LoadAverage()
    {
        try
        {
            return System.IO.File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (System.IO.IOException)
        {
            return "n/a";
        }
    }

    private static int Report(Dictionary<string, List<AnalyzerRun>> runs, int iterations)
    {
        Console.WriteLine();
        Console.WriteLine($"Medians of {iterations} iterations (wall = elapsed time of the call; CPU = process CPU time, 2 cores; analyzer time = the driver's");
        Console.WriteLine("execution-time telemetry: time inside the analyzers' callbacks, summed over threads):");
        Console.WriteLine();
        Console.WriteLine($"| {"run",-28} | {"wall",10} | {"CPU",10} | {"analyzer time",13} | {"allocated",11} | diagnostics");
        Console.WriteLine($"|{new string('-', 30)}|{new string('-', 12)}|{new string('-', 12)}|{new string('-', 15)}|{new string('-', 13)}|------------");
        foreach (var (name, list) in runs)
        {
            var diagnostics = string.Join(", ", list[^1].DiagnosticsById.Select(p => p.Key + " " + p.Value));
            var analyzerTime = list[0].ExecutionTimes.Count > 0 ? Ms(Median(list.Select(r => r.AnalyzerTime))) : "";
            Console.WriteLine($"| {name,-28} | {Ms(Median(list.Select(r => r.Wall))),10} | {Ms(Median(list.Select(r => r.Cpu))),10} | {analyzerTime,13} | " +
                              $"{Mb(Median(list.Select(r => (double)r.AllocatedBytes))),11} | {diagnostics}");
            if (list[0].ExecutionTimes.Count > 1)
            {
                foreach (var analyzer in list[0].ExecutionTimes.Keys)
                    Console.WriteLine($"|   {analyzer,-26} | {"",10} | {"",10} | {Ms(Median(list.Select(r => r.ExecutionTimes[analyzer]))),13} | {"",11} |");
            }

            if (list.Any(r => r.AnalyzerExceptions > 0))
                Console.WriteLine($"|   ANALYZER EXCEPTIONS: {list.Max(r => r.AnalyzerExceptions)}");
        }

        var compile = runs["compilation"];
        CompileCpu = Median(compile.Select(r => r.Cpu));
        var floorRuns = runs["floor"];
        var ourRuns = runs["ours"];
        var compileWall = Median(compile.Select(r => r.Wall));
        var compileCpu = Median(compile.Select(r => r.Cpu));
        var floorTime = Median(floorRuns.Select(r => r.AnalyzerTime));
        var ourTime = Median(ourRuns.Select(r => r.AnalyzerTime));
        var docOurs = Median(runs["large document: ours"].Select(r => r.AnalyzerTime));
        var docFloor = Median(runs["large document: floor"].Select(r => r.AnalyzerTime));
        var docCompiler = Median(runs["large document: compiler"].Select(r => r.Wall));
        var docReporting = Median(runs["large document: floor+report"].Select(r => r.AnalyzerTime));

        var vsFloor = ourTime / floorTime;
        var share = ourTime / compileWall;
        var shareCpu = ourTime / compileCpu;
        Console.WriteLine();
        Console.WriteLine("Driver telemetry against the targets (wall time inside callbacks, summed over threads; inflated when the machine is busy):");
        Console.WriteLine($"  our analyzers / floor analyzer:        {Ms(ourTime)} / {Ms(floorTime)} = {Ratio(vsFloor)}  (target <= {Ratio(FloorTarget)}) {Verdict(vsFloor <= FloorTarget)}");
        Console.WriteLine($"  our analyzers / compilation (wall):    {Ms(ourTime)} / {Ms(compileWall)} = {Percent(share)}  (target < {Percent(CompilationShareTarget)}) {Verdict(share < CompilationShareTarget)}");
        Console.WriteLine($"  our analyzers / compilation (CPU):     {Ms(ourTime)} / {Ms(compileCpu)} = {Percent(shareCpu)}");
        Console.WriteLine($"  floor / compilation (wall):            {Percent(floorTime / compileWall)}");
        Console.WriteLine($"  large document, our analyzers:         {Ms(docOurs)}  (target < {Ms(LargeDocumentTarget)}) {Verdict(docOurs < LargeDocumentTarget)}; floor {Ms(docFloor)}, floor that reports {Ms(docReporting)}, compiler {Ms(docCompiler)}");

        var wallOverOurs = Median(ourRuns.Select(r => r.Wall)) - compileWall;
        var wallOverFloor = Median(floorRuns.Select(r => r.Wall)) - compileWall;
        var allocOurs = Median(ourRuns.Select(r => (double)r.AllocatedBytes)) - Median(compile.Select(r => (double)r.AllocatedBytes));
        var allocFloor = Median(floorRuns.Select(r => (double)r.AllocatedBytes)) - Median(compile.Select(r => (double)r.AllocatedBytes));
        Console.WriteLine();
        Console.WriteLine("Whole-run cost over the compilation alone (driver, operation trees, callbacks; noisier than the telemetry):");
        Console.WriteLine($"  wall:      ours +{Ms(wallOverOurs)}, floor +{Ms(wallOverFloor)}");
        Console.WriteLine($"  allocated: ours +{Mb(allocOurs)}, floor +{Mb(allocFloor)}");
        return 0;
    }
}
