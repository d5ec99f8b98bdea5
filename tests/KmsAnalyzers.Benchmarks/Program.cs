using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;
using KmsAnalyzers.Benchmarks.Analyzers;
using KmsAnalyzers.Benchmarks.Infrastructure;

namespace KmsAnalyzers.Benchmarks;

/// <summary>
/// <code>
/// dotnet run -c Release --project tests/KmsAnalyzers.Benchmarks -- analyzers [--quick] [--files N] [--iterations N] [--warmup N] [--replay] [--replays N] [--replay-only] [--no-scaling] [--no-ide] [--stubs] [--by-callback] [--no-kms]
/// dotnet run -c Release --project tests/KmsAnalyzers.Benchmarks -- scaling [--iterations N] [--stubs] [--only TEXT]
/// dotnet run -c Release --project tests/KmsAnalyzers.Benchmarks -- realbuild [--files N] [--projects N] [--iterations N] [--out DIR]
/// dotnet run -c Release --project tests/KmsAnalyzers.Benchmarks -- fixall    [--quick] [--iterations N] [--sizes 2500,5000,10000] [--series grow|fixed|both] [--profile]
/// </code>
/// Without <c>--quick</c> the benchmark runs under BenchmarkDotNet (<c>--iterations</c>, default 3, and <c>--files</c>
/// are ours; other arguments, such as <c>--filter *Large*</c>, go to BenchmarkDotNet).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("usage: analyzers|scaling|realbuild|fixall [--quick] [options]; see docs/performance.md");
            return args.Length == 0 ? 2 : 0;
        }

        var rest = args.Skip(1).ToArray();
        var quick = rest.Contains("--quick");
        switch (args[0])
        {
            case "analyzers" when quick:
                return AnalyzerQuickRun.Run(new AnalyzerQuickRun.Settings(
                    Int(rest, "--files", AnalyzerQuickRun.DefaultQuickFiles), Int(rest, "--iterations", 3), Int(rest, "--warmup", 1),
                    Int(rest, "--replays", 7), ReplayOnly: rest.Contains("--replay-only"), Replay: rest.Contains("--replay"),
                    Scaling: !rest.Contains("--no-scaling"), LargeDocument: !rest.Contains("--no-ide"), Stubs: rest.Contains("--stubs"),
                    ByCallback: rest.Contains("--by-callback"), NoKms: rest.Contains("--no-kms")));
            case "scaling":
                return ScalingRun.Run(rest.Contains("--stubs"), Int(rest, "--iterations", 3), Text(rest, "--only"));
            case "realbuild":
                return RealBuildRun.Run(Int(rest, "--files", 400), Int(rest, "--projects", 4), Int(rest, "--iterations", 3), Text(rest, "--out"));
            case "fixall" when quick:
                return FixAll.FixAllQuickRun.RunAsync(
                    FixAll.FixAllQuickRun.ParseSizes(Text(rest, "--sizes")), Text(rest, "--series") ?? "both",
                    Int(rest, "--iterations", 3), rest.Contains("--profile")).GetAwaiter().GetResult();
            case "analyzers":
            {
                AnalyzerBenchmarks.Files = Int(rest, "--files", CodeBaseGenerator.DefaultFiles);
                var summary = BenchmarkRunner.Run<AnalyzerBenchmarks>(BenchmarkConfig.Create(Int(rest, "--iterations", 3)), BenchmarkArgs(rest));
                var compilation = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(AnalyzerBenchmarks.Compilation));
                AnalyzerBenchmarks.PrintTelemetry(compilation?.ResultStatistics is { } stats ? TimeSpan.FromMilliseconds(stats.Median / 1e6) : null);
                return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
            }

            case "fixall":
            {
                FixAll.FixAllBenchmarks.Sizes = FixAll.FixAllQuickRun.ParseSizes(Text(rest, "--sizes"));
                var summary = BenchmarkRunner.Run<FixAll.FixAllBenchmarks>(BenchmarkConfig.Create(Int(rest, "--iterations", 3)), BenchmarkArgs(rest));
                return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
            }

            default:
                Console.Error.WriteLine("unknown benchmark: " + args[0]);
                return 2;
        }
    }

    // What is left for BenchmarkDotNet (--filter, --exporters, …) once our own options are taken out.
    private static string[] BenchmarkArgs(string[] args)
    {
        var ours = new[] { "--files", "--iterations", "--sizes" };
        var result = new System.Collections.Generic.List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (Array.IndexOf(ours, args[i]) >= 0)
                i++;
            else
                result.Add(args[i]);
        }

        return result.ToArray();
    }

    internal static int Int(string[] args, string name, int defaultValue)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : defaultValue;
    }

    internal static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
