using System;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KmsAnalyzers.Benchmarks.Infrastructure;

internal static class BenchmarkConfig
{
    /// <summary>
    /// One operation takes seconds, so: in process (no generated project to build), the Monitoring strategy (every
    /// iteration is one invocation, no pilot), one warm-up and <paramref name="iterations"/> measured iterations.
    /// Artifacts go next to the binaries, out of the source tree.
    /// </summary>
    public static IConfig Create(int iterations) => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(iterations))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"))
        .WithOptions(ConfigOptions.JoinSummary);
}
