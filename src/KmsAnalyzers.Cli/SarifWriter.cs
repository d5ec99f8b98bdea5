using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Cli;

/// <summary>
/// One SARIF 2.1.0 log for the whole input: one run, the rules of every finding, one result per finding (already
/// merged over target frameworks). Paths are relative to the repository root (the folder with .git above the input,
/// else the input's folder) under <c>%SRCROOT%</c>, as GitHub code scanning expects. Diagnostic properties are not
/// written: they are plumbing for the code fixes, and messages are masked again on the way out.
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(string path, IReadOnlyList<Finding> findings, string baseDirectory)
    {
        var root = RepositoryRoot(baseDirectory);
        var rules = findings.Select(f => f.Id).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "KmsAnalyzers");
        json.WriteString("version", KmsRules.Version);
        json.WriteString("semanticVersion", KmsRules.Version);
        json.WriteString("informationUri", RepositoryInfo.Url);
        json.WriteStartArray("rules");
        foreach (var id in rules)
            WriteRule(json, id);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("%SRCROOT%");
        json.WriteString("uri", new Uri(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in findings)
            WriteResult(json, finding, rules.IndexOf(finding.Id), root);
        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, string id)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        if (KmsRules.Descriptors.TryGetValue(id, out var descriptor))
        {
            var title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
            json.WriteString("name", PascalCase(title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", title);
            json.WriteEndObject();
            var description = descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (description.Length > 0)
            {
                json.WriteStartObject("fullDescription");
                json.WriteString("text", description);
                json.WriteEndObject();
            }

            if (!string.IsNullOrEmpty(descriptor.HelpLinkUri))
                json.WriteString("helpUri", descriptor.HelpLinkUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(descriptor.DefaultSeverity));
            if (!descriptor.IsEnabledByDefault)
                json.WriteBoolean("enabled", false);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", descriptor.Category);
            json.WriteStartArray("tags");
            json.WriteStringValue(descriptor.Category.ToLowerInvariant());
            json.WriteStringValue("aws-kms");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, string root)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", Masking.Mask(finding.Message));
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var relative = Path.GetRelativePath(root, finding.FilePath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            json.WriteString("uri", new Uri(finding.FilePath).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", string.Join("/", relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", "%SRCROOT%");
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.StartLine);
        json.WriteNumber("startColumn", finding.StartColumn);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("project", finding.Project);
        if (finding.TargetFrameworks.Count > 0)
        {
            json.WriteStartArray("targetFrameworks");
            foreach (var framework in finding.TargetFrameworks)
                json.WriteStringValue(framework);
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>The folder that holds .git above <paramref name="directory"/>, else <paramref name="directory"/> itself.</summary>
    public static string RepositoryRoot(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git")))
                return d.FullName;
        }

        return Path.GetFullPath(directory);
    }

    private static string PascalCase(string title)
    {
        var builder = new StringBuilder();
        foreach (var word in title.Split(new[] { ' ', '-', '\'' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0)
                builder.Append(char.ToUpperInvariant(letters[0])).Append(letters, 1, letters.Length - 1);
        }

        return builder.ToString();
    }
}
