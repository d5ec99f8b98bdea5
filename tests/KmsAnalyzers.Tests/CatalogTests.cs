using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using KmsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KmsAnalyzers.Tests;

/// <summary>The rule catalogue stays consistent: descriptors, docs, release tracking, README, fixers.</summary>
public sealed class CatalogTests
{
    private static readonly DiagnosticAnalyzer[] Analyzers = typeof(KmsAnalyzers.Rules.KmsCodeAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order())
            data.Add(id);
        return data;
    }

    private static DiagnosticDescriptor Descriptor(string id) => Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);

    private static string Repo(string path) => File.ReadAllText(Path.Combine(EndToEnd.Workspace.RepositoryRoot, path));

    [Fact]
    public void Every_id_constant_is_reported_by_exactly_one_analyzer()
    {
        var constants = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).Order().ToArray();
        // A rule may have a second descriptor with the same id for what it reports at compilation end.
        var reported = Analyzers.SelectMany(a => a.SupportedDiagnostics.Select(d => (d.Id, Analyzer: a.GetType().Name))).Distinct().ToArray();
        Assert.Equal(constants, reported.Select(r => r.Id).Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_to_an_existing_doc_whose_title_matches(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal($"https://github.com/kmsanalyzers/KmsAnalyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        var doc = Repo($"docs/rules/{id}.md");
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", doc.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Contains($"| {id} | {descriptor.Category} | {DefaultCell(descriptor)} |", doc, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Release_tracking_and_readme_list_the_rule(string id)
    {
        var descriptor = Descriptor(id);
        var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
        Assert.Matches(new Regex($@"^{id} \| {descriptor.Category} \| {severity} \|", RegexOptions.Multiline),
            Repo("src/KmsAnalyzers/AnalyzerReleases.Unshipped.md") + Repo("src/KmsAnalyzers/AnalyzerReleases.Shipped.md"));
        Assert.Contains($"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {descriptor.Category} | {DefaultCell(descriptor)} |", Repo("README.md"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_text_follows_one_style(string id)
    {
        var descriptor = Descriptor(id);
        var title = descriptor.Title.ToString();
        var message = descriptor.MessageFormat.ToString();
        Assert.Matches("^KMS[0-9]{4}$", id);
        Assert.True(char.IsUpper(title[0]) && !title.EndsWith('.'), title);
        Assert.False(message.EndsWith('.'), message);
        Assert.Contains("{0}", message, StringComparison.Ordinal);
        Assert.EndsWith(".", descriptor.Description.ToString(), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity); // Rider hides info-level diagnostics from packages
        Assert.Equal(id != DiagnosticIds.MultiRegionKeyCreated, descriptor.IsEnabledByDefault); // KMS0010 is opt-in
    }

    /// <summary>The "Default" cell of the README and rule-doc tables.</summary>
    private static string DefaultCell(DiagnosticDescriptor descriptor) =>
        descriptor.IsEnabledByDefault ? "Warning" : "Warning, disabled by default";

    [Fact]
    public void A_second_descriptor_of_an_id_differs_only_by_the_compilation_end_tag()
    {
        foreach (var group in Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Where(g => g.Count() > 1))
        {
            var live = Assert.Single(group, d => !d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
            var atEnd = Assert.Single(group, d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
            Assert.Equal(live.Title.ToString(), atEnd.Title.ToString());
            Assert.Equal(live.MessageFormat.ToString(), atEnd.MessageFormat.ToString());
            Assert.Equal(live.HelpLinkUri, atEnd.HelpLinkUri);
            Assert.Equal(live.DefaultSeverity, atEnd.DefaultSeverity);
        }
    }

    [Fact]
    public void Every_rule_with_a_fix_has_a_fixer_with_fix_all()
    {
        var fixers = typeof(CodeFixes.UseAliasCodeFixProvider).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToArray();
        var fixable = fixers.SelectMany(f => f.FixableDiagnosticIds).Order().ToArray();
        Assert.Equal(new[] { DiagnosticIds.HardcodedKeyArn, DiagnosticIds.RawMultiRegionKeyId, DiagnosticIds.CrossRegionDecrypt, DiagnosticIds.HardcodedKeyId, DiagnosticIds.RegionPinnedAliasArn, DiagnosticIds.RegionPinnedInKeyPolicy, DiagnosticIds.KeyInAnotherRegion }.Order(), fixable);
        Assert.All(fixers, f => Assert.Contains(FixAllScope.Solution, f.GetFixAllProvider()!.GetSupportedFixAllScopes()));
        Assert.All(fixers, f => Assert.NotNull(f.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>()));
    }
}
