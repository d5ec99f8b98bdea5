using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using KmsAnalyzers.Rules;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KmsAnalyzers.Tests;

/// <summary>The preset .globalconfig files shipped in the package say exactly what the descriptors say.</summary>
public sealed class PresetTests
{
    public static TheoryData<string, string> Presets() => new()
    {
        { "default", "warning" },
        { "strict", "error" },
        { "none", "none" },
    };

    /// <summary>The file a preset must have; the test prints it on drift so it can be pasted back.</summary>
    internal static string Expected(string mode, string severity)
    {
        var descriptors = typeof(KmsAnalyzers.Rules.KmsCodeAnalyzer).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .GroupBy(d => d.Id).Select(g => g.First()) // a rule's compilation-end descriptor shares its id
            .OrderBy(d => d.Id, StringComparer.Ordinal);
        var lines = new List<string>
        {
            $"# KmsAnalyzers preset '{mode}' (MSBuild property KmsAnalysisMode={mode}).",
            "# Generated from the rule descriptors; PresetTests fails when it drifts. Your own .editorconfig and",
            "# .globalconfig files win: this file has a negative global_level.",
            "is_global = true",
            "global_level = -100",
            "",
        };
        foreach (var descriptor in descriptors)
        {
            lines.Add($"# {descriptor.Id}: {descriptor.Title}");
            // An opt-in rule stays off in the default preset (its descriptor says so); strict turns it on, none keeps it off.
            if (!descriptor.IsEnabledByDefault && mode == "default")
                lines.Add("# (disabled by default; enable it with dotnet_diagnostic." + descriptor.Id + ".severity or KmsAnalysisMode=strict)");
            else
                lines.Add($"dotnet_diagnostic.{descriptor.Id}.severity = {severity}");
        }

        return string.Join("\n", lines) + "\n";
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_lists_every_rule_at_its_severity(string mode, string severity)
    {
        var path = Path.Combine(EndToEnd.Workspace.RepositoryRoot, "src", "KmsAnalyzers.Package", "configuration", $"kms.{mode}.globalconfig");
        Assert.Equal(Expected(mode, severity), File.ReadAllText(path).Replace("\r\n", "\n"));
    }
}
