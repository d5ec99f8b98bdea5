using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Options;

/// <summary>A string value of an application settings file, with its configuration key (<c>Kms:OrdersKeyArn</c>).</summary>
internal readonly struct AppSetting
{
    public AppSetting(string key, JsonValue value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The key as <c>IConfiguration</c> names it: member names joined by <c>:</c>, array items by index.</summary>
    public string Key { get; }

    public JsonValue Value { get; }
}

/// <summary>
/// One <c>appsettings*.json</c> AdditionalFile, read as the .NET configuration JSON provider reads it: comments and
/// trailing commas allowed, the root must be an object, and a key may appear once (compared without case). A file
/// the provider would reject has no <see cref="Root"/>: it is the application's configuration, not ours to validate,
/// so callers skip it without a word.
/// </summary>
internal sealed class AppSettingsFile
{
    // Parsed once per file text and shared by every analyzer and compilation that sees the same text.
    private static readonly ConditionalWeakTable<SourceText, AppSettingsFile> Cache = new();
    private static readonly AppSettingsFile Invalid = new(null, new List<AppSetting>());

    private AppSettingsFile(JsonValue? root, List<AppSetting> strings)
    {
        Root = root;
        Strings = strings;
    }

    /// <summary>The root object, or null when the file is not valid configuration JSON.</summary>
    public JsonValue? Root { get; }

    /// <summary>Every string value in document order, with its configuration key; empty for an invalid file.</summary>
    public IReadOnlyList<AppSetting> Strings { get; }

    public static AppSettingsFile Get(SourceText text) => Cache.GetValue(text, static t => Parse(t.ToString()));

    public static AppSettingsFile Parse(string text)
    {
        if (!JsonReader.TryParse(text, JsonSyntax.Configuration, out var root) || root!.Kind != JsonKind.Object)
            return Invalid;
        var strings = new List<AppSetting>();
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return Collect(root, "", strings, keys) ? new AppSettingsFile(root, strings) : Invalid;
    }

    /// <summary>
    /// Whether an AdditionalFile is application settings: its name is <c>appsettings*.json</c> in any case
    /// (<c>appsettings.json</c>, <c>appsettings.Production.json</c>, <c>appsettings.eu-west-1.json</c>), in any folder.
    /// </summary>
    public static bool IsAppSettingsPath(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) &&
            name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The string at a configuration key (<c>AWS:Region</c>), compared without case; null when absent or not a string.</summary>
    public JsonValue? GetString(string key)
    {
        foreach (var setting in Strings)
        {
            if (string.Equals(setting.Key, key, StringComparison.OrdinalIgnoreCase))
                return setting.Value;
        }

        return null;
    }

    // False on a key seen twice: the provider throws "A duplicate key was found" for such a file.
    private static bool Collect(JsonValue value, string key, List<AppSetting> strings, HashSet<string> keys)
    {
        switch (value.Kind)
        {
            case JsonKind.Object:
                foreach (var member in value.Members!)
                {
                    if (!Collect(member.Value, Join(key, member.Key), strings, keys))
                        return false;
                }

                return true;
            case JsonKind.Array:
                for (var i = 0; i < value.Items!.Count; i++)
                {
                    if (!Collect(value.Items[i], Join(key, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), strings, keys))
                        return false;
                }

                return true;
            case JsonKind.String:
                strings.Add(new AppSetting(key, value));
                return keys.Add(key);
            default:
                return keys.Add(key);
        }
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : parent + ":" + name;
}
