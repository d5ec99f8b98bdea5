using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace KmsAnalyzers.Tests;

/// <summary>
/// The package metadata that must follow the rules as they are added: the description names every rule, the help
/// links come from the one RepositoryUrl property, and the changelog has a section for the version being built.
/// </summary>
public sealed class PackageMetadataTests
{
    private static string Repo(string path) => File.ReadAllText(Path.Combine(EndToEnd.Workspace.RepositoryRoot, path));

    private static string Property(string projectPath, string name) =>
        XDocument.Parse(Repo(projectPath)).Descendants(name).Single().Value;

    [Fact]
    public void Package_description_names_every_rule()
    {
        var description = Property("src/KmsAnalyzers.Package/KmsAnalyzers.Package.csproj", "Description");
        foreach (var id in CatalogTests.Ids())
            Assert.Contains(id + " ", description);
    }

    [Fact]
    public void Package_tags_are_the_ones_users_search_for()
    {
        var tags = Property("src/KmsAnalyzers.Package/KmsAnalyzers.Package.csproj", "PackageTags").Split(';');
        Assert.Subset(tags.ToHashSet(), new[] { "aws", "kms", "cdk", "security", "roslyn", "analyzers" }.ToHashSet());
    }

    [Fact]
    public void Help_links_derive_from_the_RepositoryUrl_property()
    {
        var repositoryUrl = Property("Directory.Build.props", "RepositoryUrl");
        Assert.Equal(RepositoryInfo.Url, repositoryUrl);
        Assert.Equal(Descriptors.HelpLinkBase, repositoryUrl + "/blob/main/docs/rules/");
        Assert.Equal(repositoryUrl + "/blob/main/docs/rules/KMS0001.md", Descriptors.HardcodedKeyArn.HelpLinkUri);
    }

    [Fact]
    public void Changelog_starts_with_the_version_being_built()
    {
        var version = Property("Directory.Build.props", "Version");
        var first = Regex.Match(Repo("CHANGELOG.md"), @"^## (?<version>\S+)", RegexOptions.Multiline);
        Assert.Equal(version, first.Groups["version"].Value);
    }
}
