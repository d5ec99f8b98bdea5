using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>
/// Keeps Fix All from making two values equal where C# or the collection needs them distinct: the case labels of one
/// switch statement (CS0152), the constant arms of one switch expression (CS8510), the keys of one dictionary
/// initializer (an ArgumentException at run time). The Regional ARNs of one multi-Region key share an alias, so
/// rewriting both would collide: such edits are dropped and their diagnostics stay for the user to judge.
/// </summary>
internal static class DistinctValueGuard
{
    private static readonly List<TextChange> NoChanges = new();

    /// <summary>Whether applying <paramref name="changes"/> (disjoint) would make two such values equal.</summary>
    public static bool Collides(SyntaxNode root, IReadOnlyList<TextChange> changes)
    {
        var list = new List<TextChange>(changes);
        return DropCollisions(root, list).Count != list.Count;
    }

    /// <summary><paramref name="changes"/> (disjoint) without those that would make two such values equal.</summary>
    public static List<TextChange> DropCollisions(SyntaxNode root, List<TextChange> changes)
    {
        Dictionary<SyntaxNode, List<ExpressionSyntax>>? groups = null;
        foreach (var change in changes)
        {
            var node = root.FindNode(change.Span, getInnermostNodeForTie: true);
            if (OwnerOfDistinctValue(node) is { } owner)
            {
                groups ??= new Dictionary<SyntaxNode, List<ExpressionSyntax>>();
                if (!groups.ContainsKey(owner))
                    groups[owner] = Values(owner);
            }
        }

        if (groups is null)
            return changes; // the common case: no edit touches such a value

        var dropped = new List<TextSpan>();
        foreach (var values in groups.Values)
            DropInGroup(values, changes, dropped);

        if (dropped.Count == 0)
            return changes;
        var kept = new List<TextChange>(changes.Count);
        foreach (var change in changes)
        {
            if (!dropped.Exists(span => span.Contains(change.Span)))
                kept.Add(change);
        }

        return kept;
    }

    /// <summary>
    /// Decides which edited values of one group keep their edit, as fixing them one at a time would: a value keeps its
    /// edit unless its new value equals a value that stays (unedited, or an edit given up) or an earlier kept edit.
    /// Giving up an edit can make its old value collide in turn, so this repeats until nothing more is given up.
    /// </summary>
    private static void DropInGroup(List<ExpressionSyntax> values, List<TextChange> changes, List<TextSpan> dropped)
    {
        var edited = new bool[values.Count];
        var before = new string[values.Count];
        var after = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            before[i] = ValueAfter(values[i], NoChanges);
            after[i] = ValueAfter(values[i], changes);
            edited[i] = after[i] != before[i];
        }

        var keeps = (bool[])edited.Clone();
        bool changed;
        do
        {
            changed = false;
            var taken = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
            {
                if (!keeps[i])
                    taken.Add(before[i]);
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (!keeps[i])
                    continue;
                if (!taken.Add(after[i]))
                {
                    keeps[i] = false;
                    changed = true;
                }
            }
        }
        while (changed);

        for (var i = 0; i < values.Count; i++)
        {
            if (edited[i] && !keeps[i])
                dropped.Add(values[i].Span);
        }
    }

    /// <summary>The switch or initializer whose values must differ, when <paramref name="node"/> sits in one of them.</summary>
    private static SyntaxNode? OwnerOfDistinctValue(SyntaxNode node)
    {
        for (var current = node; current is not null and not StatementSyntax and not MemberDeclarationSyntax; current = current.Parent)
        {
            switch (current.Parent)
            {
                case CaseSwitchLabelSyntax label when label.Value == current:
                    return label.Parent?.Parent;
                case ConstantPatternSyntax { Parent: CasePatternSwitchLabelSyntax { Parent.Parent: { } statement } } pattern when pattern.Expression == current:
                    return statement;
                case ConstantPatternSyntax { Parent: SwitchExpressionArmSyntax { Parent: { } expression } } pattern when pattern.Expression == current:
                    return expression;
                case BracketedArgumentListSyntax { Parent: ImplicitElementAccessSyntax { Parent: AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } } } when current is ArgumentSyntax:
                    return initializer;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Parent: InitializerExpressionSyntax initializer } element
                    when element.Expressions.Count > 0 && element.Expressions[0] == current:
                    return initializer;
            }
        }

        return null;
    }

    private static List<ExpressionSyntax> Values(SyntaxNode owner)
    {
        var values = new List<ExpressionSyntax>();
        switch (owner)
        {
            case SwitchStatementSyntax statement:
                foreach (var section in statement.Sections)
                {
                    foreach (var label in section.Labels)
                    {
                        if (label is CaseSwitchLabelSyntax { Value: var value })
                            values.Add(value);
                        else if (label is CasePatternSwitchLabelSyntax { Pattern: ConstantPatternSyntax pattern, WhenClause: null })
                            values.Add(pattern.Expression);
                    }
                }

                break;
            case SwitchExpressionSyntax expression:
                foreach (var arm in expression.Arms)
                {
                    if (arm is { Pattern: ConstantPatternSyntax pattern, WhenClause: null })
                        values.Add(pattern.Expression);
                }

                break;
            case InitializerExpressionSyntax initializer:
                foreach (var element in initializer.Expressions)
                {
                    if (element is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } arguments } })
                        values.Add(arguments[0].Expression);
                    else if (element is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Expressions: { Count: > 0 } parts })
                        values.Add(parts[0]);
                }

                break;
        }

        return values;
    }

    /// <summary>The value as it reads after the edits inside it: a literal by its value, anything else by its text.</summary>
    private static string ValueAfter(ExpressionSyntax value, List<TextChange> changes)
    {
        var text = value.ToString();
        var start = value.SpanStart;
        var inside = changes.FindAll(change => value.Span.Contains(change.Span));
        inside.Sort(static (a, b) => b.Span.Start.CompareTo(a.Span.Start)); // from the end, so earlier offsets hold
        foreach (var change in inside)
            text = text.Substring(0, change.Span.Start - start) + change.NewText + text.Substring(change.Span.End - start);

        var parsed = SyntaxFactory.ParseExpression(text);
        return parsed is LiteralExpressionSyntax literal ? "\"" + literal.Token.ValueText : text.Trim();
    }
}
