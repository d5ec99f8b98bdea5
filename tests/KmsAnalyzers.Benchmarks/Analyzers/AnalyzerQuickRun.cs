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
/// <c>analyzers --quick</c> (issue 16): the driver's execution-time telemetry — what <c>-p:ReportAnalyzer=true</c>
/// shows a user — of every analyzer we ship, together and one by one, against the floor analyzer and against the
/// compilation's own time, on a generated code base compiled against the real AWS SDK and CDK; then the scaling
/// benchmark (<see cref="ScalingRun"/>); then, with <c>--replay</c>, the CPU-time callback replay (the diagnostic tool
/// that says which callback costs).
/// </summary>
internal static class AnalyzerQuickRun
{
    public const double FloorTarget = 1.5;
    public const double FloorGoal = 1.2;
    public const double CompilationShareTarget = 0.01;
    public const int DefaultQuickFiles = 1000;
    public static readonly TimeSpan LargeDocumentTarget = TimeSpan.FromMilliseconds(5);

    public sealed record Settings(
        int Files, int Iterations, int Warmup, int Replays, bool ReplayOnly, bool Replay, bool Scaling, bool LargeDocument, bool Stubs, bool ByCallback = false,
        bool NoKms = false);

    public static int Run(Settings settings)
    {
        var iterations = Math.Max(1, settings.Iterations);
        var files = settings.Files;
        Console.WriteLine($"Generating and parsing {N(files)} files...");
        var workload = AnalyzerWorkload.Create(files, stubs: settings.Stubs, kms: !settings.NoKms);
        var codeBase = workload.CodeBase;
        Console.WriteLine($"Code base: {N(codeBase.Files.Count)} files, {N(codeBase.TotalLines)} lines ({N(codeBase.Files.Sum(f => (long)f.Text.Length))} chars), " +
                          $"{codeBase.KmsFiles} using the KMS SDK, {codeBase.CdkFiles} with CDK stacks ({(settings.NoKms ? "only the one without a key, --no-kms" : "one with a multi-Region key and its replica, one without a key")}); " +
                          $"large document {N(codeBase.LargeDocument.Lines)} lines; parse {Ms(workload.ParseTime)}");
        Console.WriteLine(settings.Stubs
            ? $"References: {References.FrameworkSource} + SDK stubs (--stubs)"
            : $"References: {References.FrameworkSource} + {References.RealPackagesSource}");

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
        Console.WriteLine($"Analyzers: {string.Join(", ", ours.Select(Describe))}");
        Console.WriteLine($"Load average before: {LoadAverage()}; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        var result = 0;
        if (!settings.ReplayOnly)
            result = RunDriver(workload, ours, floor, iterations, settings.Warmup, settings.LargeDocument,
                settings.ByCallback ? workload.OurCallbackSlices(ours) : ImmutableArray<DiagnosticAnalyzer>.Empty);
        if (settings.Scaling && !settings.ReplayOnly)
            result |= ScalingRun.Run(settings.Stubs, Math.Max(3, iterations));
        if (settings.Replay || settings.ReplayOnly)
        {
            if (settings.ReplayOnly)
            {
                // The compilation's own CPU time, the denominator of the replay's share.
                workload.Compile();
                CompileCpu = Median(Enumerable.Range(0, 2).Select(_ => workload.Compile().Cpu));
            }

            Replay(workload, ours, floor, Math.Max(1, settings.Replays));
        }

        Console.WriteLine($"Load average after: {LoadAverage()}");
        return result;
    }

    private const string SameRun = "ours and floor in one run";

    // Which analyzers the driver charged in this run: a run far above the others shows where its time landed.
    private static string Breakdown(AnalyzerRun run) =>
        run.Name is "ours" or SameRun
            ? ": " + string.Join(", ", run.ExecutionTimes.Where(p => p.Value >= TimeSpan.FromMilliseconds(0.5))
                .Select(p => p.Key.Replace("Analyzer", "") + " " + Ms(p.Value)))
            : "";

    // Our analyzers' time and the floor's in one run of both.
    private static (TimeSpan Ours, TimeSpan Floor) Pair(AnalyzerRun run)
    {
        var floor = run.ExecutionTimes[nameof(FloorAnalyzer)];
        return (run.AnalyzerTime - floor, floor);
    }

    /// <summary>The analyzer's type and the rule ids it reports.</summary>
    public static string Describe(DiagnosticAnalyzer analyzer) =>
        analyzer.GetType().Name + " (" + string.Join("/", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct()) + ")";

    private static int RunDriver(AnalyzerWorkload workload, ImmutableArray<DiagnosticAnalyzer> ours,
        ImmutableArray<DiagnosticAnalyzer> floor, int iterations, int warmup, bool largeDocument, ImmutableArray<DiagnosticAnalyzer> slices)
    {
        var runs = new Dictionary<string, List<AnalyzerRun>>();
        for (var i = -warmup; i < iterations; i++)
        {
            var label = i < 0 ? $"warm-up {i + warmup + 1}/{warmup}" : $"iteration {i + 1}/{iterations}";
            // The whole-code-base runs in a rotating order, so that a drift in the machine's load does not always hit
            // the same one. The floor that reports shows what reporting alone makes the driver charge an analyzer.
            var whole = new List<Func<AnalyzerRun>>
            {
                workload.Compile,
                () => workload.Analyze("floor", floor),
                () => workload.Analyze("floor+report", AnalyzerWorkload.ReportingFloor()),
                () => workload.Analyze("ours", ours),
                // Ours and the floor in one driver run over one compilation: the same binding, collections and
                // preemption around both, compared pair by pair (design.md §6: "against a floor analyzer ... in the same run").
                () => workload.Analyze(SameRun, ours.AddRange(floor)),
            };
            // --by-callback: each kind of callback of ours as an analyzer of its own, in a run of their own.
            if (!slices.IsEmpty)
                whole.Add(() => workload.Analyze("ours by callback", slices));
            var offset = ((i % whole.Count) + whole.Count) % whole.Count;
            string[] order = { "compilation", "floor", "floor+report", "ours", SameRun, "ours by callback" };
            var round = Enumerable.Range(0, whole.Count).Select(k => whole[(k + offset) % whole.Count]()).OrderBy(r => Array.IndexOf(order, r.Name)).ToList();
            if (largeDocument)
            {
                round.Add(workload.CompileLargeDocument());
                round.Add(workload.AnalyzeLargeDocument("large document: floor", floor));
                round.Add(workload.AnalyzeLargeDocument("large document: floor+report", AnalyzerWorkload.ReportingFloor()));
                round.Add(workload.AnalyzeLargeDocument("large document: ours", ours));
            }

            Console.WriteLine($"  {label}: " + string.Join(", ", round.Select(r => r.Name + " " + Ms(r.Wall) +
                (r.ExecutionTimes.Count > 0 ? " (analyzers " + Ms(r.AnalyzerTime) + Breakdown(r) + "; gc pauses " + Ms(r.GcPause) + ")" : ""))));
            if (i < 0)
                continue;
            foreach (var run in round)
            {
                if (!runs.TryGetValue(run.Name, out var list))
                    runs[run.Name] = list = new List<AnalyzerRun>();
                list.Add(run);
            }
        }

        var result = Report(runs, iterations, ours);
        if (runs.TryGetValue("ours by callback", out var sliceRuns))
            ReportSlices(sliceRuns, slices);
        return result;
    }

    /// <summary>
    /// The driver's telemetry of each kind of callback of ours, run as an analyzer of its own (<see cref="CallbackSlice"/>):
    /// which kind the driver charges, with the binding, reporting and collections that land in it (the replay does not
    /// see those). The slices add up to a little more than the analyzers: each builds the state it needs.
    /// </summary>
    private static void ReportSlices(List<AnalyzerRun> runs, ImmutableArray<DiagnosticAnalyzer> slices)
    {
        Console.WriteLine();
        Console.WriteLine($"Ours by callback (driver telemetry, each kind of callback as an analyzer of its own, in a run of their own), median (min) of {runs.Count}:");
        var rows = slices.Select(AnalyzerWorkload.NameOf)
            .Select(name => (Name: name, Median: Median(runs.Select(r => r.ExecutionTimes[name])), Min: runs.Min(r => r.ExecutionTimes[name])))
            .Where(row => row.Median > TimeSpan.Zero)
            .OrderByDescending(row => row.Min);
        foreach (var (name, median, min) in rows)
            Console.WriteLine($"  {name,-62} {Ms(median),9} ({Ms(min)})");
        Console.WriteLine($"  {"all slices together",-62} {Ms(Median(runs.Select(r => r.AnalyzerTime))),9} ({Ms(runs.Min(r => r.AnalyzerTime))}); " +
                          string.Join(", ", runs[^1].DiagnosticsById.Select(p => p.Key + " " + p.Value)));
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
        // As the driver does without a configuration that enables them: an opt-in rule's analyzer is not run at all.
        ours = ours.Where(a => a.SupportedDiagnostics.Any(d => d.IsEnabledByDefault)).ToImmutableArray();
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

    private static int Report(Dictionary<string, List<AnalyzerRun>> runs, int iterations, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var compile = runs["compilation"];
        var floorRuns = runs["floor"];
        var ourRuns = runs["ours"];
        var compileWall = Median(compile.Select(r => r.Wall));
        CompileCpu = Median(compile.Select(r => r.Cpu));
        var floorTime = Median(floorRuns.Select(r => r.AnalyzerTime));
        var ourTime = Median(ourRuns.Select(r => r.AnalyzerTime));

        Console.WriteLine();
        Console.WriteLine($"Driver telemetry (CompilationWithAnalyzers, logAnalyzerExecutionTime: true, GetAnalyzerTelemetryInfoAsync): time inside each");
        Console.WriteLine($"analyzer's callbacks as the compiler reports it with -p:ReportAnalyzer=true, medians of {iterations} fresh compilations (min in brackets);");
        Console.WriteLine("% of compile = of the compilation's own time without analyzers (GetDiagnostics, wall):");
        Console.WriteLine();
        Console.WriteLine($"| {"analyzer",-58} | {"ms",16} | {"× floor",8} | {"% of compile",12} | diagnostics");
        Console.WriteLine($"|{new string('-', 60)}|{new string('-', 18)}|{new string('-', 10)}|{new string('-', 14)}|------------");
        void Row(string name, TimeSpan median, TimeSpan min, string diagnostics) =>
            Console.WriteLine($"| {name,-58} | {Ms(median) + " (" + Ms(min) + ")",16} | {Ratio(median / floorTime),8} | {Percent(median / compileWall),12} | {diagnostics}");
        Row("floor (FloorAnalyzer)", floorTime, floorRuns.Min(r => r.AnalyzerTime), "");
        if (runs.TryGetValue("floor+report", out var reportingRuns))
        {
            Row("floor that reports (ReportingFloorAnalyzer)", Median(reportingRuns.Select(r => r.AnalyzerTime)), reportingRuns.Min(r => r.AnalyzerTime),
                string.Join(", ", reportingRuns[^1].DiagnosticsById.Select(p => p.Key + " " + p.Value)));
        }

        Row("**all of ours**", ourTime, ourRuns.Min(r => r.AnalyzerTime),
            string.Join(", ", ourRuns[^1].DiagnosticsById.Select(p => p.Key + " " + p.Value)));
        foreach (var analyzer in ours)
        {
            var name = analyzer.GetType().Name;
            Row("  " + Describe(analyzer), Median(ourRuns.Select(r => r.ExecutionTimes[name])), ourRuns.Min(r => r.ExecutionTimes[name]), "");
        }

        Console.WriteLine($"| {"compilation alone (GetDiagnostics)",-58} | {Ms(compileWall) + " wall",16} | {"",8} | {"100 %",12} | CPU {Ms(CompileCpu)}");
        if (ourRuns.Any(r => r.AnalyzerExceptions > 0) || floorRuns.Any(r => r.AnalyzerExceptions > 0))
            Console.WriteLine($"ANALYZER EXCEPTIONS: ours {ourRuns.Max(r => r.AnalyzerExceptions)}, floor {floorRuns.Max(r => r.AnalyzerExceptions)}");

        var vsFloor = ourTime / floorTime;
        var share = ourTime / compileWall;
        Console.WriteLine();
        Console.WriteLine("Against the targets (issue 16):");
        if (runs.TryGetValue(SameRun, out var sameRuns))
        {
            // The headline: each run's own ratio, so that what slowed a run (a collection, the machine's other work)
            // slowed both sides of its ratio; the median of the ratios, as a hit that lands in one side moves one ratio.
            var pairs = sameRuns.Select(Pair).ToList();
            var pairRatio = Median(pairs.Select(p => p.Ours / p.Floor));
            Console.WriteLine($"  all of ours / floor, in one run of both: median of {pairs.Count} runs' ratios {Ratio(pairRatio)}  (target <= {Ratio(FloorTarget)}, goal {Ratio(FloorGoal)}) " +
                              $"{Verdict(pairRatio <= FloorTarget)}; medians ours {Ms(Median(pairs.Select(p => p.Ours)))}, floor {Ms(Median(pairs.Select(p => p.Floor)))}");
            Console.WriteLine("    each run: " + string.Join(", ", pairs.Select(p => Ratio(p.Ours / p.Floor))));
        }

        Console.WriteLine($"  all of ours / floor, runs apart: {Ms(ourTime)} / {Ms(floorTime)} = {Ratio(vsFloor)}  (target <= {Ratio(FloorTarget)}, goal {Ratio(FloorGoal)}) {Verdict(vsFloor <= FloorTarget)}");
        Console.WriteLine($"  all of ours / compilation:  {Ms(ourTime)} / {Ms(compileWall)} = {Percent(share)}  (target <= {Percent(CompilationShareTarget)}) {Verdict(share <= CompilationShareTarget)}; floor {Percent(floorTime / compileWall)}");
        // Garbage collections and preemption land in whichever callback runs (the driver times callbacks on the wall
        // clock) and only ever add: the minimums are the steadier reading of what the code itself costs.
        var ourMin = ourRuns.Min(r => r.AnalyzerTime);
        var floorMin = floorRuns.Min(r => r.AnalyzerTime);
        var reportingNote = runs.TryGetValue("floor+report", out var reporting)
            ? $"; against the floor that reports {Ratio(ourMin / reporting.Min(r => r.AnalyzerTime))}"
            : "";
        Console.WriteLine($"  min against min:            {Ms(ourMin)} / {Ms(floorMin)} = {Ratio(ourMin / floorMin)} the floor{reportingNote}");

        if (runs.TryGetValue("large document: ours", out var documentRuns))
        {
            var docOurs = Median(documentRuns.Select(r => r.AnalyzerTime));
            var docFloor = Median(runs["large document: floor"].Select(r => r.AnalyzerTime));
            var docReporting = Median(runs["large document: floor+report"].Select(r => r.AnalyzerTime));
            var docCompiler = Median(runs["large document: compiler"].Select(r => r.Wall));
            Console.WriteLine($"  large document (IDE case):  ours {Ms(docOurs)} (target < {Ms(LargeDocumentTarget)}) {Verdict(docOurs < LargeDocumentTarget)}; floor {Ms(docFloor)}, floor that reports {Ms(docReporting)}, compiler {Ms(docCompiler)}");
            Console.WriteLine("    " + string.Join(", ", documentRuns[0].ExecutionTimes.Keys.Select(k => k + " " + Ms(Median(documentRuns.Select(r => r.ExecutionTimes[k]))))));
        }

        var wallOverOurs = Median(ourRuns.Select(r => r.Wall)) - compileWall;
        var wallOverFloor = Median(floorRuns.Select(r => r.Wall)) - compileWall;
        var allocOurs = Median(ourRuns.Select(r => (double)r.AllocatedBytes)) - Median(compile.Select(r => (double)r.AllocatedBytes));
        var allocFloor = Median(floorRuns.Select(r => (double)r.AllocatedBytes)) - Median(compile.Select(r => (double)r.AllocatedBytes));
        Console.WriteLine();
        Console.WriteLine("Whole-run cost over the compilation alone (driver, operation trees, callbacks; noisier than the telemetry):");
        Console.WriteLine($"  wall:      ours +{Ms(wallOverOurs)}, floor +{Ms(wallOverFloor)}");
        Console.WriteLine($"  allocated: ours +{Mb(allocOurs)}, floor +{Mb(allocFloor)}");
        Console.WriteLine($"  lock contentions (process-wide, median): compilation {Median(compile.Select(r => (double)r.LockContentions)):0}, " +
                          $"floor {Median(floorRuns.Select(r => (double)r.LockContentions)):0}, ours {Median(ourRuns.Select(r => (double)r.LockContentions)):0}");
        return 0;
    }
}
