using System;
using System.Collections.Generic;
using System.Threading;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Options;

/// <summary>
/// The AWS section of the project's <c>appsettings*.json</c> AdditionalFiles, as <c>configuration.GetAWSOptions()</c>
/// reads it: the Region every environment gets, or null when it is absent, not a constant Region, or an
/// <c>appsettings.{Environment}.json</c> sets another one.
/// </summary>
internal static class AwsSettings
{
    public static string? Region(AnalyzerOptions options, string section, CancellationToken cancellationToken)
    {
        var files = new List<(string Path, Func<string, string?> Get)>();
        foreach (var file in options.AdditionalFiles)
        {
            if (!IsAppSettingsPath(file.Path) || file.GetText(cancellationToken) is not { } text)
                continue;
            var root = TryParse(text.ToString());
            files.Add((file.Path, key => root is null ? null : Lookup(root, key)));
        }

        return SettingsRegion(section, files);
    }

    /// <summary>
    /// The constant <c>{section}:Region</c> of the project's <c>appsettings.json</c>, when no other settings file
    /// (<c>appsettings.{Environment}.json</c>) sets another one; null otherwise.
    /// </summary>
    internal static string? SettingsRegion(string section, IReadOnlyList<(string Path, Func<string, string?> Get)> files)
    {
        string? baseRegion = null;
        foreach (var (path, get) in files)
        {
            if (System.IO.Path.GetFileName(path).Equals("appsettings.json", StringComparison.OrdinalIgnoreCase))
                baseRegion ??= get(section + ":Region");
        }

        if (baseRegion is null || !KmsIdentifiers.IsRegion(baseRegion))
            return null;
        foreach (var (_, get) in files)
        {
            // appsettings.Production.json may override it in that environment.
            if (get(section + ":Region") is { } other && other != baseRegion)
                return null;
        }

        return baseRegion;
    }

    private static bool IsAppSettingsPath(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    // As the .NET configuration reader reads it: comments and trailing commas allowed. A file it would reject is skipped.
    private static JsonValue? TryParse(string text) =>
        JsonReader.TryParse(text, JsonSyntax.Configuration, out var root) && root?.Kind == JsonKind.Object ? root : null;

    // Configuration keys compare without case: AWS:Region finds "aws": { "region": … }.
    private static string? Lookup(JsonValue root, string key)
    {
        var current = root;
        foreach (var part in key.Split(':'))
        {
            JsonValue? next = null;
            foreach (var member in current.Members ?? new List<KeyValuePair<string, JsonValue>>())
            {
                if (string.Equals(member.Key, part, StringComparison.OrdinalIgnoreCase))
                    next = member.Value;
            }

            if (next is null)
                return null;
            current = next;
        }

        return current.Kind == JsonKind.String ? current.Text : null;
    }
}
