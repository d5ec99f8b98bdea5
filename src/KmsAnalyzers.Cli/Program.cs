using System;
using System.CommandLine;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;

namespace KmsAnalyzers.Cli;

/// <summary>
/// <c>kms-analyzers scan|fix &lt;path&gt;</c>. Exit codes: 0 nothing found, 1 findings remain, 2 the input (or part of
/// it) could not be loaded, or the command line was wrong.
/// </summary>
public static class Program
{
    public const int Clean = 0;
    public const int FindingsRemain = 1;
    public const int LoadError = 2;

    public static async Task<int> Main(string[] args)
    {
        // Before any type that touches MSBuild is loaded: the workspace code lives in other methods and classes.
        if (!RegisterMSBuild(out var sdk))
        {
            Console.Error.WriteLine("kms-analyzers: no .NET SDK found. Install the .NET SDK 8.0.100 or later (the tool loads projects with its MSBuild).");
            return LoadError;
        }

        return await RunAsync(args, sdk).ConfigureAwait(false);
    }

    private static bool RegisterMSBuild(out string sdk)
    {
        sdk = "";
        if (MSBuildLocator.IsRegistered)
            return true;
        VisualStudioInstance? best = null;
        foreach (var instance in MSBuildLocator.QueryVisualStudioInstances())
        {
            if (best is null || instance.Version > best.Version)
                best = instance;
        }

        if (best is null)
            return false;
        MSBuildLocator.RegisterInstance(best);
        sdk = best.Version.ToString();
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> RunAsync(string[] args, string sdk)
    {
        var pathArgument = new Argument<string>("path")
        {
            Description = "A .sln, .slnx or .csproj file, or a folder that holds one solution (or projects).",
        };
        var noRestore = new Option<bool>("--no-restore")
        {
            Description = "Do not run 'dotnet restore' before loading (the projects must already be restored).",
        };

        var sarif = new Option<FileInfo?>("--sarif")
        {
            Description = "Write one SARIF 2.1 file for the whole input (accounts masked).",
        };
        var format = new Option<string>("--format")
        {
            Description = "How findings are printed on stdout: table (default) or json.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");

        var scan = new Command("scan", "Run the KmsAnalyzers rules over a solution, project or folder. Exit code 0: clean, 1: findings, 2: load errors.")
        {
            pathArgument, sarif, format, noRestore,
        };
        scan.SetAction((parse, cancellationToken) => ScanCommand.RunAsync(
            new ScanOptions(parse.GetValue(pathArgument)!, parse.GetValue(sarif)?.FullName, parse.GetValue(format) ?? "table", !parse.GetValue(noRestore), sdk),
            cancellationToken));

        var aliases = new Option<string[]>("--aliases")
        {
            Description = "Alias maps ('aws kms list-aliases --output json' per Region) used besides the kms-aliases*.json files next to each project. Wildcards allowed.",
            AllowMultipleArgumentsPerToken = true,
        };
        var deriveAliases = new Option<bool>("--derive-aliases")
        {
            Description = "Where the alias maps have no alias for a key, use the alias named after the constant (OrdersKeyArn -> alias/orders); sets kms_analyzers.derive_alias_names = preferred.",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Show what would change and write the alias plan, but leave the source files alone.",
        };
        var planDirectory = new Option<DirectoryInfo?>("--plan-dir")
        {
            Description = "Where kms-alias-plan.md and kms-alias-plan.json are written (default: the folder of <path>).",
        };
        var fix = new Command("fix", "Apply the preferred fix of every finding (the IDE's Fix All), then write the alias plan (kms-alias-plan.md/.json). Exit code 0: nothing left, 1: findings remain, 2: load errors.")
        {
            pathArgument, aliases, deriveAliases, dryRun, planDirectory, noRestore,
        };
        fix.SetAction((parse, cancellationToken) => FixCommand.RunAsync(
            new FixOptions(
                parse.GetValue(pathArgument)!, parse.GetValue(aliases) ?? Array.Empty<string>(), parse.GetValue(deriveAliases),
                parse.GetValue(dryRun), parse.GetValue(planDirectory)?.FullName, !parse.GetValue(noRestore), sdk),
            cancellationToken));

        var root = new RootCommand("kms-analyzers: find and fix hard-coded AWS KMS key ARNs, multi-Region key ids and cross-Region KMS calls in C# solutions, with the KmsAnalyzers rules.")
        {
            scan, fix,
        };
        var result = root.Parse(args);
        var exit = await result.InvokeAsync(new InvocationConfiguration(), CancellationToken.None).ConfigureAwait(false);
        // Parse errors and --help go through System.CommandLine; a wrong command line is a usage error (2), like a load error.
        return result.Errors.Count > 0 ? LoadError : exit;
    }
}
