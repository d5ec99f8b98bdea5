using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Spectre.Console;

namespace KmsAnalyzers.Cli;

internal sealed record ScanOptions(string Path, string? SarifPath, string Format, bool Restore, string Sdk);

/// <summary><c>scan</c>: findings per rule and project, optionally one SARIF file; exit 0 clean, 1 findings, 2 load errors.</summary>
internal static class ScanCommand
{
    public static async Task<int> RunAsync(ScanOptions options, CancellationToken cancellationToken)
    {
        var reporter = new Reporter();
        reporter.Progress($"kms-analyzers {KmsRules.Version}: {KmsRules.Analyzers.Length} analyzers, rules {string.Join(", ", KmsRules.Descriptors.Keys)}; .NET SDK {options.Sdk}");
        using var input = await reporter.WithProgressAsync("Loading " + options.Path,
            () => InputLoader.LoadAsync(options.Path, options.Restore, Array.Empty<string>(), null, reporter, cancellationToken)).ConfigureAwait(false);
        if (input is null)
            return Program.LoadError;

        var analysis = new Analysis();
        var diagnostics = await reporter.WithProgressAsync("Analyzing",
            () => analysis.RunAsync(input.Solution, input.IsAnalyzable, reporter, cancellationToken)).ConfigureAwait(false);
        var findings = Analysis.Findings(input.Solution, diagnostics);
        var projects = Projects(input);

        if (options.Format == "json")
            Report.WriteJson(Console.Out, findings, projects, input);
        else
            Report.WriteTable(reporter, findings, projects, input);

        if (options.SarifPath is not null)
        {
            SarifWriter.Write(options.SarifPath, findings, input.BaseDirectory);
            reporter.Progress("SARIF written to " + options.SarifPath);
        }

        Report.WriteProblems(reporter, input, analysis);
        if (input.HasProblems)
            return Program.LoadError;
        return findings.Count > 0 ? Program.FindingsRemain : Program.Clean;
    }

    /// <summary>Every project of the input by path, with its target frameworks, for the report.</summary>
    public static List<ProjectSummary> Projects(LoadedInput input)
    {
        var result = new List<ProjectSummary>();
        foreach (var group in input.Solution.Projects.GroupBy(p => p.FilePath ?? p.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (name, _) = Analysis.NameAndFramework(group.First());
            var frameworks = group.Select(p => Analysis.NameAndFramework(p).Framework).OfType<string>().OrderBy(f => f, StringComparer.Ordinal).ToArray();
            var status = group.All(input.IsAnalyzable) ? "analyzed" : group.First().Language != LanguageNames.CSharp ? "skipped (not C#)" : "not analyzed (load error)";
            result.Add(new ProjectSummary(name, group.Key, frameworks, status));
        }

        foreach (var problem in input.Problems.Where(p => p.ProjectPath is not null))
        {
            if (!result.Any(r => LoadedInput.SamePath(r.Path, problem.ProjectPath)))
                result.Add(new ProjectSummary(Path.GetFileNameWithoutExtension(problem.ProjectPath!), problem.ProjectPath!, Array.Empty<string>(), "not loaded"));
        }

        return result;
    }
}

internal sealed record ProjectSummary(string Name, string Path, IReadOnlyList<string> TargetFrameworks, string Status);

/// <summary>The human and the machine forms of a findings report.</summary>
internal static class Report
{
    /// <summary>
    /// One line per finding in the compiler's format (editors and CI logs link it), then a table of the counts per
    /// rule and project.
    /// </summary>
    public static void WriteTable(Reporter reporter, IReadOnlyList<Finding> findings, IReadOnlyList<ProjectSummary> projects, LoadedInput input)
    {
        var console = reporter.Out;
        foreach (var f in findings)
        {
            var severity = f.Severity == DiagnosticSeverity.Error ? "[red]error[/]" : f.Severity == DiagnosticSeverity.Warning ? "[yellow]warning[/]" : "info";
            console.MarkupLine($"{Markup.Escape(InputLoader.Relative(input.BaseDirectory, f.FilePath))}({f.StartLine},{f.StartColumn}): {severity} {f.Id}: {Markup.Escape(f.Message)} [grey][[{Markup.Escape(f.Project)}]][/]");
        }

        if (findings.Count > 0)
            console.WriteLine();
        var table = new Table().Border(TableBorder.Rounded).Title("KMS findings per rule and project");
        table.AddColumn("Rule");
        table.AddColumn("Title");
        table.AddColumn("Project");
        table.AddColumn(new TableColumn("Findings").RightAligned());
        foreach (var group in findings.GroupBy(f => (f.Id, f.Project)).OrderBy(g => g.Key.Id, StringComparer.Ordinal).ThenBy(g => g.Key.Project, StringComparer.Ordinal))
        {
            var title = group.First().Descriptor?.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            table.AddRow(Markup.Escape(group.Key.Id), Markup.Escape(title), Markup.Escape(group.Key.Project), group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var clean = projects.Where(p => p.Status == "analyzed" && !findings.Any(f => f.Project == p.Name)).Select(p => p.Name).ToList();
        if (clean.Count > 0)
            table.AddRow("", "[green]no findings[/]", Markup.Escape(string.Join(", ", clean)), "0");
        foreach (var p in projects.Where(p => p.Status != "analyzed"))
            table.AddRow("", "[red]" + Markup.Escape(p.Status) + "[/]", Markup.Escape(p.Name), "-");
        table.AddRow("[bold]Total[/]", "", Markup.Escape(projects.Count(p => p.Status == "analyzed") + " project(s) analyzed"), "[bold]" + findings.Count + "[/]");
        console.Write(table);
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<Finding> findings, IReadOnlyList<ProjectSummary> projects, LoadedInput input)
    {
        using var stream = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("tool", "kms-analyzers");
        json.WriteString("version", KmsRules.Version);
        json.WriteStartArray("findings");
        foreach (var f in findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", f.Id);
            json.WriteString("severity", SarifWriter.Level(f.Severity));
            json.WriteString("message", Masking.Mask(f.Message));
            json.WriteString("file", InputLoader.Relative(input.BaseDirectory, f.FilePath));
            json.WriteNumber("line", f.StartLine);
            json.WriteNumber("column", f.StartColumn);
            json.WriteNumber("endLine", f.EndLine);
            json.WriteNumber("endColumn", f.EndColumn);
            json.WriteString("project", f.Project);
            json.WriteStartArray("targetFrameworks");
            foreach (var t in f.TargetFrameworks)
                json.WriteStringValue(t);
            json.WriteEndArray();
            if (f.Descriptor?.HelpLinkUri is { Length: > 0 } help)
                json.WriteString("helpUri", help);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("projects");
        foreach (var p in projects)
        {
            json.WriteStartObject();
            json.WriteString("name", p.Name);
            json.WriteString("path", InputLoader.Relative(input.BaseDirectory, p.Path));
            json.WriteStartArray("targetFrameworks");
            foreach (var t in p.TargetFrameworks)
                json.WriteStringValue(t);
            json.WriteEndArray();
            json.WriteString("status", p.Status);
            json.WriteNumber("findings", findings.Count(f => LoadedInput.SamePath(f.ProjectPath, p.Path)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("loadErrors");
        foreach (var problem in input.Problems)
        {
            json.WriteStartObject();
            if (problem.ProjectPath is not null)
                json.WriteString("project", InputLoader.Relative(input.BaseDirectory, problem.ProjectPath));
            json.WriteString("message", Masking.Mask(problem.Message));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Load problems and analyzer failures, on stderr, after the results.</summary>
    public static void WriteProblems(Reporter reporter, LoadedInput input, Analysis analysis)
    {
        foreach (var warning in input.Warnings)
        {
            var where = warning.ProjectPath is null ? "" : InputLoader.Relative(input.BaseDirectory, warning.ProjectPath) + ": ";
            reporter.Warning(where + Masking.Mask(warning.Message));
        }

        foreach (var problem in input.Problems)
        {
            var where = problem.ProjectPath is null ? "" : InputLoader.Relative(input.BaseDirectory, problem.ProjectPath) + ": ";
            reporter.Error("could not load " + where + Masking.Mask(problem.Message) + " (the other projects were analyzed)");
        }

        foreach (var error in analysis.AnalyzerErrors.Distinct(StringComparer.Ordinal))
            reporter.Error("analyzer failure (AD0001), please report it: " + error);
    }
}
