using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace KmsAnalyzers.Tests.EndToEnd;

/// <summary>
/// The kms-analyzers tool, installed from its package, on copies of both samples and on small solutions made here:
/// output, exit codes, SARIF, fixes, the alias plan, and a project that does not load.
/// </summary>
[Collection(ToolCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ToolTests
{
    private const string Legacy = "samples/LegacyKmsApp";
    private const string Infrastructure = "samples/KeyInfrastructure";

    private readonly ToolFixture _tool;

    public ToolTests(ToolFixture tool) => _tool = tool;

    [Fact]
    public void Installed_tool_prints_help_for_both_commands()
    {
        using var workspace = new Workspace();
        var help = _tool.Run(workspace, "--help");
        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("scan", help.StandardOutput);
        Assert.Contains("fix", help.StandardOutput);

        var scan = _tool.Run(workspace, "scan --help");
        Assert.True(scan.ExitCode == 0, scan.Output);
        Assert.Contains("--sarif", scan.StandardOutput);
        Assert.Contains("--format", scan.StandardOutput);

        var fix = _tool.Run(workspace, "fix --help");
        Assert.True(fix.ExitCode == 0, fix.Output);
        foreach (var option in new[] { "--aliases", "--derive-aliases", "--dry-run" })
            Assert.Contains(option, fix.StandardOutput);

        var wrong = _tool.Run(workspace, "scan");
        Assert.Equal(2, wrong.ExitCode); // a usage error, like a load error
    }

    [Fact]
    public void Scan_of_the_legacy_sample_prints_its_findings_and_table_writes_masked_sarif_and_exits_1()
    {
        using var repo = ToolFixture.Samples();
        var scan = _tool.Run(repo, $"scan {Legacy} --sarif out/kms.sarif");
        Assert.True(scan.ExitCode == 1, scan.Output);

        var expected = SampleTests.ReadmeTable(repo.Read(Path.Combine(Legacy, "README.md")));
        Assert.Equal(expected, FindingLines(scan.StandardOutput));
        Assert.Matches(@"│ KMS0001 │ Hard-coded KMS key ARN +│ LegacyKmsApp +│ +9 │", scan.StandardOutput);
        Assert.Matches(@"│ KMS0002 │ Raw multi-Region KMS key ID +│ LegacyKmsApp +│ +1 │", scan.StandardOutput);
        Assert.Matches(@"│ KMS0003 │ Cross-Region KMS decrypt +│ LegacyKmsApp +│ +4 │", scan.StandardOutput);
        Assert.Matches(@"│ KMS0004 │ Hard-coded single-Region KMS key ID +│ LegacyKmsApp +│ +2 │", scan.StandardOutput);
        Assert.Matches(@"│ KMS0005 │ Region-pinned KMS alias ARN +│ LegacyKmsApp +│ +1 │", scan.StandardOutput);
        Assert.Matches(@"│ KMS0008 │ KMS call to a key in another Region +│ LegacyKmsApp +│ +1 │", scan.StandardOutput);
        Assert.Matches(@"│ KMS0009 │ KMS key identifier in application settings +│ LegacyKmsApp +│ +1 │", scan.StandardOutput);
        Assert.Matches(@"│ Total +│ +│ 3 project\(s\) analyzed +│ +19 │", scan.StandardOutput);
        AssertNoAccount(scan.Output);

        var sarif = AssertSarifShape(Path.Combine(repo.Root, "out/kms.sarif"));
        var results = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(expected, results.Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            return (location.GetProperty("artifactLocation").GetProperty("uri").GetString()!, region.GetProperty("startLine").GetInt32(),
                region.GetProperty("startColumn").GetInt32(), r.GetProperty("ruleId").GetString()!);
        }).OrderBy(r => r).ToArray());
        Assert.Contains(results, r => r.GetProperty("message").GetProperty("text").GetString()!.Contains("account '********1098'", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_of_the_cdk_sample_as_json_lists_its_findings_and_exits_1()
    {
        using var repo = ToolFixture.Samples();
        var scan = _tool.Run(repo, $"scan {Infrastructure} --format json");
        Assert.True(scan.ExitCode == 1, scan.Output);

        using var json = JsonDocument.Parse(scan.StandardOutput);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32(), f.GetProperty("ruleId").GetString()!))
            .OrderBy(f => f)
            .ToArray();
        Assert.Equal(SampleTests.ReadmeTable(repo.Read(Path.Combine(Infrastructure, "README.md"))), findings);
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal("KeyInfrastructure", f.GetProperty("project").GetString()));
        Assert.Empty(json.RootElement.GetProperty("loadErrors").EnumerateArray());
    }

    [Fact]
    public void Fix_dry_run_changes_nothing_then_fix_writes_code_that_builds_and_the_exact_alias_plan()
    {
        using var repo = ToolFixture.Samples();
        var before = Snapshot(repo.Root);

        var dryRun = _tool.Run(repo, $"fix {Legacy} --dry-run");
        Assert.True(dryRun.ExitCode == 1, dryRun.Output); // the grant's key ARN remains
        Assert.Equal(before, Snapshot(repo.Root, ignoreBuildOutput: true));
        Assert.Contains("dry run: nothing written", dryRun.StandardOutput);
        Assert.Contains("aws kms create-alias --region eu-west-2 --alias-name alias/customer-data --target-key-id mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856", dryRun.StandardOutput);
        AssertNoAccount(dryRun.Output);

        var fix = _tool.Run(repo, $"fix {Legacy} --derive-aliases --no-restore");
        Assert.True(fix.ExitCode == 1, fix.Output);
        Assert.Matches(@"│ Configuration/KmsKeys\.cs +│ +6 │ -7 \+6 │ KMS0001 x4, KMS0002 x1, KMS0005 x1 +│", fix.StandardOutput);
        Assert.Matches(@"│ Data/OrderRepository\.cs +│ +3 │ -3 \+3 │ KMS0001 x3 +│", fix.StandardOutput);
        Assert.Matches(@"│ Workers/ReplicaSyncWorker\.cs +│ +2 │ -2 \+2 │ KMS0001 x1, KMS0003 x3, KMS0008 x1 +│", fix.StandardOutput);
        Assert.Matches(@"│ Workers/ReportExportJob\.cs +│ +1 │ -1 \+1 │ KMS0004 x1 +│", fix.StandardOutput);
        // Left: the grant's key ARN, a key id where the SDK takes no alias, and the appsettings.json value (no fix).
        Assert.Contains("Findings: 19 before, 3 after.", fix.StandardOutput);

        var keys = repo.Read(Path.Combine(Legacy, "Configuration/KmsKeys.cs"));
        Assert.Contains("OrdersKeyArn = \"alias/orders\";", keys);
        Assert.Contains("CustomerDataMrkId = \"alias/customer-data\";", keys);
        Assert.Contains("AuditKeyArn =\n        \"alias/audit\";", keys.Replace("\r\n", "\n"));
        Assert.Contains("SettlementKeyArn = \"arn:aws:kms:", keys); // a grant needs the key ARN
        Assert.Contains("OrdersAliasArn = \"alias/orders\";", keys); // KMS0005
        Assert.Contains("new AmazonKeyManagementServiceClient();", repo.Read(Path.Combine(Legacy, "Workers/ReplicaSyncWorker.cs")));

        Assert.Equal(ExpectedLegacyPlan, repo.Read(Path.Combine(Legacy, "kms-alias-plan.md")));
        using (var plan = JsonDocument.Parse(repo.Read(Path.Combine(Legacy, "kms-alias-plan.json"))))
        {
            var rows = plan.RootElement.GetProperty("aliases").EnumerateArray()
                .Select(a => $"{a.GetProperty("alias").GetString()} {a.GetProperty("region").GetString() ?? "-"} {a.GetProperty("targetKeyId").GetString() ?? "-"} {a.GetProperty("inAliasMaps").GetBoolean()} {a.GetProperty("createCommand").GetString() ?? "-"}")
                .ToArray();
            Assert.Equal(new[]
            {
                "alias/audit eu-west-1 c4e1a7d2-5b8f-4c3a-a906-7e2d1f4b8c35 False aws kms create-alias --region eu-west-1 --alias-name alias/audit --target-key-id c4e1a7d2-5b8f-4c3a-a906-7e2d1f4b8c35",
                "alias/customer-data eu-west-1 mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856 True -",
                "alias/customer-data eu-west-2 mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856 False aws kms create-alias --region eu-west-2 --alias-name alias/customer-data --target-key-id mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856",
                "alias/customer-data - mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856 True -",
                "alias/invoices eu-west-1 6e1d8b3c-4f92-4a57-8d0e-b2c9a7f51e36 True -",
                "alias/orders eu-west-1 - True -",
                "alias/orders eu-west-1 3f8a2c1e-7b4d-4e9a-9c61-2d5e8f0a4b17 True -",
                "alias/payments eu-west-1 9d2e4b6a-1c3f-4a8e-b5d7-6f0e2a9c4d81 True -",
                "alias/refunds eu-west-1 a4c27e5f-0d3b-4b81-96fa-5e8d1c0b7a29 True -",
                "alias/reporting - 5b9c1e7a-2f6d-4e03-8a4c-d1e7f0b3a962 True -",
            }, rows);
            Assert.Equal("********1098", plan.RootElement.GetProperty("aliases")[0].GetProperty("account").GetString());
        }

        AssertNoAccount(repo.Read(Path.Combine(Legacy, "kms-alias-plan.md")) + repo.Read(Path.Combine(Legacy, "kms-alias-plan.json")));

        var build = repo.DotNet($"build {Legacy} --no-incremental");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain(": error ", build.Output);
        Assert.Equal(
            new[] { ("appsettings.json", 4, 21, "warning", "KMS0009"), ("Configuration/KmsKeys.cs", 26, 44, "warning", "KMS0001"), ("Workers/ReportExportJob.cs", 20, 40, "warning", "KMS0004") },
            build.KmsDiagnostics(Path.Combine(repo.Root, Legacy)).OrderBy(d => d).ToArray());
    }

    [Fact]
    public void Project_that_fails_to_load_is_reported_and_the_others_are_scanned_once_per_finding_across_target_frameworks()
    {
        using var workspace = new Workspace();
        WriteSolution(workspace, ("Multi", "Multi/Multi.csproj"), ("Broken", "Broken/Broken.csproj"));
        workspace.Write("Multi/Multi.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
            </Project>
            """);
        workspace.Write("Multi/Keys.cs", """
            namespace Multi;
            public static class Keys
            {
                public const string BillingKeyArn = "arn:aws:kms:us-east-1:246813579024:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
            }
            """);
        workspace.Write("Multi/Fixtures/TestKeys.cs", """
            namespace Multi.Fixtures;
            public static class TestKeys
            {
                public const string ParserInput = "arn:aws:kms:us-east-1:246813579024:key/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
            }
            """);
        workspace.Write(".editorconfig", """
            root = true
            [*.cs]
            dotnet_diagnostic.KMS0001.severity = error
            [Multi/Fixtures/**.cs]
            dotnet_diagnostic.KMS0001.severity = none
            """);
        workspace.Write("Broken/Broken.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework>
            </Project>
            """); // not even XML: neither restore nor MSBuild can read it

        var scan = _tool.Run(workspace, "scan App.sln --format json --sarif kms.sarif");
        Assert.True(scan.ExitCode == 2, scan.Output);
        Assert.Contains("could not load Broken/Broken.csproj", scan.Output);

        using var json = JsonDocument.Parse(scan.StandardOutput);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("KMS0001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString()); // .editorconfig, as in a build
        Assert.Equal("Multi/Keys.cs", finding.GetProperty("file").GetString());
        Assert.Equal(new[] { "net10.0", "netstandard2.0" }, finding.GetProperty("targetFrameworks").EnumerateArray().Select(t => t.GetString()).ToArray());
        Assert.Contains(json.RootElement.GetProperty("loadErrors").EnumerateArray(), e => e.GetProperty("project").GetString() == "Broken/Broken.csproj");

        var sarif = AssertSarifShape(Path.Combine(workspace.Root, "kms.sarif"));
        var result = Assert.Single(sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("error", result.GetProperty("level").GetString());
        AssertNoAccount(scan.Output + File.ReadAllText(Path.Combine(workspace.Root, "kms.sarif")));
    }

    [Fact]
    public void Fix_with_extra_alias_maps_and_derived_aliases_writes_the_plan_where_asked()
    {
        using var workspace = new Workspace();
        workspace.Write("Billing/Billing.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        workspace.Write("Billing/Keys.cs", """
            namespace Billing;
            public static class Keys
            {
                // Billing's key; the alias map of us-east-1 has an alias for it.
                public const string BillingKeyArn = "arn:aws:kms:us-east-1:246813579024:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

                // No alias for this one yet.
                public const string ReportsKeyArn = "arn:aws:kms:us-east-1:246813579024:key/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
            }
            """);
        workspace.Write("maps/kms-aliases.us-east-1.json", """
            { "Aliases": [ { "AliasName": "alias/billing", "AliasArn": "arn:aws:kms:us-east-1:246813579024:alias/billing", "TargetKeyId": "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d" } ] }
            """);

        var fix = _tool.Run(workspace, "fix Billing --aliases maps/kms-aliases.*.json --derive-aliases --plan-dir plan");
        Assert.True(fix.ExitCode == 0, fix.Output);
        Assert.Equal("""
            namespace Billing;
            public static class Keys
            {
                // Billing's key; the alias map of us-east-1 has an alias for it.
                public const string BillingKeyArn = "alias/billing";

                // No alias for this one yet.
                public const string ReportsKeyArn = "alias/reports";
            }
            """, workspace.Read("Billing/Keys.cs"));

        using var plan = JsonDocument.Parse(workspace.Read("plan/kms-alias-plan.json"));
        Assert.Equal(new[] { "../maps/kms-aliases.us-east-1.json" }, plan.RootElement.GetProperty("aliasMaps").EnumerateArray().Select(m => m.GetProperty("file").GetString()).ToArray());
        var aliases = plan.RootElement.GetProperty("aliases");
        Assert.Equal(2, aliases.GetArrayLength());
        Assert.Equal("alias/billing", aliases[0].GetProperty("alias").GetString());
        Assert.True(aliases[0].GetProperty("inAliasMaps").GetBoolean());
        Assert.Equal("alias/reports", aliases[1].GetProperty("alias").GetString());
        Assert.False(aliases[1].GetProperty("inAliasMaps").GetBoolean());
        Assert.Equal("aws kms create-alias --region us-east-1 --alias-name alias/reports --target-key-id 5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", aliases[1].GetProperty("createCommand").GetString());
        Assert.Equal(new[] { "Keys.cs:8" }, aliases[1].GetProperty("usedAt").EnumerateArray().Select(u => u.GetProperty("file").GetString() + ":" + u.GetProperty("line").GetInt32()).ToArray());
        Assert.True(File.Exists(Path.Combine(workspace.Root, "plan/kms-alias-plan.md")));
        Assert.False(File.Exists(Path.Combine(workspace.Root, "Billing/kms-alias-plan.md")));
    }

    private const string ExpectedLegacyPlan = """
        # KMS alias plan

        Written by `kms-analyzers fix LegacyKmsApp`. Every alias that the fixed code now references, in each Region named by the key ARNs it replaced, whether the alias maps show it, and the commands that create the missing ones.

        Alias maps: `kms-aliases.json` (eu-west-1)

        | Alias | Region | Replaced key | In the alias maps | Used at | Note |
        |---|---|---|---|---|---|
        | `alias/audit` | eu-west-1 | `c4e1a7d2-5b8f-4c3a-a906-7e2d1f4b8c35` | **no** | Configuration/KmsKeys.cs:34 | the key is in account ********1098, not the alias maps' account: an alias resolves in the caller's account only |
        | `alias/customer-data` | eu-west-1 | `mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856` | yes | Configuration/KmsKeys.cs:30 |  |
        | `alias/customer-data` | eu-west-2 | `mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856` | **no** | Workers/ReplicaSyncWorker.cs:24 | no alias map for eu-west-2 was given: it may exist; add 'aws kms list-aliases --region eu-west-2 --output json' to check |
        | `alias/customer-data` | (not named) | `mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856` | yes (eu-west-1) | Configuration/KmsKeys.cs:29 | the replaced key id names no Region: the alias is needed in every Region where the code runs |
        | `alias/invoices` | eu-west-1 | `6e1d8b3c-4f92-4a57-8d0e-b2c9a7f51e36` | yes | Data/OrderRepository.cs:65 |  |
        | `alias/orders` | eu-west-1 | an alias ARN | yes | Configuration/KmsKeys.cs:20 |  |
        | `alias/orders` | eu-west-1 | `3f8a2c1e-7b4d-4e9a-9c61-2d5e8f0a4b17` | yes | Configuration/KmsKeys.cs:17, Data/OrderRepository.cs:83 |  |
        | `alias/payments` | eu-west-1 | `9d2e4b6a-1c3f-4a8e-b5d7-6f0e2a9c4d81` | yes | Configuration/KmsKeys.cs:23 |  |
        | `alias/refunds` | eu-west-1 | `a4c27e5f-0d3b-4b81-96fa-5e8d1c0b7a29` | yes | Data/OrderRepository.cs:74 |  |
        | `alias/reporting` | (not named) | `5b9c1e7a-2f6d-4e03-8a4c-d1e7f0b3a962` | yes (eu-west-1) | Workers/ReportExportJob.cs:17 | the replaced key id names no Region: the alias is needed in every Region where the code runs |

        ## Create the missing aliases

        Run with credentials of the account that owns each key (or add the aliases to your infrastructure code):

        ```bash
        aws kms create-alias --region eu-west-1 --alias-name alias/audit --target-key-id c4e1a7d2-5b8f-4c3a-a906-7e2d1f4b8c35
        aws kms create-alias --region eu-west-2 --alias-name alias/customer-data --target-key-id mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856
        ```
        """ + "\n";

    /// <summary>(file, line, column, rule) of the compiler-format lines the tool prints for its findings.</summary>
    private static (string, int, int, string)[] FindingLines(string output) =>
        Regex.Matches(output, @"^(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<col>\d+)\): (?:warning|error|info) (?<id>KMS\d{4}):", RegexOptions.Multiline)
            .Select(m => (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value), m.Groups["id"].Value))
            .OrderBy(r => r)
            .ToArray();

    /// <summary>No 12-digit account id anywhere (the samples' accounts end in 4321 and 1098).</summary>
    private static void AssertNoAccount(string text)
    {
        Assert.DoesNotContain("210987654321", text);
        Assert.DoesNotContain("987654321098", text);
        Assert.DoesNotContain("246813579024", text);
        Assert.DoesNotMatch(@"(?<![\w-])\d{12}(?![\w-])", text);
    }

    /// <summary>
    /// The SARIF 2.1.0 shape that code scanning needs (sarif-schema-2.1.0.json's required members and value sets):
    /// one run, a driver with rules, and results whose rule, level, message and region are all present and valid.
    /// </summary>
    private static JsonElement AssertSarifShape(string path)
    {
        var text = File.ReadAllText(path);
        var root = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("KmsAnalyzers", driver.GetProperty("name").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToArray();
        Assert.All(rules, r =>
        {
            Assert.Matches("^KMS[0-9]{4}$", r.GetProperty("id").GetString());
            Assert.NotEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()!);
            Assert.Matches("^https://.+/docs/rules/KMS[0-9]{4}\\.md$", r.GetProperty("helpUri").GetString());
            Assert.Contains(r.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
        });
        Assert.Equal(rules.Length, rules.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(rules[index].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
            Assert.NotEmpty(result.GetProperty("message").GetProperty("text").GetString()!);
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var artifact = location.GetProperty("artifactLocation");
            Assert.DoesNotMatch("^(file:|/)", artifact.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
            var region = location.GetProperty("region");
            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
            Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
            Assert.True(region.GetProperty("endLine").GetInt32() >= region.GetProperty("startLine").GetInt32());
            Assert.False(result.TryGetProperty("properties", out var properties) && properties.TryGetProperty("customProperties", out _));
        }

        return root;
    }

    private static void WriteSolution(Workspace workspace, params (string Name, string Path)[] projects)
    {
        var guids = projects.Select((_, i) => "{" + new Guid(i + 1, 0, 0, new byte[8]).ToString().ToUpperInvariant() + "}").ToArray();
        var text = "Microsoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n";
        for (var i = 0; i < projects.Length; i++)
            text += $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{projects[i].Name}\", \"{projects[i].Path.Replace('/', '\\')}\", \"{guids[i]}\"\nEndProject\n";
        text += "Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\tEndGlobalSection\n\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n";
        foreach (var guid in guids)
            text += $"\t\t{guid}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\n\t\t{guid}.Debug|Any CPU.Build.0 = Debug|Any CPU\n";
        text += "\tEndGlobalSection\nEndGlobal\n";
        workspace.Write("App.sln", text);
    }

    /// <summary>Hash of every file under <paramref name="root"/> (bin/obj left out when asked: restore and design-time builds write there).</summary>
    private static Dictionary<string, string> Snapshot(string root, bool ignoreBuildOutput = true) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !ignoreBuildOutput || !Regex.IsMatch(f, @"[/\\](bin|obj)[/\\]"))
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
