using System;
using System.IO;
using System.Linq;
using Xunit;

namespace KmsAnalyzers.Tests.EndToEnd;

/// <summary>
/// Packs the kms-analyzers tool once from a copy of the repository and installs it from that local folder feed with
/// <c>dotnet tool install --tool-path</c>, as a user would; every tool test runs that installed command.
/// </summary>
public sealed class ToolFixture : IDisposable
{
    public ToolFixture()
    {
        Source = new Workspace().CopyRepository("src");
        Feed = Path.Combine(Source.Root, "feed");
        var pack = Source.DotNet($"pack src/KmsAnalyzers.Cli -c Release -o \"{Feed}\" -p:Version={PackageFixture.Version}");
        if (pack.ExitCode != 0)
            throw new InvalidOperationException("dotnet pack of the tool failed:\n" + pack.Output);
        Package = Directory.GetFiles(Feed, "KmsAnalyzers.Tool.*.nupkg").Single();

        Source.Write("tool-feed.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{Feed}" /></packageSources>
            </configuration>
            """);
        var toolPath = Path.Combine(Source.Root, "tools");
        Install = Source.DotNet($"tool install KmsAnalyzers.Tool --tool-path \"{toolPath}\" --version {PackageFixture.Version} --configfile tool-feed.config");
        if (Install.ExitCode != 0)
            throw new InvalidOperationException("dotnet tool install failed:\n" + Install.Output);
        Command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "kms-analyzers.exe" : "kms-analyzers");
    }

    public Workspace Source { get; }
    public string Feed { get; }
    public string Package { get; }
    public CommandResult Install { get; }

    /// <summary>The installed <c>kms-analyzers</c> command.</summary>
    public string Command { get; }

    /// <summary>A fresh copy of the repository's sources and samples to run the tool on.</summary>
    public static Workspace Samples() => new Workspace().CopyRepository("src", "samples");

    public CommandResult Run(Workspace workspace, string arguments) => workspace.Run(Command, arguments);

    public void Dispose() => Source.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ToolCollection : ICollectionFixture<ToolFixture>
{
    public const string Name = "Installed kms-analyzers tool";
}
