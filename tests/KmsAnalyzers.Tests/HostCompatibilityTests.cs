using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using KmsAnalyzers.Rules;
using Xunit;

namespace KmsAnalyzers.Tests;

/// <summary>
/// What the shipped assemblies reference decides which hosts load them: a reference to a Roslyn newer than the
/// host's makes the compiler skip the analyzer (CS8032/CS9057), and any other dependency is missing at run time.
/// </summary>
public sealed class HostCompatibilityTests
{
    private static readonly Version Roslyn48 = new(4, 8, 0, 0);

    public static TheoryData<string> ShippedAssemblies() => new()
    {
        typeof(KmsAnalyzers.Rules.KmsCodeAnalyzer).Assembly.Location,
        typeof(CodeFixes.UseAliasCodeFixProvider).Assembly.Location,
    };

    private static (string Name, Version Version)[] References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(r => (reader.GetString(r.Name), r.Version))
            .ToArray();
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void References_no_roslyn_newer_than_4_8(string path)
    {
        var roslyn = References(path).Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.True(r.Version <= Roslyn48, $"{Path.GetFileName(path)} references {r.Name} {r.Version}"));
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void References_only_netstandard_the_bcl_and_roslyn(string path)
    {
        var references = References(path);
        Assert.All(references, r => Assert.True(
            r.Name == "netstandard" || r.Name.StartsWith("System.", StringComparison.Ordinal) ||
            r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || r.Name == "KmsAnalyzers",
            $"{Path.GetFileName(path)} references {r.Name} {r.Version}"));
        // The BCL packages Roslyn 4.8 itself brings (System.Collections.Immutable 7.0, …): nothing newer.
        Assert.All(references.Where(r => r.Name.StartsWith("System.", StringComparison.Ordinal)),
            r => Assert.True(r.Version <= new Version(7, 0, 0, 0), $"{Path.GetFileName(path)} references {r.Name} {r.Version}"));
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void Targets_netstandard_2_0(string path)
    {
        var references = References(path);
        Assert.Contains(references, r => r.Name == "netstandard" && r.Version == new Version(2, 0, 0, 0));
        Assert.DoesNotContain(references, r => r.Name is "System.Runtime" or "mscorlib" or "System.Private.CoreLib");
    }
}
