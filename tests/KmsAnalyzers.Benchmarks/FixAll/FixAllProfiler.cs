using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;
using static KmsAnalyzers.Benchmarks.Infrastructure.Stats;

namespace KmsAnalyzers.Benchmarks.FixAll;

/// <summary>
/// <c>fixall --quick --profile</c>: where Fix All spends its time. Each phase runs on a fresh workspace so that no
/// phase inherits another's caches: (1) the work of <c>TextChangeFixAllProvider.FixAsync</c> replayed step by step with
/// a stopwatch around each step (the same internal calls, in the same order); (2) <c>SymbolFinder.FindReferencesAsync</c>
/// alone for every symbol that AliasSafety looks up; (3) the post-processing that <c>CodeAction.GetOperationsAsync</c>
/// adds to a changed solution, timed on an action that returns the already changed solution.
/// </summary>
internal static class FixAllProfiler
{
    public static async Task RunAsync(int documents)
    {
        Console.WriteLine($"Profile of Fix All, solution of {N(documents)} documents, every diagnostic in scope (each phase on a fresh workspace):");

        Solution changed;
        using (var workload = await FixAllWorkload.CreateAsync(documents).ConfigureAwait(false))
            changed = await ReplayAsync(workload, documents).ConfigureAwait(false);

        using (var workload = await FixAllWorkload.CreateAsync(documents).ConfigureAwait(false))
            await FindReferencesAloneAsync(workload, documents).ConfigureAwait(false);

        using (var workload = await FixAllWorkload.CreateAsync(documents).ConfigureAwait(false))
        {
            // The same edits, applied to this workspace's solution, returned at once by the action.
            var solution = workload.Solution;
            var target = solution;
            foreach (var document in solution.Projects.Single().Documents)
            {
                var fixedDocument = changed.Projects.Single().Documents.Single(d => d.FilePath == document.FilePath);
                var text = await fixedDocument.GetTextAsync().ConfigureAwait(false);
                if (!text.ContentEquals(await document.GetTextAsync().ConfigureAwait(false)))
                    target = target.WithDocumentText(document.Id, text);
            }

            var action = CodeAction.Create("post-processing only", _ => Task.FromResult(target), "profile");
            var stopwatch = Stopwatch.StartNew();
            _ = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine($"  CodeAction.GetOperationsAsync post-processing of the changed solution: {Ms(stopwatch.Elapsed)}");
        }
    }

    /// <summary>TextChangeFixAllProvider.FixAsync, step by step.</summary>
    private static async Task<Solution> ReplayAsync(FixAllWorkload workload, int documents)
    {
        var fixer = (ITextChangeFixer)new UseAliasCodeFixProvider();
        var safety = new AliasSafety();
        var solution = workload.Solution;
        var provider = workload.Provider(documents);
        var work = new List<(Document Document, IReadOnlyList<Diagnostic> Diagnostics)>();
        foreach (var document in workload.ScopeDocuments(documents))
            work.Add((document, (await provider.GetDocumentDiagnosticsAsync(document, CancellationToken.None).ConfigureAwait(false)).ToList()));
        work.Sort(static (a, b) => string.CompareOrdinal(a.Document.FilePath, b.Document.FilePath));

        var roots = new Stopwatch();
        var models = new Stopwatch();
        var safetyTime = new Stopwatch();
        var changesTime = new Stopwatch();
        var texts = new Stopwatch();
        var total = Stopwatch.StartNew();
        var newTexts = new List<(DocumentId, SourceText)>();
        var diagnostics = 0;
        var safe = 0;
        foreach (var (document, list) in work)
        {
            roots.Start();
            var root = (await document.GetSyntaxRootAsync().ConfigureAwait(false))!;
            roots.Stop();
            var changes = new List<TextChange>();
            foreach (var diagnostic in list)
            {
                diagnostics++;
                models.Start();
                _ = await document.GetSemanticModelAsync().ConfigureAwait(false);
                var span = diagnostic.Location.SourceSpan;
                var expression = (ExpressionSyntax)root.FindNode(span, getInnermostNodeForTie: true);
                while (expression.Span != span && expression.Parent is ExpressionSyntax parent)
                    expression = parent;
                models.Stop();

                safetyTime.Start();
                safe += await safety.IsSafeAsync(document, expression, CancellationToken.None).ConfigureAwait(false) ? 1 : 0;
                safetyTime.Stop();

                // The fixer's own call: AliasSafety answers from its cache now, so this is the rest of GetChangesAsync.
                changesTime.Start();
                if (await fixer.GetChangesAsync(document, root, diagnostic, UseAliasCodeFixProvider.UseAliasKey, safety, CancellationToken.None).ConfigureAwait(false) is { } edits)
                    changes.AddRange(edits);
                changesTime.Stop();
            }

            texts.Start();
            var text = await document.GetTextAsync().ConfigureAwait(false);
            newTexts.Add((document.Id, text.WithChanges(changes)));
            texts.Stop();
        }

        var apply = Stopwatch.StartNew();
        foreach (var (id, text) in newTexts)
            solution = solution.WithDocumentText(id, text);
        apply.Stop();
        total.Stop();

        Console.WriteLine($"  FixAsync replayed: {S(total.Elapsed)} for {N(diagnostics)} diagnostics ({N(safe)} safe)");
        Console.WriteLine($"    syntax roots                                  {Ms(roots.Elapsed),10}");
        Console.WriteLine($"    semantic model + FindNode (PlanAsync)         {Ms(models.Elapsed),10}");
        Console.WriteLine($"    AliasSafety.IsSafeAsync (reference searches)  {Ms(safetyTime.Elapsed),10}  {Percent(safetyTime.Elapsed / total.Elapsed)}  ({Ms(safetyTime.Elapsed / diagnostics)} per diagnostic)");
        Console.WriteLine($"    rest of GetChangesAsync (rewrite)             {Ms(changesTime.Elapsed),10}");
        Console.WriteLine($"    SourceText.WithChanges                        {Ms(texts.Elapsed),10}");
        Console.WriteLine($"    Solution.WithDocumentText                     {Ms(apply.Elapsed),10}");
        return solution;
    }

    /// <summary>What SymbolFinder.FindReferencesAsync costs per symbol, and how many documents it has to look into.</summary>
    private static async Task FindReferencesAloneAsync(FixAllWorkload workload, int documents)
    {
        var solution = workload.Solution;
        var symbols = new List<ISymbol>();
        foreach (var document in workload.ScopeDocuments(documents))
        {
            var root = (await document.GetSyntaxRootAsync().ConfigureAwait(false))!;
            var model = (await document.GetSemanticModelAsync().ConfigureAwait(false))!;
            foreach (var diagnostic in workload.Diagnostics.Where(d => d.Location.SourceTree == root.SyntaxTree))
            {
                var expression = (ExpressionSyntax)root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (AliasSafety.InitializedSymbol(model, expression, CancellationToken.None) is { } symbol)
                    symbols.Add(symbol);
            }
        }

        var stopwatch = Stopwatch.StartNew();
        var locations = 0;
        var documentsWithReferences = 0;
        foreach (var symbol in symbols)
        {
            var references = await SymbolFinder.FindReferencesAsync(symbol, solution).ConfigureAwait(false);
            var found = references.SelectMany(r => r.Locations).ToList();
            locations += found.Count;
            documentsWithReferences += found.Select(l => l.Document.Id).Distinct().Count();
        }

        stopwatch.Stop();
        var names = symbols.Select(s => s.Name).Distinct().Count();
        Console.WriteLine($"  SymbolFinder.FindReferencesAsync alone: {S(stopwatch.Elapsed)} for {N(symbols.Count)} symbols ({Ms(stopwatch.Elapsed / Math.Max(1, symbols.Count))} each), " +
                          $"{N(locations)} references in {N(documentsWithReferences)} documents; {names} distinct names, each declared in " +
                          $"~{N(symbols.Count / Math.Max(1, names))} documents, all of which every search of that name has to look into");
    }
}
