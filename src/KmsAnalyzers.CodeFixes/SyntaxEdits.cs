using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>Text edits that remove syntax while keeping the comments and layout around it.</summary>
internal static class SyntaxEdits
{
    /// <summary>Whether <paramref name="span"/> of <paramref name="node"/> holds a comment or a preprocessor directive.</summary>
    public static bool HasCommentsOrDirectives(SyntaxNode node, TextSpan span)
    {
        foreach (var trivia in node.DescendantTrivia(span, descendIntoTrivia: true))
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) ||
                trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia) ||
                trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Removes element <paramref name="index"/> of a comma-separated list (arguments, initializer members) with its
    /// separator. A member on a line of its own goes with its line; comment lines above it stay. Null when the removal
    /// would take a comment with it.
    /// </summary>
    public static TextChange? RemoveElement<TNode>(SeparatedSyntaxList<TNode> list, int index)
        where TNode : SyntaxNode
    {
        var change = Removal(list, index);
        // What is removed must hold no comment: a fix never loses one.
        return HasCommentsOrDirectives(list[index].Parent!, change.Span) ? null : change;
    }

    private static TextChange Removal<TNode>(SeparatedSyntaxList<TNode> list, int index)
        where TNode : SyntaxNode
    {
        var element = list[index];
        if (list.Count == 1)
        {
            // { RegionEndpoint = x } → { }; (x) → (); a member on a line of its own goes with its line.
            var start = OwnLineStart(element);
            var onOwnLine = start != element.SpanStart;
            var trailing = element.GetLastToken().TrailingTrivia;
            var onlyLayout = trailing.All(static t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));
            var takesTrailing = onlyLayout && (onOwnLine || !trailing.Any(SyntaxKind.EndOfLineTrivia));
            return new TextChange(TextSpan.FromBounds(start, takesTrailing ? element.FullSpan.End : element.Span.End), "");
        }

        if (index < list.SeparatorCount)
        {
            var separator = list.GetSeparator(index);
            return new TextChange(TextSpan.FromBounds(OwnLineStart(element), separator.FullSpan.End), "");
        }

        var previous = list.GetSeparator(index - 1);
        return new TextChange(TextSpan.FromBounds(previous.Span.Start, element.Span.End), "");
    }

    // Where the element's own line begins, after any comment lines above it; inline elements keep their line.
    private static int OwnLineStart(SyntaxNode element)
    {
        var start = element.FullSpan.Start;
        var onOwnLine = element.GetFirstToken().GetPreviousToken().TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        foreach (var trivia in element.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                start = trivia.FullSpan.End;
                onOwnLine = true;
            }
        }

        return onOwnLine ? start : element.SpanStart;
    }
}
