using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>Which alias each reported identifier becomes, read from the diagnostic's properties.</summary>
internal sealed class AliasChoice
{
    private AliasChoice(string[] identifiers, string[] aliases)
    {
        Identifiers = identifiers;
        Aliases = aliases;
    }

    public string[] Identifiers { get; }
    public string[] Aliases { get; }

    /// <summary>The alias map's choices: the <paramref name="index"/>-th alias when there is one identifier, else the first of each.</summary>
    public static ImmutableArray<AliasChoice> FromMap(ImmutableDictionary<string, string?> properties)
    {
        if (!properties.TryGetValue(PropertyNames.Identifiers, out var ids) || string.IsNullOrEmpty(ids) ||
            !properties.TryGetValue(PropertyNames.Aliases, out var aliasList) || aliasList is null)
            return ImmutableArray<AliasChoice>.Empty;

        var identifiers = ids!.Split(PropertyNames.Separator);
        var perIdentifier = aliasList.Split(PropertyNames.Separator);
        if (perIdentifier.Length != identifiers.Length)
            return ImmutableArray<AliasChoice>.Empty;

        var candidates = new string[identifiers.Length][];
        for (var i = 0; i < identifiers.Length; i++)
        {
            candidates[i] = perIdentifier[i].Length == 0 ? Array.Empty<string>() : perIdentifier[i].Split(',');
            if (candidates[i].Length == 0)
                return ImmutableArray<AliasChoice>.Empty; // a partial rewrite would leave the value half pinned
        }

        if (identifiers.Length == 1)
        {
            var choices = ImmutableArray.CreateBuilder<AliasChoice>();
            foreach (var alias in candidates[0])
                choices.Add(new AliasChoice(identifiers, new[] { alias }));
            return choices.ToImmutable();
        }

        var firsts = new string[identifiers.Length];
        for (var i = 0; i < identifiers.Length; i++)
            firsts[i] = candidates[i][0];
        return ImmutableArray.Create(new AliasChoice(identifiers, firsts));
    }

    public static AliasChoice? Derived(ImmutableDictionary<string, string?> properties) =>
        properties.TryGetValue(PropertyNames.Identifiers, out var ids) && ids is { Length: > 0 } &&
        ids.IndexOf(PropertyNames.Separator) < 0 &&
        properties.TryGetValue(PropertyNames.DerivedAlias, out var alias) && alias is { Length: > 0 }
            ? new AliasChoice(new[] { ids }, new[] { alias })
            : null;
}

/// <summary>
/// Rewrites a reported expression as text changes: each identifier is replaced inside the literal tokens where it
/// is written, which keeps the literal's kind (verbatim, raw, UTF-8) and all trivia; a composed constant whose whole
/// value is the identifier becomes one alias literal. Text changes let Fix All merge every edit of a document.
/// </summary>
internal static class AliasRewrite
{
    /// <summary>The changes for <paramref name="expression"/>, or null when the rewrite is not possible.</summary>
    public static List<TextChange>? Changes(ExpressionSyntax expression, AliasChoice choice, bool wholeValue)
    {
        var changes = new List<TextChange>();
        if (TryReplaceInTokens(expression, choice, changes))
            return changes;
        // A composed value becomes one literal; never when that would delete a comment or a directive inside it.
        if (!wholeValue || choice.Aliases.Length != 1 || SyntaxEdits.HasCommentsOrDirectives(expression, expression.Span))
            return null;

        var isUtf8 = expression.IsKind(SyntaxKind.Utf8StringLiteralExpression);
        var literal = "\"" + choice.Aliases[0] + "\"" + (isUtf8 ? "u8" : "");
        return new List<TextChange> { new(expression.Span, literal) };
    }

    // One linear scan per literal token: every whole identifier token the analyzer reported becomes its alias.
    private static bool TryReplaceInTokens(ExpressionSyntax expression, AliasChoice choice, List<TextChange> changes)
    {
        var tokens = new List<(SyntaxToken Token, bool OpenStart, bool OpenEnd)>();
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                tokens.Add((literal.Token, false, false));
                break;
            case InterpolatedStringExpressionSyntax interpolated:
                var contents = interpolated.Contents;
                for (var i = 0; i < contents.Count; i++)
                {
                    // Next to a hole the text is not the edge of a token: the hole's value continues it.
                    if (contents[i] is InterpolatedStringTextSyntax text)
                        tokens.Add((text.TextToken, i > 0, i < contents.Count - 1));
                }

                break;
            default:
                return false;
        }

        var aliasByIdentifier = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < choice.Identifiers.Length; i++)
            aliasByIdentifier[choice.Identifiers[i]] = choice.Aliases[i];
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (token, openStart, openEnd) in tokens)
        {
            var text = token.Text;
            var scanner = new KmsTokenScanner(text, openStart, openEnd);
            while (scanner.TryNext(out var match))
            {
                var identifier = match.Text;
                if (!aliasByIdentifier.TryGetValue(identifier, out var alias))
                    continue;
                changes.Add(new TextChange(new TextSpan(token.SpanStart + match.Start, match.Length), alias));
                found.Add(identifier);
            }
        }

        if (found.Count == aliasByIdentifier.Count)
            return true;
        changes.Clear();
        return false; // written with escapes or split across parts: not a plain token edit
    }
}
