using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using KmsAnalyzers.Sdk;
using Xunit;

namespace KmsAnalyzers.Tests.Sdk;

/// <summary>The compiled sink table (KnownSinks.Table.cs) says exactly what kms-sinks.json says.</summary>
public sealed class SinkTableTests
{
    private static readonly JsonElement[] Rows = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "kms-sinks.json")))
        .RootElement.EnumerateArray().ToArray();

    private static int Forms(JsonElement row)
    {
        var forms = KeyForms.None;
        foreach (var accepted in row.GetProperty("accepts").EnumerateArray())
        {
            forms |= accepted.GetString() switch
            {
                "keyId" => KeyForms.KeyId,
                "keyArn" => KeyForms.KeyArn,
                "aliasName" => KeyForms.AliasName,
                "aliasArn" => KeyForms.AliasArn,
                var other => throw new InvalidOperationException("unknown form " + other),
            };
        }

        return (int)forms;
    }

    [Fact]
    public void Property_sinks_match_the_json()
    {
        var expected = Rows
            .Where(r => r.GetProperty("kind").GetString() == "property" && r.GetProperty("accepts").GetArrayLength() > 0)
            .Select(r => (Type: r.GetProperty("type").GetString()!, Member: r.GetProperty("member").GetString()!, Forms: Forms(r)))
            .Where(r => !r.Member.Contains('[') && !r.Member.Contains(' '))
            .Select(r => KnownSinks.IsEncryptionSdkKeyring(r.Type) ? r with { Forms = (int)KeyForms.KeyArn } : r)
            .OrderBy(r => r.Type + "." + r.Member, StringComparer.Ordinal)
            .ToArray();
        var actual = KnownSinks.AllProperties
            .Select(s => (Type: s.TypeMetadataName, Member: s.Property, Forms: (int)s.Accepts))
            .OrderBy(r => r.Type + "." + r.Member, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Parameter_sinks_match_the_json()
    {
        var expected = Rows
            .Where(r => r.GetProperty("kind").GetString() == "parameter")
            .Select(r =>
            {
                var member = r.GetProperty("member").GetString()!;
                return (Type: r.GetProperty("type").GetString()!, Method: member[..member.IndexOf('(')], Parameter: member[(member.LastIndexOf(':') + 1)..], Forms: Forms(r));
            })
            .Distinct()
            .OrderBy(r => r.Type + r.Method + r.Parameter, StringComparer.Ordinal)
            .ToArray();
        var actual = KnownSinks.AllParameters
            .Select(s => (Type: s.TypeMetadataName, Method: s.Method, Parameter: s.Parameter, Forms: (int)s.Accepts))
            .OrderBy(r => r.Type + r.Method + r.Parameter, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Dictionary_attribute_sinks_are_the_only_rows_left_out()
    {
        var left = Rows
            .Where(r => r.GetProperty("kind").GetString() == "property" && r.GetProperty("accepts").GetArrayLength() > 0)
            .Select(r => r.GetProperty("member").GetString()!)
            .Where(m => m.Contains('[') || m.Contains(' '))
            .ToArray();
        Assert.All(left, m => Assert.Contains("KmsMasterKeyId", m, StringComparison.Ordinal));
    }
}
