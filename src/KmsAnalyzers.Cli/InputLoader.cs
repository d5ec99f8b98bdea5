using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Cli;

/// <summary>A problem that kept a project (or the whole input) from loading completely.</summary>
internal sealed record LoadProblem(string? ProjectPath, string Message);

/// <summary>The loaded input: the workspace's solution plus what could not be loaded.</summary>
internal sealed class LoadedInput : IDisposable
{
    public LoadedInput(MSBuildWorkspace? workspace, Solution solution, string baseDirectory, IReadOnlyList<LoadProblem> problems)
    {
        Workspace = workspace;
        Solution = solution;
        BaseDirectory = baseDirectory;
        Problems = problems;
    }

    public MSBuildWorkspace? Workspace { get; }

    /// <summary>The solution as loaded, with the alias maps and options the tool adds (never written back).</summary>
    public Solution Solution { get; set; }

    /// <summary>The folder of the input: relative paths in reports, default place of the alias plan.</summary>
    public string BaseDirectory { get; }

    public IReadOnlyList<LoadProblem> Problems { get; }

    /// <summary>What MSBuild said about projects that loaded all the same.</summary>
    public IReadOnlyList<LoadProblem> Warnings { get; init; } = Array.Empty<LoadProblem>();

    public bool HasProblems => Problems.Count > 0;

    /// <summary>Whether a project is to be analyzed: C#, and loaded without problems.</summary>
    public bool IsAnalyzable(Project project) =>
        project.Language == LanguageNames.CSharp &&
        !Problems.Any(p => p.ProjectPath is not null && SamePath(p.ProjectPath, project.FilePath));

    public void Dispose() => Workspace?.Dispose();

    public static bool SamePath(string? a, string? b) =>
        a is not null && b is not null &&
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

/// <summary>
/// Opens a .sln, .slnx, .csproj or folder with MSBuildWorkspace, after <c>dotnet restore</c> (as <c>dotnet format</c>
/// does), and adds what a build with the KmsAnalyzers package would give each project: the <c>kms-aliases*.json</c>
/// files next to it (and those named on the command line) as AdditionalFiles. A project that fails to restore or load
/// is reported and left out; the others are loaded.
/// </summary>
internal static class InputLoader
{
    /// <summary>What the package's build/KmsAnalyzers.targets adds from the project folder as AdditionalFiles.</summary>
    private static readonly string[] PackageAdditionalFiles = { "kms-aliases*.json", "appsettings*.json" };

    private static readonly string[] SkippedFolders = { "bin", "obj", ".git", ".vs", "node_modules", "TestResults" };

    public static async Task<LoadedInput?> LoadAsync(
        string path, bool restore, IReadOnlyList<string> extraAliasMaps, string? globalConfig, Reporter reporter, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var problems = new List<LoadProblem>();
        if (!ResolveTargets(full, out var solutionFile, out var projectFiles, out var error))
        {
            reporter.Error(error);
            return null;
        }

        var baseDirectory = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        if (restore)
            await RestoreAsync(solutionFile, projectFiles, problems, reporter, cancellationToken).ConfigureAwait(false);

        var workspace = MSBuildWorkspace.Create();
        var progress = new Progress<ProjectLoadProgress>(p =>
        {
            if (p.Operation == ProjectLoadOperation.Resolve)
                reporter.Progress("Loaded " + Relative(baseDirectory, p.FilePath) + (p.TargetFramework is { } tfm ? " (" + tfm + ")" : ""));
        });
        try
        {
            if (solutionFile is not null)
            {
                reporter.Progress("Loading " + Relative(baseDirectory, solutionFile));
                await workspace.OpenSolutionAsync(solutionFile, progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                foreach (var project in projectFiles)
                {
                    if (workspace.CurrentSolution.Projects.Any(p => LoadedInput.SamePath(p.FilePath, project)))
                        continue; // already loaded as a reference of an earlier one
                    reporter.Progress("Loading " + Relative(baseDirectory, project));
                    try
                    {
                        await workspace.OpenProjectAsync(project, progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
                    {
                        problems.Add(new LoadProblem(project, e.Message));
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
        {
            problems.Add(new LoadProblem(solutionFile, e.Message));
        }

        // MSBuildWorkspace reports every MSBuild error and some warnings (NU1603, say) as failures; a project that
        // loaded with its documents anyway is analyzed, and the message is only shown.
        var warnings = new List<LoadProblem>();
        foreach (var diagnostic in workspace.Diagnostics)
        {
            if (diagnostic.Kind != WorkspaceDiagnosticKind.Failure)
                continue;
            var project = ProjectPathIn(diagnostic.Message);
            var loaded = project is not null && workspace.CurrentSolution.Projects.Any(p => LoadedInput.SamePath(p.FilePath, project) && p.DocumentIds.Count > 0);
            (loaded ? warnings : problems).Add(new LoadProblem(project, diagnostic.Message));
        }

        var solution = AddInputs(workspace.CurrentSolution, extraAliasMaps, globalConfig);
        return new LoadedInput(workspace, solution, baseDirectory, Deduplicate(problems)) { Warnings = Deduplicate(warnings) };
    }

    private static bool ResolveTargets(string full, out string? solutionFile, out List<string> projectFiles, out string error)
    {
        solutionFile = null;
        projectFiles = new List<string>();
        error = "";
        if (File.Exists(full))
        {
            var extension = Path.GetExtension(full).ToLowerInvariant();
            if (extension is ".sln" or ".slnx" or ".slnf")
                solutionFile = full;
            else if (extension == ".csproj")
                projectFiles.Add(full);
            else
            {
                error = $"'{full}' is not a .sln, .slnx or .csproj file.";
                return false;
            }

            return true;
        }

        if (!Directory.Exists(full))
        {
            error = $"'{full}' does not exist.";
            return false;
        }

        var solutions = Directory.GetFiles(full, "*.sln").Concat(Directory.GetFiles(full, "*.slnx")).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (solutions.Count > 1)
        {
            error = $"'{full}' holds several solutions ({string.Join(", ", solutions.Select(Path.GetFileName))}); name the one to open.";
            return false;
        }

        if (solutions.Count == 1)
        {
            solutionFile = solutions[0];
            return true;
        }

        projectFiles.AddRange(FindProjects(full).OrderBy(f => f, StringComparer.Ordinal));
        if (projectFiles.Count == 0)
        {
            error = $"'{full}' holds no .sln, .slnx or .csproj file.";
            return false;
        }

        return true;
    }

    private static IEnumerable<string> FindProjects(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.csproj"))
            yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
                continue;
            foreach (var file in FindProjects(sub))
                yield return file;
        }
    }

    /// <summary>
    /// <c>dotnet restore</c> of the solution; when that fails as a whole (one broken project stops a solution
    /// restore), each of its projects is restored on its own so that one failure does not stop the others.
    /// </summary>
    private static async Task RestoreAsync(string? solutionFile, List<string> projectFiles, List<LoadProblem> problems, Reporter reporter, CancellationToken cancellationToken)
    {
        var targets = solutionFile is not null ? new List<string> { solutionFile } : projectFiles;
        foreach (var target in targets)
        {
            reporter.Progress("Restoring " + Path.GetFileName(target));
            var (exit, output) = await RunDotNetAsync("restore \"" + target + "\"", Path.GetDirectoryName(target)!, cancellationToken).ConfigureAwait(false);
            if (exit == 0)
                continue;
            if (target == solutionFile)
            {
                foreach (var project in SolutionProjects(solutionFile))
                {
                    var (projectExit, projectOutput) = await RunDotNetAsync("restore \"" + project + "\"", Path.GetDirectoryName(project)!, cancellationToken).ConfigureAwait(false);
                    if (projectExit != 0)
                        problems.Add(new LoadProblem(project, "restore failed: " + ErrorLines(projectOutput, project)));
                }
            }
            else
            {
                problems.Add(new LoadProblem(target, "restore failed: " + ErrorLines(output, target)));
            }
        }
    }

    /// <summary>The project paths listed in a .sln (Project(...) lines) or .slnx (&lt;Project Path="…"&gt;).</summary>
    internal static IEnumerable<string> SolutionProjects(string solutionFile)
    {
        var text = File.ReadAllText(solutionFile);
        var directory = Path.GetDirectoryName(solutionFile)!;
        var pattern = solutionFile.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
            ? @"<Project\s+Path=""(?<path>[^""]+\.csproj)"""
            : @"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*"",\s*""(?<path>[^""]+\.csproj)""";
        foreach (Match m in Regex.Matches(text, pattern, RegexOptions.Multiline))
        {
            var relative = m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar);
            yield return Path.GetFullPath(Path.Combine(directory, relative));
        }
    }

    private static string ErrorLines(string output, string project)
    {
        var lines = output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains(": error ", StringComparison.Ordinal))
            .Select(l => l.Replace(project, Path.GetFileName(project), StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToList();
        return lines.Count == 0 ? "see 'dotnet restore' output" : string.Join(" | ", lines);
    }

    internal static async Task<(int ExitCode, string Output)> RunDotNetAsync(string arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    /// <summary>
    /// Gives every project what the package gives it in a build: the <c>kms-aliases*.json</c> and
    /// <c>appsettings*.json</c> files of its folder as AdditionalFiles (unless it has them already), plus the extra
    /// alias maps, and the tool's option overrides as a global analyzer config.
    /// </summary>
    private static Solution AddInputs(Solution solution, IReadOnlyList<string> extraAliasMaps, string? globalConfig)
    {
        foreach (var projectId in solution.ProjectIds)
        {
            var project = solution.GetProject(projectId)!;
            if (project.Language != LanguageNames.CSharp || project.FilePath is null)
                continue;
            var folder = Path.GetDirectoryName(project.FilePath)!;
            var files = PackageAdditionalFiles.SelectMany(pattern => Directory.GetFiles(folder, pattern)).Concat(extraAliasMaps);
            foreach (var map in files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
            {
                if (project.AdditionalDocuments.Any(d => LoadedInput.SamePath(d.FilePath, map)))
                    continue;
                var text = SourceText.From(File.ReadAllText(map), Encoding.UTF8);
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(map), text, filePath: map);
                project = solution.GetProject(projectId)!;
            }

            if (globalConfig is not null)
            {
                var path = Path.Combine(folder, "kms-analyzers.cli.globalconfig");
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(globalConfig, Encoding.UTF8), filePath: path);
            }
        }

        return solution;
    }

    private static string? ProjectPathIn(string message)
    {
        var m = Regex.Match(message, @"(?<path>(?:[A-Za-z]:)?[^\s'""]*\.(?:cs|vb|fs)proj)");
        return m.Success ? m.Groups["path"].Value : null;
    }

    private static List<LoadProblem> Deduplicate(List<LoadProblem> problems) =>
        problems.GroupBy(p => (p.ProjectPath ?? "", p.Message)).Select(g => g.First()).ToList();

    public static string Relative(string baseDirectory, string path) =>
        Path.GetRelativePath(baseDirectory, path).Replace('\\', '/');
}
