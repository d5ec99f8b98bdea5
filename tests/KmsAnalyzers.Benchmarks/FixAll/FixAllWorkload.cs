using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Benchmarks.Infrastructure;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Benchmarks.FixAll;

/// <summary>What one Fix All run did and cost.</summary>
internal sealed record FixAllRun(
    int Documents,
    int DiagnosticsInScope,
    TimeSpan GetFix,
    TimeSpan GetOperations,
    TimeSpan Materialize,
    long AllocatedBytes,
    int ChangedDocuments,
    string? VerificationError)
{
    public TimeSpan Total => GetFix + GetOperations + Materialize;
}

/// <summary>
/// The Fix All benchmark: an <see cref="AdhocWorkspace"/> solution from <see cref="FixAllSolutionGenerator"/>, its
/// KMS0001/KMS0002 diagnostics computed once with <see cref="CompilationWithAnalyzers"/>, then Fix All in Solution
/// scope through <see cref="UseAliasCodeFixProvider"/>'s FixAllProvider with the first <c>scopeDocuments</c>
/// documents' diagnostics, as the IDE or <c>dotnet format</c> runs it.
/// </summary>
internal sealed class FixAllWorkload : IDisposable
{
    private readonly Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> _byTree;

    private FixAllWorkload(AdhocWorkspace workspace, IReadOnlyList<FixAllDocument> documents, ImmutableArray<Diagnostic> diagnostics)
    {
        Workspace = workspace;
        Documents = documents;
        Diagnostics = diagnostics;
        _byTree = diagnostics.Where(d => d.Location.SourceTree is not null)
            .GroupBy(d => d.Location.SourceTree!)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray());
    }

    public AdhocWorkspace Workspace { get; }
    public Solution Solution => Workspace.CurrentSolution;
    public Project Project => Solution.Projects.Single();
    public IReadOnlyList<FixAllDocument> Documents { get; }
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>A fresh workspace (no cached semantic models or reference indices) and its diagnostics.</summary>
    public static async Task<FixAllWorkload> CreateAsync(int documents)
    {
        var (generated, aliasMap) = FixAllSolutionGenerator.Generate(documents);
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId("Contoso.Keys");
        var documentInfos = generated.Select(d => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(d.Path),
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(d.Text), VersionStamp.Create(), d.Path)),
            filePath: d.Path)).ToList();
        var aliasMapInfo = DocumentInfo.Create(
            DocumentId.CreateNewId(projectId), "kms-aliases.json",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(aliasMap), VersionStamp.Create(), "/src/Contoso.Keys/kms-aliases.json")),
            filePath: "/src/Contoso.Keys/kms-aliases.json");
        var project = ProjectInfo.Create(
            projectId, VersionStamp.Create(), "Contoso.Keys", "Contoso.Keys", LanguageNames.CSharp,
            filePath: "/src/Contoso.Keys/Contoso.Keys.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: References.ParseOptions,
            documents: documentInfos,
            metadataReferences: References.All,
            additionalDocuments: new[] { aliasMapInfo });
        workspace.AddSolution(SolutionInfo.Create(SolutionId.CreateNewId(), VersionStamp.Create(), projects: new[] { project }));

        var compilation = (await workspace.CurrentSolution.Projects.Single().GetCompilationAsync().ConfigureAwait(false))!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException("The generated solution does not compile: " + string.Join("; ", errors));
        var diagnostics = await AnalyzeAsync(workspace.CurrentSolution.Projects.Single()).ConfigureAwait(false);
        return new FixAllWorkload(workspace, generated, diagnostics);
    }

    /// <summary>KMS0001 and KMS0002 of a project, as the IDE's diagnostic service or <c>dotnet format</c> computes them.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new KmsStringAnalyzer(DiagnosticIds.HardcodedKeyArn, DiagnosticIds.RawMultiRegionKeyId)), project.AnalyzerOptions);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The documents of the first <paramref name="scopeDocuments"/> generated documents, in generation order.</summary>
    public IReadOnlyList<Document> ScopeDocuments(int scopeDocuments)
    {
        var byPath = Project.Documents.ToDictionary(d => d.FilePath!, StringComparer.Ordinal);
        return Documents.Take(scopeDocuments).Select(d => byPath[d.Path]).ToList();
    }

    public int DiagnosticsInScope(int scopeDocuments) =>
        ScopeDocuments(scopeDocuments).Sum(d => _byTree.TryGetValue(Tree(d), out var list) ? list.Length : 0);

    /// <summary>The provider that hands Fix All the precomputed diagnostics of the documents in scope.</summary>
    public FixAllContext.DiagnosticProvider Provider(int scopeDocuments)
    {
        var inScope = new HashSet<SyntaxTree>(ScopeDocuments(scopeDocuments).Select(d => Tree(d)));
        return new PrecomputedDiagnosticProvider(_byTree.Where(p => inScope.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>
    /// Fix All in Solution scope: <c>GetFixAsync</c>, then <c>GetOperationsAsync</c> (which computes the changed
    /// solution and post-processes it), then every changed document's text, as the host reads them to apply them.
    /// </summary>
    public async Task<(Solution Changed, List<DocumentId> ChangedIds, TimeSpan GetFix, TimeSpan GetOperations, TimeSpan Materialize)> FixAllAsync(
        FixAllContext.DiagnosticProvider provider)
    {
        var fixer = new UseAliasCodeFixProvider();
        var solution = Solution;
        var stopwatch = Stopwatch.StartNew();
        var context = new FixAllContext(
            Project, fixer, FixAllScope.Solution, UseAliasCodeFixProvider.UseAliasKey, fixer.FixableDiagnosticIds, provider, CancellationToken.None);
        var action = await fixer.GetFixAllProvider()!.GetFixAsync(context).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Fix All offered no action.");
        var getFix = stopwatch.Elapsed;

        var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var getOperations = stopwatch.Elapsed - getFix;

        var changedIds = changed.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()).ToList();
        foreach (var id in changedIds)
            _ = await changed.GetDocument(id)!.GetTextAsync().ConfigureAwait(false);
        var materialize = stopwatch.Elapsed - getFix - getOperations;
        return (changed, changedIds, getFix, getOperations, materialize);
    }

    /// <summary>Fix All of the first <paramref name="scopeDocuments"/> documents, measured, then checked.</summary>
    public async Task<FixAllRun> MeasureFixAllAsync(int scopeDocuments)
    {
        var provider = Provider(scopeDocuments);
        var inScope = DiagnosticsInScope(scopeDocuments);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (changed, changedIds, getFix, getOperations, materialize) = await FixAllAsync(provider).ConfigureAwait(false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var error = await VerifyAsync(changed, changedIds, scopeDocuments).ConfigureAwait(false);
        return new FixAllRun(scopeDocuments, inScope, getFix, getOperations, materialize, allocated, changedIds.Count, error);
    }

    /// <summary>
    /// Every constant of the documents in scope holds its expected alias (the settlement key, used in a grant, holds
    /// its ARN), every document in scope changed and no other, and the analyzer on the fixed solution reports exactly
    /// the settlement keys in scope plus every diagnostic out of scope.
    /// </summary>
    private async Task<string?> VerifyAsync(Solution changed, List<DocumentId> changedIds, int scopeDocuments)
    {
        var problems = new List<string>();
        var scope = ScopeDocuments(scopeDocuments);
        if (changedIds.Count != scope.Count)
            problems.Add($"{changedIds.Count} documents changed, expected {scope.Count}");
        var scopeIds = new HashSet<DocumentId>(scope.Select(d => d.Id));
        if (changedIds.Any(id => !scopeIds.Contains(id)))
            problems.Add("a document out of scope changed");

        for (var i = 0; i < scope.Count; i++)
        {
            var text = (await changed.GetDocument(scope[i].Id)!.GetTextAsync().ConfigureAwait(false)).ToString();
            foreach (var constant in Documents[i].Constants)
            {
                var expected = "public const string " + constant.Name + " = \"" + (constant.ExpectedAlias ?? constant.Value) + "\";";
                if (!text.Contains(expected, StringComparison.Ordinal))
                {
                    problems.Add($"{Documents[i].Path}: expected `{expected}`");
                    break;
                }
            }

            if (problems.Count > 5)
                break;
        }

        var remaining = await AnalyzeAsync(changed.Projects.Single()).ConfigureAwait(false);
        var expectedRemaining = scope.Count + (Diagnostics.Length - DiagnosticsInScope(scopeDocuments));
        if (remaining.Length != expectedRemaining)
            problems.Add($"{remaining.Length} KMS0001/KMS0002 remain after the fix, expected {expectedRemaining}");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    public void Dispose() => Workspace.Dispose();

    private static SyntaxTree Tree(Document document) => document.GetSyntaxTreeAsync().GetAwaiter().GetResult()!;

    private sealed class PrecomputedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> _byTree;

        public PrecomputedDiagnosticProvider(Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> byTree) => _byTree = byTree;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return tree is not null && _byTree.TryGetValue(tree, out var list) ? list : Enumerable.Empty<Diagnostic>();
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_byTree.Values.SelectMany(d => d).ToList());
    }
}
