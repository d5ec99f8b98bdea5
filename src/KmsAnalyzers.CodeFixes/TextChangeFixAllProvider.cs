using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>A code fix that can state its edit for one diagnostic as text changes, without applying them.</summary>
internal interface ITextChangeFixer
{
    /// <summary>
    /// Whether the edits depend on where values flow (the use-alias fix withholds an alias from a value that reaches a
    /// grant): only then does Fix All pay for the solution-wide <see cref="AliasSafety"/> pass.
    /// </summary>
    bool NeedsAliasSafety { get; }

    /// <summary>
    /// The edit of the action with <paramref name="equivalenceKey"/>; with no key (as <c>dotnet format</c> passes when
    /// the first diagnostic it looked at had no fix), the edit of the first action the fix would offer.
    /// </summary>
    Task<IReadOnlyList<TextChange>?> GetChangesAsync(
        Document document, SyntaxNode root, Diagnostic diagnostic, string? equivalenceKey, AliasSafety? safety, CancellationToken cancellationToken);
}

/// <summary>
/// Fix All for every KmsAnalyzers fix, in document, project and solution scope. Each document's edits are gathered
/// for the chosen equivalence key, ordered by position, and applied in one pass; an edit that would overlap an earlier
/// one is left for a later run instead of being merged wrongly, and edits that would make values equal that must differ
/// (case labels, dictionary keys: <see cref="DistinctValueGuard"/>) are left out. Diagnostics with no fix are left alone.
/// </summary>
internal sealed class TextChangeFixAllProvider : FixAllProvider
{
    public static readonly TextChangeFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeFixProvider is not ITextChangeFixer fixer)
            return null;
        var key = fixAllContext.CodeActionEquivalenceKey;

        var diagnosticsByDocument = await CollectAsync(fixAllContext).ConfigureAwait(false);
        var title = fixAllContext.Scope switch
        {
            FixAllScope.Document => "Fix all in document",
            FixAllScope.Project => "Fix all in project",
            _ => "Fix all in solution",
        };

        // Worked out now, so that a Fix All that would change nothing (every edit left out) is not offered at all.
        var solution = fixAllContext.Solution;
        var fixedSolution = await FixAsync(solution, diagnosticsByDocument, fixer, key, fixAllContext.CancellationToken).ConfigureAwait(false);
        if (fixedSolution == solution)
            return null;
        return CodeAction.Create(title, _ => Task.FromResult(fixedSolution), key);
    }

    private static async Task<Solution> FixAsync(
        Solution solution, List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> work, ITextChangeFixer fixer,
        string? key, CancellationToken cancellationToken)
    {
        AliasSafety? safety = null;
        if (fixer.NeedsAliasSafety)
        {
            safety = new AliasSafety();
            await safety.PrepareAsync(solution, work, cancellationToken).ConfigureAwait(false); // one pass over the solution instead of a reference search per symbol
        }
        var newTexts = new List<(DocumentId Id, SourceText Text)>();
        foreach (var (document, diagnostics) in work)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
                continue;
            var changes = new List<TextChange>();
            foreach (var diagnostic in diagnostics)
            {
                if (await fixer.GetChangesAsync(document, root, diagnostic, key, safety, cancellationToken).ConfigureAwait(false) is { } edits)
                    changes.AddRange(edits);
            }

            if (changes.Count == 0)
                continue;
            var applied = DistinctValueGuard.DropCollisions(root, Disjoint(changes));
            if (applied.Count == 0)
                continue;
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            newTexts.Add((document.Id, text.WithChanges(applied)));
        }

        // Solution-wide reference searches above ran on the original solution; apply the texts only now.
        foreach (var (id, text) in newTexts)
            solution = solution.WithDocumentText(id, text);
        return solution;
    }

    private static List<TextChange> Disjoint(List<TextChange> changes)
    {
        changes.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.Length.CompareTo(b.Span.Length));
        var result = new List<TextChange>(changes.Count);
        var end = -1;
        foreach (var change in changes)
        {
            if (change.Span.Start < end || (result.Count > 0 && change.Span == result[result.Count - 1].Span))
                continue;
            result.Add(change);
            end = change.Span.End;
        }

        return result;
    }

    private static async Task<List<(Document, ImmutableArray<Diagnostic>)>> CollectAsync(FixAllContext context)
    {
        var result = new List<(Document, ImmutableArray<Diagnostic>)>();
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is { } document:
                result.Add((document, await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)));
                break;
            case FixAllScope.Project:
                await AddProjectAsync(context, context.Project, result).ConfigureAwait(false);
                break;
            case FixAllScope.Solution:
                foreach (var project in context.Solution.Projects)
                    await AddProjectAsync(context, project, result).ConfigureAwait(false);
                break;
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Item1.FilePath ?? a.Item1.Name, b.Item1.FilePath ?? b.Item1.Name));
        return result;
    }

    private static async Task AddProjectAsync(FixAllContext context, Project project, List<(Document, ImmutableArray<Diagnostic>)> result)
    {
        var all = await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
        var byTree = new Dictionary<SyntaxTree, ImmutableArray<Diagnostic>.Builder>();
        foreach (var diagnostic in all)
        {
            if (diagnostic.Location.SourceTree is not { } tree)
                continue;
            if (!byTree.TryGetValue(tree, out var list))
                byTree[tree] = list = ImmutableArray.CreateBuilder<Diagnostic>();
            list.Add(diagnostic);
        }

        foreach (var pair in byTree)
        {
            if (project.GetDocument(pair.Key) is { } document)
                result.Add((document, pair.Value.ToImmutable()));
        }
    }
}
