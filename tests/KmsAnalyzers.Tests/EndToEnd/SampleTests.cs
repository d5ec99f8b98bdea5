using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace KmsAnalyzers.Tests.EndToEnd;

/// <summary>
/// The README's build command on each sample, and bulk fixing the legacy app with <c>dotnet format analyzers</c>,
/// each in a copy of the repository.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SampleTests
{
    private const string Sample = "samples/LegacyKmsApp";

    [Theory]
    [InlineData("samples/LegacyKmsApp")]
    [InlineData("samples/KeyInfrastructure")]
    public void Sample_build_prints_exactly_the_diagnostics_its_readme_lists_at_every_build(string sample)
    {
        using var repo = new Workspace().CopyRepository("src", "samples");
        var build = repo.DotNet($"build {sample}");
        Assert.True(build.ExitCode == 0, build.Output);

        var actual = build.KmsDiagnostics(Path.Combine(repo.Root, sample)).Select(d => (d.File, d.Line, d.Column, d.Id)).ToArray();
        Assert.All(build.KmsDiagnostics(repo.Root), d => Assert.Equal("warning", d.Severity));
        Assert.Equal(ReadmeTable(repo.Read(Path.Combine(sample, "README.md"))), actual);

        // The same command again, nothing changed: the sample compiles at every build, so it prints them again.
        var again = repo.DotNet($"build {sample}");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(actual, again.KmsDiagnostics(Path.Combine(repo.Root, sample)).Select(d => (d.File, d.Line, d.Column, d.Id)).ToArray());
    }

    [Fact]
    public void Dotnet_format_fixes_the_sample_in_one_pass_and_it_still_builds()
    {
        using var repo = new Workspace().CopyRepository("src", "samples");
        Assert.Equal(0, repo.DotNet($"build {Sample}").ExitCode); // dotnet format loads the analyzers that the build produced
        var files = Directory.GetFiles(Path.Combine(repo.Root, Sample), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")).ToArray();
        var commentsBefore = files.ToDictionary(f => f, CommentLines);

        const string Format = $"format analyzers {Sample}/LegacyKmsApp.csproj --diagnostics KMS0001 KMS0002 KMS0003 KMS0004 KMS0005 --severity warn";
        var format = repo.DotNet(Format);
        Assert.True(format.ExitCode == 0, format.Output);

        var keys = repo.Read(Path.Combine(Sample, "Configuration/KmsKeys.cs"));
        Assert.Contains("OrdersKeyArn = \"alias/orders\";", keys);
        Assert.Contains("PaymentsKeyArn = \"alias/payments\";", keys);
        Assert.Contains("CustomerDataMrkId = \"alias/customer-data\";", keys);
        Assert.Contains("\"arn:aws:kms:eu-west-1:987654321098:key/\" +", keys);     // no map alias: bulk never applies the derived alias/audit
        Assert.DoesNotContain("alias/audit", keys);
        Assert.Contains("SettlementKeyArn = \"arn:aws:kms:", keys);                 // used by a grant: must stay a key ARN
        Assert.Contains("OrdersAliasArn = \"alias/orders\";", keys);                 // KMS0005: the name inside the alias ARN
        var export = repo.Read(Path.Combine(Sample, "Workers/ReportExportJob.cs"));
        Assert.Contains("ReportingKeyId = \"alias/reporting\";", export);             // KMS0004: from the map
        Assert.Contains("LedgerKeyId = \"e7a1c4d2-", export);                          // rotation status takes no alias: stays
        Assert.Contains("@\"alias/refunds\"", repo.Read(Path.Combine(Sample, "Data/OrderRepository.cs")));
        Assert.Contains("new AmazonKeyManagementServiceClient();", repo.Read(Path.Combine(Sample, "Workers/ReplicaSyncWorker.cs")));
        foreach (var file in files)
            Assert.Equal(commentsBefore[file], CommentLines(file));

        var build = repo.DotNet($"build {Sample} --no-incremental");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain(": error ", build.Output);
        Assert.Equal(
            new[] { ("appsettings.json", 4, 21, "warning", "KMS0009"), ("Configuration/KmsKeys.cs", 26, 44, "warning", "KMS0001"), ("Configuration/KmsKeys.cs", 34, 9, "warning", "KMS0001"), ("Workers/ReportExportJob.cs", 20, 40, "warning", "KMS0004") },
            build.KmsDiagnostics(Path.Combine(repo.Root, Sample)).OrderBy(d => d).ToArray());

        // A second run changes nothing. (--verify-no-changes cannot show this: it fails on any remaining finding,
        // and the grant's key ARN above is one on purpose.)
        var fixedTexts = files.Select(File.ReadAllText).ToArray();
        var again = repo.DotNet(Format);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(fixedTexts, files.Select(File.ReadAllText).ToArray());
    }

    [Fact]
    public void Dotnet_format_without_an_alias_map_applies_derived_aliases_only_when_preferred()
    {
        using var repo = new Workspace().CopyRepository("src", "samples");
        File.Delete(Path.Combine(repo.Root, Sample, "kms-aliases.json"));
        var project = Path.Combine(Sample, "LegacyKmsApp.csproj");
        repo.Write(project, repo.Read(project).Replace("<AdditionalFiles Include=\"kms-aliases.json\" />", ""));
        Assert.Equal(0, repo.DotNet($"build {Sample}").ExitCode);
        var keysFile = Path.Combine(Sample, "Configuration/KmsKeys.cs");
        var keysBefore = repo.Read(keysFile);

        // Default (extra): no alias map, so no alias is known to exist and no ARN or mrk- id becomes an alias.
        const string Format = $"format analyzers {Sample}/LegacyKmsApp.csproj --diagnostics KMS0001 KMS0002 KMS0003 --severity warn";
        var sources = Directory.GetFiles(Path.Combine(repo.Root, Sample), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")).ToArray();
        string[] derivedAliases = { "\"alias/orders\"", "\"alias/payments\"", "\"alias/audit\"", "\"alias/customer-data\"" };
        int[] AliasCounts() => derivedAliases.Select(a => sources.Sum(f => Regex.Matches(File.ReadAllText(f), Regex.Escape(a)).Count)).ToArray();
        var countsBefore = AliasCounts();
        var format = repo.DotNet(Format);
        Assert.True(format.ExitCode == 0, format.Output);
        Assert.Equal(keysBefore, repo.Read(keysFile));
        Assert.Equal(countsBefore, AliasCounts());   // no file anywhere gained a derived alias
        var build = repo.DotNet($"build {Sample} --no-incremental");
        Assert.True(build.ExitCode == 0, build.Output);

        // Opted in: the derived aliases are the bulk choice (the user creates them in every Region).
        repo.Write(Path.Combine(Sample, ".editorconfig"), "[*.cs]\nkms_analyzers.derive_alias_names = preferred\n");
        var preferred = repo.DotNet(Format);
        Assert.True(preferred.ExitCode == 0, preferred.Output);
        var keys = repo.Read(keysFile);
        Assert.Contains("OrdersKeyArn = \"alias/orders\";", keys);
        Assert.Contains("PaymentsKeyArn = \"alias/payments\";", keys);
        Assert.Contains("CustomerDataMrkId = \"alias/customer-data\";", keys);
        Assert.Contains("\"alias/audit\"", keys);
        Assert.Contains("SettlementKeyArn = \"arn:aws:kms:", keys); // used by a grant: must stay a key ARN
        var rebuilt = repo.DotNet($"build {Sample} --no-incremental");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Output);
        Assert.DoesNotContain(": error ", rebuilt.Output);
    }

    /// <summary>The rows of the README's "Expected diagnostics" table: (file, line, column, rule).</summary>
    internal static (string, int, int, string)[] ReadmeTable(string readme) =>
        Regex.Matches(readme, @"^\| \d+ \| `(?<file>[^`]+)` \| (?<line>\d+):(?<col>\d+) \| (?<id>KMS\d{4}) \|", RegexOptions.Multiline)
            .Select(m => (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value), m.Groups["id"].Value))
            .OrderBy(r => r)
            .ToArray();

    private static string[] CommentLines(string path) =>
        File.ReadAllLines(path).Where(l => l.TrimStart().StartsWith("//", System.StringComparison.Ordinal)).ToArray();
}
