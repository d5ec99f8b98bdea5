using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using static KmsAnalyzers.Benchmarks.Infrastructure.Stats;

namespace KmsAnalyzers.Benchmarks.Analyzers;

/// <summary>
/// <c>realbuild</c> (issue 16): what a user sees in a real <c>dotnet build -p:ReportAnalyzer=true</c>. Writes the
/// generated code base as a solution of several projects (a common library and app projects that reference the real
/// AWSSDK.KeyManagementService and Amazon.CDK.Lib packages and our analyzer assembly, with the alias map as an
/// additional file and the options in <c>.editorconfig</c>), restores it once, then builds it <c>--no-incremental</c>
/// with the compiler server warm and reads, from each compilation's analyzer report, the time of our analyzers (all
/// together and one by one) next to the SDK's own analyzers, and the <c>Csc</c> task time from the performance summary.
/// </summary>
internal static partial class RealBuildRun
{
    public static int Run(int files, int projects, int iterations, string? output)
    {
        var root = output ?? Path.Combine(Path.GetTempPath(), "kms-realbuild");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        var analyzer = Path.Combine(AppContext.BaseDirectory, "KmsAnalyzers.dll");
        Console.WriteLine($"Writing {files} generated files as {projects} app projects + 1 common project to {root}");
        Console.WriteLine($"Analyzer: {analyzer}");
        var codeBase = CodeBaseGenerator.Generate(files, cdk: true);
        Write(root, codeBase, projects, analyzer);

        Console.WriteLine($"Load average before: {LoadAverage()}");
        if (Dotnet(root, "restore Contoso.slnx", out var restoreLog) != 0)
        {
            Console.Error.WriteLine(restoreLog);
            return 1;
        }

        var runs = new List<BuildFigures>();
        for (var i = -1; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            var code = Dotnet(root, "build Contoso.slnx --no-restore --no-incremental -c Release -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary", out var log);
            watch.Stop();
            File.WriteAllText(Path.Combine(root, $"build-{i + 1}.log"), log);
            if (code != 0)
            {
                Console.Error.WriteLine(string.Join('\n', log.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(20)));
                return 1;
            }

            var figures = BuildFigures.Parse(log, watch.Elapsed);
            Console.WriteLine($"  {(i < 0 ? "warm-up (compiler server)" : $"build {i + 1}/{iterations}")}: wall {Ms(figures.Wall)}, Csc {Ms(figures.Csc)}, " +
                              $"all analyzers {Ms(figures.AllAnalyzers)}, ours {Ms(figures.Ours)}; load {LoadAverage()}");
            if (i >= 0)
                runs.Add(figures);
        }

        var csc = Median(runs.Select(r => r.Csc));
        var ours = Median(runs.Select(r => r.Ours));
        Console.WriteLine();
        Console.WriteLine($"Real build, {projects + 1} projects, {codeBase.Files.Count} files, {codeBase.KmsFiles} with KMS code, {codeBase.CdkFiles} with CDK stacks; medians of {runs.Count} builds (summed over the projects):");
        Console.WriteLine();
        Console.WriteLine($"| {"analyzer (csc /reportanalyzer)",-62} | {"s",8} | {"% of Csc",8}");
        Console.WriteLine($"|{new string('-', 64)}|{new string('-', 10)}|{new string('-', 10)}");
        void Row(string name, TimeSpan time) => Console.WriteLine($"| {name,-62} | {time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),8} | {Percent(time / csc),8}");
        Row("all analyzers of the build (SDK's and ours)", Median(runs.Select(r => r.AllAnalyzers)));
        foreach (var assembly in runs[0].Assemblies.Keys.OrderBy(k => k, StringComparer.Ordinal))
            Row("  " + assembly, Median(runs.Select(r => r.Assemblies.GetValueOrDefault(assembly))));
        foreach (var name in runs[0].OurAnalyzers.Keys.OrderBy(k => k, StringComparer.Ordinal))
            Row("    " + name, Median(runs.Select(r => r.OurAnalyzers.GetValueOrDefault(name))));
        Console.WriteLine($"| {"Csc task (performance summary)",-62} | {csc.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),8} | {"100 %",8}");
        Console.WriteLine();
        Console.WriteLine($"ours / Csc: {Percent(ours / csc)} (target <= {Percent(AnalyzerQuickRun.CompilationShareTarget)}) {Verdict(ours / csc <= AnalyzerQuickRun.CompilationShareTarget)}");
        Console.WriteLine($"Load average after: {LoadAverage()}");
        Console.WriteLine($"Logs: {root}/build-*.log");
        return 0;
    }

    private static void Write(string root, GeneratedCodeBase codeBase, int projects, string analyzer)
    {
        File.WriteAllText(Path.Combine(root, ".editorconfig"),
            "root = true\n\n[*.cs]\nkms_analyzers.home_regions = eu-west-1,eu-west-2\nkms_analyzers.derive_alias_names = true\n");
        // Nothing from an enclosing directory (a repository's central package versions) may leak in.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(root, "kms-aliases.json"), codeBase.AliasMapJson);
        var common = codeBase.Files[0];
        WriteProject(root, "Contoso.Common", new[] { common }, null, null);
        var names = new List<string> { "Contoso.Common" };
        for (var p = 0; p < projects; p++)
        {
            var name = "Contoso.App" + (p + 1).ToString(CultureInfo.InvariantCulture);
            var mine = codeBase.Files.Skip(1).Where((_, i) => i % projects == p).ToList();
            WriteProject(root, name, mine, analyzer, "Contoso.Common");
            names.Add(name);
        }

        var solution = new StringBuilder("<Solution>\n");
        foreach (var name in names)
            solution.Append("  <Project Path=\"").Append(name).Append('/').Append(name).Append(".csproj\" />\n");
        solution.Append("</Solution>\n");
        File.WriteAllText(Path.Combine(root, "Contoso.slnx"), solution.ToString());
    }

    private static void WriteProject(string root, string name, IReadOnlyList<GeneratedFile> files, string? analyzer, string? reference)
    {
        var directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.Path.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        var project = new StringBuilder();
        project.Append("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <LangVersion>12</LangVersion>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS1591;CS8618;CS0168;CS0219</NoWarn>
              </PropertyGroup>

            """);
        if (analyzer is not null)
        {
            project.Append($"""
                  <ItemGroup>
                    <PackageReference Include="AWSSDK.KeyManagementService" Version="4.1.0" />
                    <PackageReference Include="Amazon.CDK.Lib" Version="2.103.0" />
                    <PackageReference Include="Constructs" Version="10.0.5" />
                    <ProjectReference Include="../{reference}/{reference}.csproj" />
                    <Analyzer Include="{analyzer}" />
                    <AdditionalFiles Include="../kms-aliases.json" />
                  </ItemGroup>

                """);
        }

        project.Append("</Project>\n");
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), project.ToString());
    }

    private static int Dotnet(string directory, string arguments, out string log)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        log += stderr.Result;
        return process.ExitCode;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>The figures of one build, summed over its compilations.</summary>
    private sealed partial class BuildFigures
    {
        public TimeSpan Wall { get; private init; }
        public TimeSpan Csc { get; private set; }
        public TimeSpan AllAnalyzers { get; private set; }
        public TimeSpan Ours { get; private set; }
        public Dictionary<string, TimeSpan> Assemblies { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, TimeSpan> OurAnalyzers { get; } = new(StringComparer.Ordinal);

        // csc /reportanalyzer:  "Total analyzer execution time: 1.234 seconds." then rows "   0.123   12   Name, Version=…" (an
        // assembly) and "      0.045    4      Namespace.TypeName (IDS)" (an analyzer of the assembly above).
        public static BuildFigures Parse(string log, TimeSpan wall)
        {
            var figures = new BuildFigures { Wall = wall };
            string? assembly = null;
            var inAnalyzers = false;
            foreach (var raw in log.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (TotalAnalyzers().Match(line) is { Success: true } total)
                {
                    figures.AllAnalyzers += Seconds(total.Groups[1].Value);
                    inAnalyzers = true;
                    continue;
                }

                if (line.Contains("Total generator execution time", StringComparison.Ordinal))
                {
                    inAnalyzers = false;
                    continue;
                }

                if (CscTask().Match(line) is { Success: true } csc)
                {
                    figures.Csc += TimeSpan.FromMilliseconds(double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture));
                    continue;
                }

                if (!inAnalyzers || Row().Match(line) is not { Success: true } row)
                    continue;
                var name = row.Groups[3].Value.Trim();
                var time = Seconds(row.Groups[1].Value);
                if (name.Contains(", Version=", StringComparison.Ordinal))
                {
                    assembly = name[..name.IndexOf(',', StringComparison.Ordinal)];
                    figures.Assemblies[assembly] = figures.Assemblies.GetValueOrDefault(assembly) + time;
                    if (assembly == "KmsAnalyzers")
                        figures.Ours += time;
                }
                else if (assembly == "KmsAnalyzers")
                {
                    figures.OurAnalyzers[name] = figures.OurAnalyzers.GetValueOrDefault(name) + time;
                }
            }

            return figures;
        }

        private static TimeSpan Seconds(string text) =>
            text.StartsWith('<') ? TimeSpan.Zero : TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture));

        [GeneratedRegex(@"Total analyzer execution time: ([0-9.]+) seconds")]
        private static partial Regex TotalAnalyzers();

        [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?) ms\s+Csc\s+[0-9]+ calls")]
        private static partial Regex CscTask();

        [GeneratedRegex(@"^\s+(<?[0-9]+\.[0-9]+)\s+(<?[0-9]+)\s+(\S.*)$")]
        private static partial Regex Row();
    }
}
