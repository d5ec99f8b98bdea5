using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace KmsAnalyzers.Tests.EndToEnd;

/// <summary>
/// The packed analyzers in an editor: a real C# language server (csharp-ls, a dotnet tool) driven over LSP on stdio
/// as an editor drives it, on a fresh project that restores KmsAnalyzers from the local feed.
/// </summary>
/// <remarks>
/// csharp-ls runs third-party analyzers only with its setting <c>csharp.analyzersEnabled = true</c> (off by default),
/// which the client hands over when the server asks with <c>workspace/configuration</c>. Its code actions come only
/// from Roslyn's own code fix providers, applied to compiler diagnostics: it never loads the code fixes of an
/// analyzer package, so the "Use alias" fix is not offered there (see the skipped test).
/// </remarks>
[Collection(PackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class EditorTests
{
    public const string CsharpLsVersion = "0.28.0";

    private const string Arn = "arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Code = $$"""
        namespace App;
        public static class Keys
        {
            public const string OrdersKeyArn = "{{Arn}}";
        }
        """;
    private const string Aliases = """
        {
            "Aliases": [
                {
                    "AliasName": "alias/orders",
                    "AliasArn": "arn:aws:kms:eu-west-1:210987654321:alias/orders",
                    "TargetKeyId": "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"
                }
            ]
        }
        """;

    private static readonly TimeSpan DiagnosticsTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public EditorTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    [Theory]
    [InlineData("push")] // textDocument/publishDiagnostics, as Neovim, Emacs and Helix get them
    [InlineData("pull")] // textDocument/diagnostic, as VS Code asks for them
    public Task Language_server_reports_KMS0001_on_the_open_file(string mode) => WithKeysOpenAsync(mode == "pull", async session =>
    {
        var diagnostic = session.Diagnostic;
        Assert.Equal(2, diagnostic["severity"]!.GetValue<int>()); // Warning
        Assert.StartsWith("KMS key ARN of key '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'", diagnostic["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("https://github.com/kmsanalyzers/KmsAnalyzers/blob/main/docs/rules/KMS0001.md", diagnostic["codeDescription"]?["href"]?.GetValue<string>());

        // The server answers a code action request on the diagnostic (with its own refactorings only; see the remarks).
        var titles = await session.CodeActionTitlesAsync();
        _output.WriteLine("Code actions on KMS0001: " + string.Join(" | ", titles));
    });

    /// <summary>
    /// README ("Editors") tells csharp-ls users to run <c>dotnet format</c> because csharp-ls offers no code fix from
    /// analyzer packages: its textDocument/codeAction instantiates only the CodeFixProviders of Roslyn's own Features and
    /// Workspaces assemblies. This holds that statement true; when a csharp-ls release loads package fixes, it fails
    /// and README should say the fixes work there.
    /// </summary>
    [Fact]
    public Task Language_server_offers_no_package_code_fix_as_readme_says() => WithKeysOpenAsync(pull: false, async session =>
    {
        var titles = await session.CodeActionTitlesAsync();
        Assert.DoesNotContain(titles, t => t.StartsWith("Use alias", StringComparison.Ordinal));
    });

    /// <summary>
    /// A consumer project with Keys.cs and an alias map, restored; csharp-ls installed and started on it, initialized,
    /// Keys.cs opened, and its KMS0001 received; then <paramref name="test"/>, shutdown and exit. On failure, the whole
    /// LSP transcript goes to the test output.
    /// </summary>
    private async Task WithKeysOpenAsync(bool pull, Func<Session, Task> test)
    {
        var clock = Stopwatch.StartNew();
        using var app = _package.Consumer();
        app.Write("App/App.csproj", PackageFixture.ProjectFile());
        var keys = app.Write("App/Keys.cs", Code);
        app.Write("App/kms-aliases.json", Aliases);
        var restore = app.DotNet("restore App/App.csproj");
        Assert.True(restore.ExitCode == 0, restore.Output);

        using var tools = new Workspace();
        var server = InstallCsharpLs(tools);
        _output.WriteLine($"Consumer restored and csharp-ls {CsharpLsVersion} installed in {clock.Elapsed.TotalSeconds:0.0} s.");

        var start = new ProcessStartInfo(server) { WorkingDirectory = app.Root };
        foreach (var argument in new[] { "--loglevel", "debug" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // The tool's apphost looks for the runtime in DOTNET_ROOT or the default places; point it at the SDK running this test.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")) && Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host)
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(host);

        using var client = new LspClient(start, AnswerServerRequest);
        try
        {
            var session = await OpenKeysAsync(client, app.Root, keys, pull);
            _output.WriteLine($"KMS0001 received {clock.Elapsed.TotalSeconds:0.0} s after the start of the test.");
            await test(session);

            await client.RequestAsync("shutdown", null, RequestTimeout);
            client.Notify("exit", null);
            if (!client.WaitForExit(TimeSpan.FromSeconds(30)))
                _output.WriteLine("csharp-ls did not exit within 30 s of exit; killed it.");
        }
        catch (Exception)
        {
            client.Dispose(); // kills the server's process tree, so the transcript is complete
            _output.WriteLine("LSP transcript (-> to the server, <- from it):");
            _output.WriteLine(client.Transcript);
            throw;
        }

        _output.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0.0} s.");
    }

    private static string InstallCsharpLs(Workspace tools)
    {
        var toolPath = Path.Combine(tools.Root, "tools");
        var config = Path.Combine(Workspace.RepositoryRoot, "NuGet.config");
        var install = tools.DotNet($"tool install csharp-ls --version {CsharpLsVersion} --tool-path \"{toolPath}\" --configfile \"{config}\"");
        Assert.True(install.ExitCode == 0, install.Output);
        var server = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
        Assert.True(File.Exists(server), "no " + server + " after:\n" + install.Output);
        return server;
    }

    private static JsonNode? AnswerServerRequest(string method, JsonNode? parameters) => method switch
    {
        // The server asks for its settings section "csharp"; this is where an editor's user turns analyzers on.
        "workspace/configuration" => new JsonArray(parameters!["items"]!.AsArray()
            .Select(item => item?["section"]?.GetValue<string>() == "csharp" ? (JsonNode)new JsonObject { ["analyzersEnabled"] = true } : null)
            .ToArray()),
        _ => null, // client/registerCapability, window/workDoneProgress/create, ...: accepted
    };

    private static async Task<Session> OpenKeysAsync(LspClient client, string root, string file, bool pull)
    {
        var textDocument = new JsonObject
        {
            ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false, ["didSave"] = true },
            ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true },
            ["codeAction"] = new JsonObject
            {
                ["codeActionLiteralSupport"] = new JsonObject { ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("", "quickfix", "refactor") } },
            },
        };
        if (pull)
            textDocument["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false };

        var rootUri = new Uri(root).AbsoluteUri;
        var initialize = await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "KmsAnalyzers.Tests" },
            ["rootUri"] = rootUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "app" }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = textDocument,
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
            },
        }, RequestTimeout);
        Assert.NotNull(initialize?["capabilities"]?["codeActionProvider"]);
        client.Notify("initialized", new JsonObject());

        var uri = new Uri(file).AbsoluteUri;
        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(file) },
        });

        var diagnostic = pull ? await PullKms0001Async(client, uri) : PushedKms0001(client);
        var range = diagnostic["range"]!;
        Assert.Equal((3, 39), (range["start"]!["line"]!.GetValue<int>(), range["start"]!["character"]!.GetValue<int>())); // Keys.cs(4,40)
        return new Session(client, uri, diagnostic);
    }

    private static JsonObject PushedKms0001(LspClient client)
    {
        var published = client.WaitForNotification(
            n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && IsKeysCs(n["params"]?["uri"]) && Kms0001(n["params"]?["diagnostics"]) is not null,
            DiagnosticsTimeout,
            "textDocument/publishDiagnostics with KMS0001 for Keys.cs");
        return Kms0001(published["params"]!["diagnostics"])!;
    }

    private static async Task<JsonObject> PullKms0001Async(LspClient client, string uri)
    {
        var deadline = DateTime.UtcNow + DiagnosticsTimeout;
        var last = "(none)";
        while (DateTime.UtcNow < deadline)
        {
            var report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, DiagnosticsTimeout);
            if (Kms0001(report?["items"]) is { } found)
                return found;
            last = report?.ToJsonString() ?? "null";
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"No KMS0001 in textDocument/diagnostic for Keys.cs within {DiagnosticsTimeout.TotalSeconds:0} s; last report: {last}");
    }

    private static bool IsKeysCs(JsonNode? uri) => uri?.GetValue<string>().EndsWith("/App/Keys.cs", StringComparison.Ordinal) == true;

    private static JsonObject? Kms0001(JsonNode? diagnostics) =>
        diagnostics?.AsArray().OfType<JsonObject>().FirstOrDefault(d => d["code"]?.GetValue<string>() == "KMS0001");

    private sealed record Session(LspClient Client, string Uri, JsonObject Diagnostic)
    {
        /// <summary>textDocument/codeAction on the diagnostic's range, with the diagnostic in the context, as an editor's quick fix menu asks.</summary>
        public async Task<IReadOnlyList<string>> CodeActionTitlesAsync()
        {
            var actions = await Client.RequestAsync("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri },
                ["range"] = Diagnostic["range"]!.DeepClone(),
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(Diagnostic.DeepClone()), ["triggerKind"] = 1 },
            }, RequestTimeout);
            var array = Assert.IsType<JsonArray>(actions); // an answer, not null
            return array.Select(a => a?["title"]?.GetValue<string>() ?? "").ToArray();
        }
    }
}
