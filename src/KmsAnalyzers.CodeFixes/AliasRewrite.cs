using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>
/// Which alias each reported identifier becomes. Identifiers are named by their key ID or alias name
/// (<see cref="FixProperties.NameOf(KmsToken)"/>): the properties never hold a whole ARN, so the rewrite finds the
/// identifiers again in the source.
/// </summary>
internal sealed class AliasChoice
{
    private AliasChoice(ImmutableArray<string> keyNames, string[] aliases)
    {
        KeyNames = keyNames;
        Aliases = aliases;
    }

    public ImmutableArray<string> KeyNames { get; }
    public string[] Aliases { get; }

    /// <summary>The alias map's choices: one per alias when there is one identifier, else the first alias of each.</summary>
    public static ImmutableArray<AliasChoice> FromMap(FixProperties properties)
    {
        var names = properties.KeyNames;
        if (names.IsDefaultOrEmpty || properties.Aliases.Length != names.Length)
            return ImmutableArray<AliasChoice>.Empty;
        foreach (var candidates in properties.Aliases)
        {
            if (candidates.IsEmpty)
                return ImmutableArray<AliasChoice>.Empty; // a partial rewrite would leave the value half pinned
        }

        if (names.Length == 1)
        {
            var choices = ImmutableArray.CreateBuilder<AliasChoice>();
            foreach (var alias in properties.Aliases[0])
                choices.Add(new AliasChoice(names, new[] { alias }));
            return choices.ToImmutable();
        }

        var firsts = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
            firsts[i] = properties.Aliases[i][0];
        return ImmutableArray.Create(new AliasChoice(names, firsts));
    }

    /// <summary>One identifier, named by <paramref name="keyName"/>, that becomes <paramref name="alias"/> (KMS0005: an alias ARN becomes its name).</summary>
    public static AliasChoice Single(string keyName, string alias) => new(ImmutableArray.Create(keyName), new[] { alias });

    public static AliasChoice? Derived(FixProperties properties) =>
        properties.KeyNames.Length == 1 && properties.DerivedAlias is { Length: > 0 } alias
            ? new AliasChoice(properties.KeyNames, new[] { alias })
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
        if (TryReplaceInTokens(expression, choice, changes) || TryReplaceWholeLiteral(expression, choice, changes))
            return changes;
        // A composed value becomes one literal; never when that would delete a comment or a directive inside it.
        if (!wholeValue || choice.Aliases.Length != 1 || SyntaxEdits.HasCommentsOrDirectives(expression, expression.Span))
            return null;

        var isUtf8 = expression.IsKind(SyntaxKind.Utf8StringLiteralExpression);
        var literal = "\"" + choice.Aliases[0] + "\"" + (isUtf8 ? "u8" : "");
        return new List<TextChange> { new(expression.Span, literal) };
    }

    // A literal whose whole value is a bare key id (which has no token grammar of its own): the id is replaced where it
    // is written, which keeps @"", raw and u8 literals as they are.
    private static bool TryReplaceWholeLiteral(ExpressionSyntax expression, AliasChoice choice, List<TextChange> changes)
    {
        if (choice.KeyNames.Length != 1 || expression is not LiteralExpressionSyntax { Token: var token } ||
            token.ValueText != choice.KeyNames[0])
            return false;
        var name = choice.KeyNames[0];
        var text = token.Text;
        var at = text.IndexOf(name, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(name, at + 1, StringComparison.Ordinal) >= 0)
            return false;
        changes.Add(new TextChange(new TextSpan(token.SpanStart + at, name.Length), choice.Aliases[0]));
        return true;
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

        var aliasByName = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < choice.KeyNames.Length; i++)
            aliasByName[choice.KeyNames[i]] = choice.Aliases[i];
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (token, openStart, openEnd) in tokens)
        {
            var text = token.Text;
            var scanner = new KmsTokenScanner(text, openStart, openEnd);
            while (scanner.TryNext(out var match))
            {
                var name = FixProperties.NameOf(match);
                if (!aliasByName.TryGetValue(name, out var alias))
                    continue;
                changes.Add(new TextChange(new TextSpan(token.SpanStart + match.Start, match.Length), alias));
                found.Add(name);
            }
        }

        if (found.Count == aliasByName.Count)
            return true;
        changes.Clear();
        return false; // written with escapes or split across parts: not a plain token edit
    }
}
