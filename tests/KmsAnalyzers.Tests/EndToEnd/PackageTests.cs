using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace KmsAnalyzers.Tests.EndToEnd;

/// <summary>The packed nupkg, consumed from a local feed by fresh projects, as a user installs it.</summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageTests
{
    private const string Arn = "arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Code = $$"""
        namespace App;
        public static class Keys
        {
            public const string OrdersKeyArn = "{{Arn}}";
        }
        """;

    private readonly PackageFixture _package;

    public PackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void Package_holds_only_the_analyzers_their_symbols_the_props_the_icon_and_the_readme()
    {
        using var zip = ZipFile.OpenRead(_package.Package);
        var content = zip.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("package/", System.StringComparison.Ordinal) && !n.StartsWith("_rels/", System.StringComparison.Ordinal) && n != "[Content_Types].xml")
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[]
        {
            "KmsAnalyzers.nuspec",
            "README.md",
            "analyzers/dotnet/cs/KmsAnalyzers.CodeFixes.dll",
            "analyzers/dotnet/cs/KmsAnalyzers.CodeFixes.pdb",
            "analyzers/dotnet/cs/KmsAnalyzers.dll",
            "analyzers/dotnet/cs/KmsAnalyzers.pdb",
            "build/KmsAnalyzers.props",
            "build/KmsAnalyzers.targets",
            "buildTransitive/KmsAnalyzers.props",
            "buildTransitive/KmsAnalyzers.targets",
            "configuration/kms.default.globalconfig",
            "configuration/kms.none.globalconfig",
            "configuration/kms.strict.globalconfig",
            "icon.png",
        }, content);

        using var nuspec = zip.GetEntry("KmsAnalyzers.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void Nuspec_has_the_metadata_users_expect_and_a_symbols_package_sits_beside_it()
    {
        using var zip = ZipFile.OpenRead(_package.Package);
        XElement metadata;
        using (var nuspec = zip.GetEntry("KmsAnalyzers.nuspec")!.Open())
            metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        foreach (var id in CatalogTests.Ids())
            Assert.Contains(id, Value("description"));
        Assert.Equal(new[] { "aws", "kms", "cdk", "security", "roslyn", "analyzers" }, Value("tags").Split(' ').Intersect(new[] { "aws", "kms", "cdk", "security", "roslyn", "analyzers" }).ToArray());
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("README.md", Value("readme"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(Value("projectUrl"), repository.Attribute("url")!.Value);
        Assert.Equal(Descriptors.HelpLinkBase, Value("projectUrl") + "/blob/main/docs/rules/");
        Assert.StartsWith("0.1.0", Value("releaseNotes"));                            // the newest CHANGELOG.md section
        Assert.EndsWith("/blob/main/CHANGELOG.md", Value("releaseNotes"));

        // Relative links break on the package gallery: every link in the packed README is absolute.
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        var text = readme.ReadToEnd();
        Assert.Contains("](" + Value("projectUrl") + "/blob/main/docs/rules/KMS0001.md)", text);
        Assert.DoesNotMatch(@"\]\((?!https://|#)", text);

        var symbols = Path.ChangeExtension(_package.Package, ".snupkg");
        using var snupkg = ZipFile.OpenRead(symbols);
        Assert.Contains(snupkg.Entries, e => e.FullName == "analyzers/dotnet/cs/KmsAnalyzers.pdb");
        Assert.Contains(snupkg.Entries, e => e.FullName == "analyzers/dotnet/cs/KmsAnalyzers.CodeFixes.pdb");
    }

    [Fact]
    public void Fresh_project_shows_KMS0001_and_fails_with_warnaserror()
    {
        using var app = _package.Consumer();
        app.Write("App/App.csproj", PackageFixture.ProjectFile());
        app.Write("App/Keys.cs", Code);

        var build = app.DotNet("build App/App.csproj");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(("App/Keys.cs", 4, 40, "warning", "KMS0001"), build.KmsDiagnostics(app.Root));

        var strict = app.DotNet("build App/App.csproj -warnaserror --no-incremental");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains(("App/Keys.cs", 4, 40, "error", "KMS0001"), strict.KmsDiagnostics(app.Root));
    }

    [Theory]
    [InlineData("pragma")]
    [InlineData("suppress-message")]
    [InlineData("editorconfig")]
    [InlineData("fixed")]
    public void Warnaserror_passes_once_the_line_is_fixed_or_suppressed(string how)
    {
        using var app = _package.Consumer();
        app.Write("App/App.csproj", PackageFixture.ProjectFile());
        switch (how)
        {
            case "pragma":
                app.Write("App/Keys.cs", Code.Replace("    public const", "#pragma warning disable KMS0001 // test data\n    public const"));
                break;
            case "suppress-message":
                app.Write("App/Keys.cs", Code.Replace("public static class", "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Security\", \"KMS0001:Hard-coded KMS key ARN\", Justification = \"Test data\")]\npublic static class"));
                break;
            case "editorconfig":
                app.Write("App/Keys.cs", Code);
                app.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.KMS0001.severity = none\n");
                break;
            default:
                app.Write("App/Keys.cs", Code.Replace(Arn, "alias/orders"));
                break;
        }

        var strict = app.DotNet("build App/App.csproj -warnaserror");
        Assert.True(strict.ExitCode == 0, strict.Output);
        Assert.Empty(strict.KmsDiagnostics(app.Root));
    }

    [Theory]
    [InlineData("strict", "error")]
    [InlineData("none", null)]
    [InlineData("default", "warning")]
    [InlineData("STRICT", "error")]
    public void Analysis_mode_selects_the_preset(string mode, string? severity)
    {
        using var app = _package.Consumer();
        app.Write("App/App.csproj", PackageFixture.ProjectFile($"<KmsAnalysisMode>{mode}</KmsAnalysisMode>"));
        app.Write("App/Keys.cs", Code);

        var build = app.DotNet("build App/App.csproj");
        var diagnostics = build.KmsDiagnostics(app.Root);
        if (severity is null)
            Assert.Empty(diagnostics);
        else
            Assert.Equal(new[] { ("App/Keys.cs", 4, 40, severity, "KMS0001") }, diagnostics);
        Assert.Equal(severity == "error" ? 1 : 0, build.ExitCode);
    }

    [Fact]
    public void Users_own_editorconfig_wins_over_the_strict_preset_and_an_unknown_mode_is_reported()
    {
        using var app = _package.Consumer();
        app.Write("App/App.csproj", PackageFixture.ProjectFile("<KmsAnalysisMode>strict</KmsAnalysisMode>"));
        app.Write("App/Keys.cs", Code);
        app.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.KMS0001.severity = suggestion\n");
        var build = app.DotNet("build App/App.csproj");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(build.KmsDiagnostics(app.Root));

        app.Write("App/App.csproj", PackageFixture.ProjectFile("<KmsAnalysisMode>paranoid</KmsAnalysisMode>"));
        var unknown = app.DotNet("build App/App.csproj --no-incremental");
        Assert.Contains("warning KMS0102: KmsAnalysisMode 'paranoid' is not one of default, strict, none", unknown.Output);
    }

    [Fact]
    public void Sarif_log_holds_rule_ids_help_uris_and_locations_and_is_stable_across_builds()
    {
        using var app = _package.Consumer();
        app.Write("App/App.csproj", PackageFixture.ProjectFile("<ErrorLog>kms.sarif,version=2.1</ErrorLog>"));
        app.Write("App/Keys.cs", Code);

        Assert.Equal(0, app.DotNet("build App/App.csproj").ExitCode);
        var first = Results(app.Read("App/kms.sarif"));
        Assert.Equal(0, app.DotNet("build App/App.csproj").ExitCode); // incremental
        Assert.Equal(first, Results(app.Read("App/kms.sarif")));

        using var sarif = JsonDocument.Parse(app.Read("App/kms.sarif"));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "KMS0001");
        Assert.Equal("https://github.com/kmsanalyzers/KmsAnalyzers/blob/main/docs/rules/KMS0001.md", rule.GetProperty("helpUri").GetString());
        Assert.Equal(new[] { "KMS0001|Keys.cs|4|40" }, first);

        static string[] Results(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("KMS", System.StringComparison.Ordinal))
                .Select(r =>
                {
                    var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                    var region = location.GetProperty("region");
                    return r.GetProperty("ruleId").GetString() + "|" + Path.GetFileName(location.GetProperty("artifactLocation").GetProperty("uri").GetString()) +
                        "|" + region.GetProperty("startLine").GetInt32() + "|" + region.GetProperty("startColumn").GetInt32();
                })
                .OrderBy(s => s, System.StringComparer.Ordinal)
                .ToArray();
        }
    }

    [Fact]
    public void Sarif_log_holds_no_account_of_the_source_and_no_whole_arn()
    {
        // Every kind of finding that carries properties: a key ARN with a derived alias and a map alias, a key ARN at
        // an ARN-only sink, an mrk- id, a key ARN in an interpolated string, and cross-Region decrypts by key ARN and by
        // alias ARN; the SDK as its stubs (the consumer restores only from the local feed).
        const string Sources = """
            using System.IO;
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;
            namespace App;
            public static class Keys
            {
                public const string OrdersKeyArn = "arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
                public static readonly string BillingKeyArn = "arn:aws:kms:us-east-1:310987654322:key/mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";
                public const string ReplicaKey = "mrk-1b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";
                public static string Described(string region) => $"key arn:aws:kms:ap-south-1:410987654323:key/2b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d in {region}";
            }
            public sealed class Worker
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                public Task<DecryptResponse> ByKey(MemoryStream blob) =>
                    _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "arn:aws:kms:eu-west-1:510987654324:key/3b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d" });
                public Task<DecryptResponse> ByAlias(MemoryStream blob) =>
                    _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "arn:aws:kms:eu-west-1:610987654325:alias/payments" });
                public Task<CreateGrantResponse> Grant() =>
                    _kms.CreateGrantAsync(new CreateGrantRequest { KeyId = "arn:aws:kms:eu-west-2:710987654326:key/4b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", GranteePrincipal = "p" });
                public Task<DescribeKeyResponse> Describe() =>
                    _kms.DescribeKeyAsync("arn:aws:kms:eu-west-1:910987654328:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d");
            }
            """;
        string[] accounts = { "210987654321", "310987654322", "410987654323", "510987654324", "610987654325", "710987654326", "910987654328" };

        using var app = _package.Consumer();
        app.Write("App/App.csproj", PackageFixture.ProjectFile("<ErrorLog>kms.sarif,version=2.1</ErrorLog><NoWarn>$(NoWarn);CS0067;CS8618</NoWarn>"));
        app.Write("App/Keys.cs", Sources);
        app.Write("App/AwsSdkStubs.cs", Infrastructure.AwsSdkStubs.Source);
        app.Write("App/kms-aliases.json", """
            { "Aliases": [ { "AliasName": "alias/orders", "AliasArn": "arn:aws:kms:eu-west-1:810987654327:alias/orders", "TargetKeyId": "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d" } ] }
            """);

        var build = app.DotNet("build App/App.csproj");
        Assert.True(build.ExitCode == 0, build.Output);
        var text = app.Read("App/kms.sarif");
        using var sarif = JsonDocument.Parse(text);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("KMS", System.StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(
            new[] { "KMS0001", "KMS0001", "KMS0001", "KMS0001", "KMS0001", "KMS0001", "KMS0002", "KMS0003", "KMS0003", "KMS0005", "KMS0008" },
            results.Select(r => r.GetProperty("ruleId").GetString()).OrderBy(id => id, System.StringComparer.Ordinal));
        // The fixes' data is there (so the assertion below is not vacuous), named by key id or alias name.
        Assert.Contains("alias/orders", text, System.StringComparison.Ordinal);
        Assert.Contains("********4321", text, System.StringComparison.Ordinal);
        foreach (var account in accounts)
            Assert.DoesNotContain(account, text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("arn:aws:kms:", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_maps_are_picked_up_in_projects_that_get_the_package_transitively()
    {
        using var app = _package.Consumer();
        // A library that passes the analyzers on (PrivateAssets="none"), and an app that only references the library.
        app.Write("Lib/Lib.csproj", PackageFixture.ProjectFile(packageReferenceAttributes: "PrivateAssets=\"none\""));
        app.Write("Lib/Empty.cs", "namespace Lib; public static class Empty { }");
        app.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup>
            </Project>
            """);
        app.Write("App/Keys.cs", Code);
        app.Write("App/kms-aliases.json", "{ \"Aliases\": [ ], }");

        var build = app.DotNet("build App/App.csproj");
        Assert.True(build.ExitCode == 0, build.Output);
        var diagnostics = build.KmsDiagnostics(app.Root);
        Assert.Contains(("App/Keys.cs", 4, 40, "warning", "KMS0001"), diagnostics);
        Assert.Contains(("App/kms-aliases.json", 1, 19, "warning", "KMS0100"), diagnostics);
    }

    [Fact]
    public void Appsettings_files_of_the_project_folder_become_additional_files_once_unless_disabled()
    {
        using var app = _package.Consumer();
        // appsettings.json is listed by the project already: it must not be added a second time.
        app.Write("App/App.csproj", PackageFixture.ProjectFile(extraItems: "<AdditionalFiles Include=\"appsettings.json\" /><AdditionalFiles Include=\"kms-aliases.json\" />"));
        app.Write("App/Keys.cs", "namespace App; public static class Keys { }");
        foreach (var name in new[] { "appsettings.json", "appsettings.Production.json", "AppSettings.eu-west-1.json", "kms-aliases.json", "settings.json", "appsettings.json.bak", "Sub/appsettings.json" })
            app.Write("App/" + name, "{}");

        Assert.Equal(0, app.DotNet("restore App/App.csproj").ExitCode);
        Assert.Equal(new[] { "AppSettings.eu-west-1.json", "appsettings.Production.json", "appsettings.json", "kms-aliases.json" }, AdditionalFiles());

        app.Write("App/App.csproj", PackageFixture.ProjectFile("<KmsAppSettingsDisabled>true</KmsAppSettingsDisabled>", "<AdditionalFiles Include=\"appsettings.json\" />"));
        Assert.Equal(new[] { "appsettings.json", "kms-aliases.json" }, AdditionalFiles());

        string[] AdditionalFiles()
        {
            var items = app.DotNet("msbuild App/App.csproj -getItem:AdditionalFiles");
            Assert.True(items.ExitCode == 0, items.Output);
            using var json = JsonDocument.Parse(items.Output);
            return json.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
                .Select(i => Path.GetRelativePath(Path.Combine(app.Root, "App"), i.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
                .OrderBy(n => n, System.StringComparer.Ordinal)
                .ToArray();
        }
    }

    [Fact]
    public void Key_arn_in_appsettings_json_is_reported_at_its_line_and_column_in_the_build()
    {
        using var app = _package.Consumer();
        app.Write("App/App.csproj", PackageFixture.ProjectFile(extraItems: "<AdditionalFiles Include=\"regions/appsettings.*.json\" />"));
        app.Write("App/Empty.cs", "namespace App; public static class Empty { }");
        app.Write("App/appsettings.json", $$"""
            {
              // Orders service
              "Kms": {
                "OrdersKeyArn": "{{Arn}}",
              },
            }
            """);
        app.Write("App/appsettings.Development.json", "{ \"Kms\": { \"OrdersKeyArn\": \"alias/orders\" } }");
        app.Write("App/regions/appsettings.eu-west-1.json", $$"""{ "Kms": { "OrdersKeyArn": "{{Arn}}" } }""");
        app.Write("App/regions/appsettings.us-east-1.json", $$"""{ "Kms": { "OrdersKeyArn": "{{Arn.Replace("eu-west-1", "us-east-1")}}" } }""");
        app.Write("App/settings.json", $$"""{ "Kms": { "OrdersKeyArn": "{{Arn}}" } }""");

        var build = app.DotNet("build App/App.csproj");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(new[]
        {
            ("App/appsettings.json", 4, 21, "warning", "KMS0009"),
            ("App/regions/appsettings.eu-west-1.json", 1, 28, "warning", "KMS0009"),
            ("App/regions/appsettings.us-east-1.json", 1, 28, "warning", "KMS0009"),
        }, build.KmsDiagnostics(app.Root));
        Assert.Contains("Setting 'Kms:OrdersKeyArn' in 'appsettings.json' holds the KMS key ARN of key '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d' in Region 'eu-west-1', account '********4321'", build.Output);
        Assert.DoesNotContain("210987654321", build.Output);
    }
}
