using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace KmsAnalyzers.Tests.EndToEnd;

/// <summary>
/// Packs KmsAnalyzers once from a copy of the repository into a local folder feed, and restores consumer projects
/// from that feed into a private packages folder, so no earlier package of the same version can be picked up.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string Version = "0.1.0-e2e";

    public PackageFixture()
    {
        Source = new Workspace().CopyRepository("src");
        Feed = Path.Combine(Source.Root, "feed");
        var pack = Source.DotNet($"pack src/KmsAnalyzers.Package -c Release -o \"{Feed}\" -p:Version={Version}");
        if (pack.ExitCode != 0)
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
        Package = Directory.GetFiles(Feed, "*.nupkg").Single();
    }

    public Workspace Source { get; }
    public string Feed { get; }
    public string Package { get; }

    /// <summary>A new workspace whose NuGet.config has only the local feed, and whose packages go to its own folder.</summary>
    public Workspace Consumer()
    {
        var workspace = new Workspace();
        workspace.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{Feed}" /></packageSources>
              <config><add key="globalPackagesFolder" value="{Path.Combine(workspace.Root, "packages")}" /></config>
            </configuration>
            """);
        return workspace;
    }

    public static string ProjectFile(string extraProperties = "", string extraItems = "", string packageReferenceAttributes = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Library</OutputType>
            <Nullable>enable</Nullable>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="KmsAnalyzers" Version="{Version}" {packageReferenceAttributes} />
            {extraItems}
          </ItemGroup>
        </Project>
        """;

    public void Dispose() => Source.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed KmsAnalyzers";
}
