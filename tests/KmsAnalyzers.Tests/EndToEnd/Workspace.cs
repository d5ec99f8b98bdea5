using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace KmsAnalyzers.Tests.EndToEnd;

/// <summary>The result of one <c>dotnet</c> command.</summary>
public sealed record CommandResult(int ExitCode, string Output, string StandardOutput = "")
{
    /// <summary>KMS diagnostics in MSBuild's output, de-duplicated: (file name relative to <paramref name="root"/>, line, column, severity, id).</summary>
    public IReadOnlyCollection<(string File, int Line, int Column, string Severity, string Id)> KmsDiagnostics(string root)
    {
        var found = new SortedSet<(string, int, int, string, string)>();
        foreach (Match m in Regex.Matches(Output, @"^(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<col>\d+)\): (?<sev>warning|error) (?<id>KMS\d{4})", RegexOptions.Multiline))
        {
            var file = Path.GetRelativePath(root, m.Groups["file"].Value.Trim()).Replace('\\', '/');
            found.Add((file, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value), m.Groups["sev"].Value, m.Groups["id"].Value));
        }

        return found;
    }
}

/// <summary>
/// A throw-away folder for end-to-end runs, and the <c>dotnet</c> CLI run in it as a user would. Copies of the
/// repository keep these runs out of the working tree, so they never race a developer's build.
/// </summary>
public sealed class Workspace : IDisposable
{
    private static readonly string[] RepoFiles = { "Directory.Build.props", "Directory.Packages.props", "NuGet.config", ".editorconfig", "README.md", "CHANGELOG.md" };

    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "kms-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Copies the build inputs of <paramref name="folders"/> (no bin/obj) and the root build files into this workspace.</summary>
    public Workspace CopyRepository(params string[] folders)
    {
        foreach (var file in RepoFiles)
            File.Copy(Path.Combine(RepositoryRoot, file), Path.Combine(Root, file), overwrite: true);
        foreach (var folder in folders)
            CopyTree(Path.Combine(RepositoryRoot, folder), Path.Combine(Root, folder));
        return this;
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public CommandResult DotNet(string arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null, int timeoutSeconds = 600) =>
        Run("dotnet", arguments, workingDirectory, environment, timeoutSeconds);

    /// <summary>Runs a program (an installed tool, say) in this workspace, with the same environment as <see cref="DotNet"/>.</summary>
    public CommandResult Run(string fileName, string arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null, int timeoutSeconds = 600)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no build servers left behind by tests
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var pair in environment ?? new Dictionary<string, string>())
            start.Environment[pair.Key] = pair.Value;

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) { output.AppendLine(e.Data); standardOutput.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(fileName + " " + arguments + " did not finish in " + timeoutSeconds + " s:\n" + output);
        }

        process.WaitForExit();
        lock (output)
            return new CommandResult(process.ExitCode, output.ToString(), standardOutput.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build node may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj" or "TestResults" or "BenchmarkDotNet.Artifacts")
                continue;
            CopyTree(directory, Path.Combine(to, name));
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KmsAnalyzers.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("KmsAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
