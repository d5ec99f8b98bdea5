using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Cli;

/// <summary>One finding as reported: a KMS diagnostic at one place, merged over the target frameworks that saw it.</summary>
internal sealed record Finding(
    string Id, DiagnosticSeverity Severity, string Message, string FilePath, int StartLine, int StartColumn, int EndLine,
    int EndColumn, string Project, string ProjectPath, IReadOnlyList<string> TargetFrameworks)
{
    public DiagnosticDescriptor? Descriptor => KmsRules.Descriptors.TryGetValue(Id, out var d) ? d : null;
}

/// <summary>The diagnostics of one project of the solution (one target framework of a multi-targeted project).</summary>
internal sealed record ProjectDiagnostics(ProjectId ProjectId, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Runs the KmsAnalyzers rules over every loaded C# project with the project's own analyzer options (its
/// .editorconfig, .globalconfig and AdditionalFiles) and compilation options (severities, NoWarn, warnings as
/// errors), as a build would. Suppressed and hidden diagnostics are not findings.
/// </summary>
internal sealed class Analysis
{
    private readonly ConcurrentDictionary<(ProjectId, VersionStamp), ImmutableArray<Diagnostic>> _cache = new();

    public List<string> AnalyzerErrors { get; } = new();

    public async Task<List<ProjectDiagnostics>> RunAsync(Solution solution, Func<Project, bool> include, Reporter reporter, CancellationToken cancellationToken)
    {
        var result = new List<ProjectDiagnostics>();
        foreach (var project in solution.Projects.Where(include).OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var version = await project.GetDependentVersionAsync(cancellationToken).ConfigureAwait(false);
            if (!_cache.TryGetValue((project.Id, version), out var diagnostics))
            {
                reporter.Progress("Analyzing " + project.Name);
                diagnostics = await AnalyzeAsync(project, cancellationToken).ConfigureAwait(false);
                _cache[(project.Id, version)] = diagnostics;
            }

            result.Add(new ProjectDiagnostics(project.Id, diagnostics));
        }

        return result;
    }

    private async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
            return ImmutableArray<Diagnostic>.Empty;
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (AnalyzerErrors)
                    AnalyzerErrors.Add($"{analyzer.GetType().Name} threw {exception.GetType().Name} in {project.Name}: {exception.Message}");
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(KmsRules.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return diagnostics
            .Where(d => KmsRules.Descriptors.ContainsKey(d.Id) && !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden &&
                        (d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile))
            .ToImmutableArray();
    }

    /// <summary>
    /// Findings de-duplicated over target frameworks (and over projects that share a file): one per rule, place and
    /// message, in file and position order.
    /// </summary>
    public static List<Finding> Findings(Solution solution, IEnumerable<ProjectDiagnostics> all)
    {
        var byKey = new Dictionary<(string, string, int, int, string), (Finding Finding, SortedSet<string> Frameworks)>();
        foreach (var (projectId, diagnostics) in all)
        {
            var project = solution.GetProject(projectId)!;
            var (name, framework) = NameAndFramework(project);
            foreach (var diagnostic in diagnostics)
            {
                var span = diagnostic.Location.GetLineSpan();
                var path = span.Path;
                var message = Masking.Mask(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                var key = (diagnostic.Id, path, diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.End, message);
                if (!byKey.TryGetValue(key, out var entry))
                {
                    entry = (new Finding(
                        diagnostic.Id, diagnostic.Severity, message, path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                        span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1, name, project.FilePath ?? name, Array.Empty<string>()),
                        new SortedSet<string>(StringComparer.Ordinal));
                    byKey[key] = entry;
                }

                if (framework is not null)
                    entry.Frameworks.Add(framework);
            }
        }

        return byKey.Values
            .Select(e => e.Finding with { TargetFrameworks = e.Frameworks.ToArray() })
            .OrderBy(f => f.FilePath, StringComparer.Ordinal).ThenBy(f => f.StartLine).ThenBy(f => f.StartColumn).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The project's name without the "(net8.0)" that MSBuildWorkspace appends per target framework, and that framework.</summary>
    public static (string Name, string? Framework) NameAndFramework(Project project)
    {
        var m = Regex.Match(project.Name, @"^(?<name>.*)\((?<tfm>[^()]+)\)$");
        if (m.Success)
            return (m.Groups["name"].Value, m.Groups["tfm"].Value);
        return (project.FilePath is { } path ? Path.GetFileNameWithoutExtension(path) : project.Name, null);
    }
}
