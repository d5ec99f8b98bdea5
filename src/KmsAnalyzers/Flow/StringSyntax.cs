using System;
using System.Collections.Generic;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmsAnalyzers.Flow;

/// <summary>
/// Syntactic prefilters for string expressions, asked before any binding: which literal, interpolation or
/// concatenation is the root of a group (not inside an enclosing concatenation or interpolation hole), and whether a
/// group could hold a key ARN or a multi-Region key id at all.
/// </summary>
internal static class StringSyntax
{
    private static readonly string[] Patterns = { KmsIdentifiers.ArnPrefix, KmsIdentifiers.MultiRegionPrefix };

    /// <summary>Whether <paramref name="node"/> is an operand of a concatenation or the expression of an interpolation hole (through parentheses).</summary>
    public static bool IsNested(SyntaxNode node)
    {
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax)
            parent = parent.Parent;
        return parent is InterpolationSyntax || parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression);
    }

    /// <summary>
    /// False only when the group rooted at <paramref name="root"/> cannot hold a key identifier: a lone literal whose
    /// text holds neither <c>arn:</c> nor <c>mrk-</c> (or is too short); a concatenation or interpolation made of
    /// such literals only (also checked across the joins). Anything else in the group (a name that may be a constant,
    /// a call) sends it to the semantic check.
    /// </summary>
    public static bool MayHoldKeyIdentifier(SyntaxNode root)
    {
        if (root is LiteralExpressionSyntax literal)
            return KmsIdentifiers.MayContainKeyIdentifier(literal.Token.ValueText);

        // Iterative, leaves in source order: a concatenation of 10,000 terms is 10,000 levels deep.
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        string? previous = null;
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            string text;
            switch (node)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    pending.Push(parenthesized.Expression);
                    continue;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    continue;
                case InterpolatedStringExpressionSyntax interpolated:
                    for (var i = interpolated.Contents.Count - 1; i >= 0; i--)
                        pending.Push(interpolated.Contents[i]);
                    continue;
                case InterpolationSyntax interpolation:
                    pending.Push(interpolation.Expression);
                    continue;
                case InterpolatedStringTextSyntax part:
                    text = part.TextToken.ValueText;
                    break;
                case LiteralExpressionSyntax leaf:
                    if (leaf.IsKind(SyntaxKind.NumericLiteralExpression) || leaf.IsKind(SyntaxKind.NullLiteralExpression) ||
                        leaf.IsKind(SyntaxKind.TrueLiteralExpression) || leaf.IsKind(SyntaxKind.FalseLiteralExpression))
                    {
                        previous = null; // "mrk" + 1 + "-…" is not the prefix either way
                        continue;
                    }

                    text = leaf.Token.ValueText;
                    break;
                default:
                    return true; // a name (maybe a constant), a call, a cast, …: only binding tells
            }

            if (Contains(text) || previous is not null && SpansJoin(previous, text))
                return true;
            // What a later join can continue: the last three characters of everything so far.
            previous = text.Length >= 3 || previous is null ? text : previous + text;
        }

        return false;
    }

    private static bool Contains(string text)
    {
        foreach (var pattern in Patterns)
        {
            if (text.IndexOf(pattern, StringComparison.Ordinal) >= 0)
                return true;
        }

        return false;
    }

    // "…ar" + "n:…": a prefix split over a join (left holds the text before it, or at least its last three characters).
    private static bool SpansJoin(string left, string right)
    {
        foreach (var pattern in Patterns)
        {
            for (var split = 1; split < pattern.Length; split++)
            {
                var tail = split;
                var head = pattern.Length - split;
                if (left.Length >= tail && right.Length >= head &&
                    string.CompareOrdinal(left, left.Length - tail, pattern, 0, tail) == 0 &&
                    string.CompareOrdinal(right, 0, pattern, split, head) == 0)
                    return true;
            }
        }

        return false;
    }
}
