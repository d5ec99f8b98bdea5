using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace KmsAnalyzers.Tests;

/// <summary>
/// The layers of the analyzer assembly, read from its sources with the compiler so that they cannot rot: the data
/// path runs Identifiers ← Sdk ← Flow ← Rules, Options and Roslyn (operation walks with no KMS knowledge) serve all of them, the catalogue (ids, descriptors, the fix
/// property contract) sits beside them, and nothing points back up. Every reference counts — a type, a member, a
/// <c>cref</c> in a comment.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Which namespaces each layer may use besides its own (and Roslyn/BCL, except where noted).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["KmsAnalyzers.Identifiers"] = Array.Empty<string>(),
        ["KmsAnalyzers.Roslyn"] = Array.Empty<string>(),
        ["KmsAnalyzers.Options"] = new[] { "KmsAnalyzers.Identifiers" },
        ["KmsAnalyzers.Sdk"] = new[] { "KmsAnalyzers.Identifiers", "KmsAnalyzers.Roslyn", "KmsAnalyzers.Options" },
        ["KmsAnalyzers.Flow"] = new[] { "KmsAnalyzers.Identifiers", "KmsAnalyzers.Roslyn", "KmsAnalyzers.Options", "KmsAnalyzers.Sdk" },
        ["KmsAnalyzers"] = new[] { "KmsAnalyzers.Identifiers" },
        ["KmsAnalyzers.Rules"] = new[] { "KmsAnalyzers", "KmsAnalyzers.Identifiers", "KmsAnalyzers.Roslyn", "KmsAnalyzers.Options", "KmsAnalyzers.Sdk", "KmsAnalyzers.Flow" },
    };

    private static readonly Lazy<(Compilation Compilation, SyntaxTree[] Trees)> Analyzer = new(() => Compile("src/KmsAnalyzers"));

    [Fact]
    public void No_layer_of_the_analyzer_points_back_up_the_data_path()
    {
        var (compilation, trees) = Analyzer.Value;
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            var layer = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).FirstOrDefault() ?? "";
            Assert.True(Allowed.ContainsKey(layer), $"{Relative(tree)}: namespace '{layer}' is no known layer; add it to {nameof(Allowed)} with its dependencies");
            foreach (var name in root.DescendantNodes(descendIntoTrivia: true).OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (NamespaceOf(symbol) is not { } used || used == layer || !used.StartsWith("KmsAnalyzers", StringComparison.Ordinal))
                    continue;
                if (!Allowed[layer].Contains(used))
                    violations.Add($"{Relative(tree)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {layer} uses {symbol!.ToDisplayString()} ({used})");
            }
        }

        Assert.True(violations.Count == 0, "Forbidden dependencies:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Sdk_and_cdk_names_are_spelled_only_in_the_sdk_folder()
    {
        // Every string constant of Sdk/ (type, member and namespace names of the AWS SDK, its DI setup, the Encryption
        // SDK and the CDK) is matched elsewhere only through those constants, and no other folder spells an SDK
        // namespace. The fixes are checked too: they match the same names.
        var (compilation, trees) = Analyzer.Value;
        var sdkNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees.Where(t => Relative(t).StartsWith("Sdk/", StringComparison.Ordinal)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declarator in tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                if (model.GetDeclaredSymbol(declarator) is IFieldSymbol { IsConst: true, ConstantValue: string value } && value.Length > 3)
                    sdkNames.Add(value);
            }
        }

        Assert.Contains("RegionEndpoint", sdkNames);
        var spelled = new SortedSet<string>(StringComparer.Ordinal);
        var fixes = Directory.GetFiles(Path.Combine(EndToEnd.Workspace.RepositoryRoot, "src/KmsAnalyzers.CodeFixes"), "*.cs")
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f));
        foreach (var tree in trees.Where(t => !Relative(t).StartsWith("Sdk/", StringComparison.Ordinal)).Concat(fixes))
        {
            foreach (var literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
            {
                var text = literal.Token.ValueText;
                if (sdkNames.Contains(text) || text.StartsWith("Amazon.", StringComparison.Ordinal) || text.StartsWith("AWS.", StringComparison.Ordinal) ||
                    text.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
                    spelled.Add($"{Path.GetFileName(tree.FilePath)}:{literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: \"{text}\"");
            }
        }

        Assert.True(spelled.Count == 0, "SDK names spelled outside Sdk/ (add them to Sdk/SdkNames.cs):\n" + string.Join("\n", spelled));
    }

    [Fact]
    public void Identifiers_is_pure_text_without_roslyn()
    {
        var (compilation, trees) = Analyzer.Value;
        var uses = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees.Where(t => Relative(t).StartsWith("Identifiers/", StringComparison.Ordinal)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                if (symbol?.ContainingAssembly?.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
                    uses.Add($"{Relative(tree)}: {symbol.ToDisplayString()}");
            }
        }

        Assert.Empty(uses);
    }

    [Fact]
    public void The_analyzer_assembly_never_sees_the_fixes_or_the_workspace()
    {
        var references = typeof(KmsAnalyzers.Rules.KmsCodeAnalyzer).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();
        Assert.DoesNotContain("KmsAnalyzers.CodeFixes", references);
        Assert.DoesNotContain(references, r => r!.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
        Assert.All(references, r => Assert.True(
            r is "netstandard" or "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp" or "System.Collections.Immutable",
            $"the analyzer references '{r}': the analyzers ship with no dependency"));
    }

    [Fact]
    public void The_architecture_test_sees_the_layers_it_guards()
    {
        // A guard that compiled nothing would pass: the sources must bind (the generated RepositoryInfo aside).
        var (compilation, trees) = Analyzer.Value;
        Assert.Contains(trees, t => Relative(t).StartsWith("Rules/", StringComparison.Ordinal));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.GetMessage().Contains("RepositoryInfo", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(10)));
        // A cref that no longer binds (a type moved to another layer) would hide a dependency from the check above.
        var brokenCrefs = compilation.GetDiagnostics().Where(d => d.Id is "CS1574" or "CS1580" or "CS1584").ToArray();
        Assert.True(brokenCrefs.Length == 0, string.Join("\n", brokenCrefs.Take(10)));
    }

    private static string? NamespaceOf(ISymbol? symbol)
    {
        if (symbol is null || symbol is INamespaceSymbol || symbol.Locations.All(l => !l.IsInSource))
            return null;
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        while (type?.ContainingType is { } outer)
            type = outer;
        return (type?.ContainingNamespace ?? symbol.ContainingNamespace)?.ToDisplayString();
    }

    private static string Relative(SyntaxTree tree) =>
        Path.GetRelativePath(Path.Combine(EndToEnd.Workspace.RepositoryRoot, "src/KmsAnalyzers"), tree.FilePath).Replace('\\', '/');

    private static (Compilation, SyntaxTree[]) Compile(string folder)
    {
        var directory = Path.Combine(EndToEnd.Workspace.RepositoryRoot, folder);
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var trees = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
                        !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .ToArray();
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform.Append(typeof(Compilation).Assembly.Location).Append(typeof(CSharpCompilation).Assembly.Location)
            .Distinct().Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("ArchitectureCheck", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: false));
        return (compilation, trees);
    }
}
