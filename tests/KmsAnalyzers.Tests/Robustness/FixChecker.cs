using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>
/// Issue item 4: for every diagnostic, applies each offered fix and Fix All (document scope, per equivalence key) and
/// checks that the result parses, adds no compiler error, keeps every comment and preprocessor directive, and that
/// applying the same fix again changes nothing (or no diagnostic remains for it).
/// </summary>
internal static class FixChecker
{
    public static async Task CheckAsync(RobustInput input, Tally tally, bool fixAll = true)
    {
        var project = await Harness.CreateProjectAsync(input);
        tally.Input();
        var analysis = await Harness.AnalyzeAsync(project, tally, input.Name);
        var errorsBefore = Errors(analysis.Compilation.GetDiagnostics());
        foreach (var document in project.Documents)
        {
            var tree = await document.GetSyntaxTreeAsync();
            var diagnostics = analysis.Diagnostics.Where(d => d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
            if (diagnostics.IsEmpty)
                continue;

            var keys = new Dictionary<CodeFixProvider, SortedSet<string>>();
            foreach (var diagnostic in diagnostics)
            {
                var fixer = Harness.FixerFor(diagnostic.Id);
                foreach (var action in await Harness.GetActionsAsync(document, diagnostic, tally, input.Name))
                {
                    var what = $"{input.Name}: {Harness.Describe(diagnostic)} -> '{action.Title}' ({action.EquivalenceKey})";
                    if (action.EquivalenceKey is null)
                        tally.Problem(input.Name, what + ": action has no equivalence key");
                    else if (fixer is not null && !action.Title.Contains("Fix All leaves it", StringComparison.Ordinal))
                        (keys.TryGetValue(fixer, out var set) ? set : keys[fixer] = new SortedSet<string>(StringComparer.Ordinal)).Add(action.EquivalenceKey);

                    var after = await Harness.ApplyAsync(action, project.Solution, tally, input.Name);
                    if (after is null)
                        continue;
                    if (!await CheckResultAsync(document, after, errorsBefore, tally, what))
                        continue;
                    await CheckSameFixAgainAsync(document, diagnostic, action.EquivalenceKey, after, tally, what);
                }
            }

            if (!fixAll)
                continue;
            foreach (var (fixer, set) in keys)
            {
                foreach (var key in set)
                {
                    var what = $"{input.Name}: Fix All in {document.Name} ({key})";
                    var after = await Harness.FixAllInDocumentAsync(document, fixer, key, diagnostics, tally, input.Name);
                    if (after is null)
                    {
                        tally.Problem(input.Name, what + ": Fix All offered no change although a fix with this key exists");
                        continue;
                    }

                    if (!await CheckResultAsync(document, after, errorsBefore, tally, what))
                        continue;
                    await CheckFixAllAgainAsync(document, fixer, key, after, tally, what);
                }
            }
        }
    }

    /// <summary>Parses, compiles with no new error, keeps every comment and directive. False when a check failed.</summary>
    private static async Task<bool> CheckResultAsync(Document before, Solution after, Dictionary<string, int> errorsBefore, Tally tally, string what)
    {
        var ok = true;
        var newDocument = after.GetDocument(before.Id)!;
        var oldRoot = (await before.GetSyntaxRootAsync())!;
        var newRoot = (await newDocument.GetSyntaxRootAsync())!;
        var newText = (await newDocument.GetTextAsync()).ToString();
        if ((await before.GetTextAsync()).ToString() == newText)
        {
            tally.Problem(before.Name, what + ": the action changed nothing");
            return false;
        }

        var syntaxBefore = Errors(oldRoot.SyntaxTree.GetDiagnostics());
        var syntaxAfter = Errors(newRoot.SyntaxTree.GetDiagnostics());
        foreach (var added in Added(syntaxBefore, syntaxAfter))
        {
            tally.Problem(before.Name, what + ": the result does not parse: " + added);
            ok = false;
        }

        var compilation = (await newDocument.Project.GetCompilationAsync())!;
        foreach (var added in Added(errorsBefore, Errors(compilation.GetDiagnostics())))
        {
            tally.Problem(before.Name, what + ": new compiler error " + added);
            ok = false;
        }

        foreach (var lost in Added(KeptTrivia(newRoot), KeptTrivia(oldRoot)))
        {
            tally.Problem(before.Name, what + ": lost " + lost);
            ok = false;
        }

        return ok;
    }

    private static async Task CheckSameFixAgainAsync(Document before, Diagnostic diagnostic, string? key, Solution after, Tally tally, string what)
    {
        var newDocument = after.GetDocument(before.Id)!;
        var oldText = await before.GetTextAsync();
        var newText = await newDocument.GetTextAsync();
        var mapped = MapSpan(diagnostic.Location.SourceSpan, newText.GetTextChanges(oldText));
        var analysis = await Harness.AnalyzeAsync(newDocument.Project, tally, before.Name + " (after fix)");
        var newTree = await newDocument.GetSyntaxTreeAsync();
        var again = analysis.Diagnostics.FirstOrDefault(d =>
            d.Id == diagnostic.Id && d.Location.SourceTree == newTree && d.Location.SourceSpan.IntersectsWith(mapped));
        if (again is null)
            return; // no diagnostic remains for it
        var action = (await Harness.GetActionsAsync(newDocument, again, tally, before.Name)).FirstOrDefault(a => a.EquivalenceKey == key);
        if (action is null)
            return; // still reported, but the same fix is no longer offered: applying it again cannot change anything
        var twice = await Harness.ApplyAsync(action, newDocument.Project.Solution, tally, before.Name);
        var twiceText = twice is null ? newText : await twice.GetDocument(before.Id)!.GetTextAsync();
        if (!twiceText.ContentEquals(newText))
            tally.Problem(before.Name, what + ": applying the same fix again changes the text again:\n" + string.Join("\n", twiceText.GetTextChanges(newText)));
    }

    private static async Task CheckFixAllAgainAsync(Document before, CodeFixProvider fixer, string key, Solution after, Tally tally, string what)
    {
        var newDocument = after.GetDocument(before.Id)!;
        var newText = await newDocument.GetTextAsync();
        var analysis = await Harness.AnalyzeAsync(newDocument.Project, tally, before.Name + " (after Fix All)");
        var newTree = await newDocument.GetSyntaxTreeAsync();
        var remaining = analysis.Diagnostics.Where(d => d.Location.SourceTree == newTree && fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
        if (remaining.IsEmpty)
            return;
        var twice = await Harness.FixAllInDocumentAsync(newDocument, fixer, key, remaining, tally, before.Name);
        if (twice is null)
            return;
        var twiceText = await twice.GetDocument(before.Id)!.GetTextAsync();
        if (!twiceText.ContentEquals(newText))
            tally.Problem(before.Name, what + ": a second Fix All changes the text again: " + string.Join("; ", twiceText.GetTextChanges(newText)));
    }

    /// <summary>Errors as a multiset of "id: message" (positions shift when a fix edits text).</summary>
    public static Dictionary<string, int> Errors(IEnumerable<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var key = d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            result[key] = result.TryGetValue(key, out var n) ? n + 1 : 1;
        }

        return result;
    }

    /// <summary>Comments, preprocessor directives and disabled text as a multiset of their text.</summary>
    public static Dictionary<string, int> KeptTrivia(SyntaxNode root)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: false))
        {
            string kind;
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) ||
                trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                kind = "comment";
            else if (trivia.IsDirective)
                kind = "directive";
            else if (trivia.IsKind(SyntaxKind.DisabledTextTrivia))
                kind = "disabled text";
            else
                continue;
            var key = kind + " `" + trivia.ToFullString().Trim() + "`";
            result[key] = result.TryGetValue(key, out var n) ? n + 1 : 1;
        }

        return result;
    }

    /// <summary>The entries of <paramref name="after"/> beyond those of <paramref name="before"/>, with their extra counts.</summary>
    public static IEnumerable<string> Added(Dictionary<string, int> before, Dictionary<string, int> after)
    {
        foreach (var (key, count) in after)
        {
            var extra = count - (before.TryGetValue(key, out var n) ? n : 0);
            if (extra > 0)
                yield return extra == 1 ? key : key + " (x" + extra + ")";
        }
    }

    /// <summary>Where <paramref name="span"/> of the old text lies in the new text.</summary>
    public static TextSpan MapSpan(TextSpan span, IEnumerable<TextChange> changes)
    {
        var ordered = changes.OrderBy(c => c.Span.Start).ToList();
        int Map(int position, bool isEnd)
        {
            var delta = 0;
            foreach (var change in ordered)
            {
                var newLength = change.NewText?.Length ?? 0;
                if (change.Span.End <= position)
                {
                    delta += newLength - change.Span.Length;
                    continue;
                }

                if (change.Span.Start < position)
                    return change.Span.Start + delta + (isEnd ? newLength : 0);
                break;
            }

            return position + delta;
        }

        var start = Map(span.Start, false);
        var end = Math.Max(start, Map(span.End, true));
        return TextSpan.FromBounds(start, end);
    }
}
