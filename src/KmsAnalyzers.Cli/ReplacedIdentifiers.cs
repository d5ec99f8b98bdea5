using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Cli;

/// <summary>
/// A key identifier that a fix replaced: the Region and key id of a key ARN, a bare (multi-Region) key id, or the
/// Region and alias of an alias ARN. The account stays in memory only; reports show it masked.
/// </summary>
internal sealed record ReplacedIdentifier(string? Region, string? KeyId, string? AliasName, string? Account)
{
    public string? MaskedAccount => Account is null ? null : Masking.MaskAccount(Account);
}

/// <summary>
/// Re-reads from the source what a finding's fix is about to replace, because diagnostic properties carry no ARN and
/// no account: the constant value at the finding's span (through one constant, field or local), scanned with the
/// rules' own identifier grammar.
/// </summary>
internal static class ReplacedIdentifiers
{
    public static async Task<List<ReplacedIdentifier>> AtAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var result = new List<ReplacedIdentifier>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || span.End > root.FullSpan.End)
            return result;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var expression = node as ExpressionSyntax ?? node.FirstAncestorOrSelf<ExpressionSyntax>();
        while (expression is not null && expression.Span.Length < span.Length && expression.Parent is ExpressionSyntax parent)
            expression = parent;
        var value = expression is null ? null : ConstantString(model, expression, cancellationToken);
        if (value is null)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            value = text.ToString(span);
        }

        Scan(value, result);
        return result;
    }

    private static string? ConstantString(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        if (model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string constant })
            return constant;

        // A static readonly field or a local: the value its declaration gives it.
        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        if (symbol is IFieldSymbol or ILocalSymbol)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
                {
                    var initializerModel = model.Compilation.GetSemanticModel(initializer.SyntaxTree);
                    if (initializerModel.GetConstantValue(initializer, cancellationToken) is { HasValue: true, Value: string value })
                        return value;
                }
            }
        }

        return null;
    }

    /// <summary>Key ARNs, alias ARNs and multi-Region key ids in <paramref name="value"/>; a value that is one key id is that id.</summary>
    public static void Scan(string value, List<ReplacedIdentifier> result)
    {
        var kind = KmsIdentifiers.Classify(value);
        if (kind is KmsIdentifierKind.KeyId or KmsIdentifierKind.MultiRegionKeyId)
        {
            result.Add(new ReplacedIdentifier(null, value, null, null));
            return;
        }

        var scanner = new KmsTokenScanner(value);
        while (scanner.TryNext(out var token))
        {
            switch (token.Kind)
            {
                case KmsIdentifierKind.KeyArn:
                    result.Add(new ReplacedIdentifier(token.Arn.Region, token.Arn.ResourceId, null, token.Arn.Account));
                    break;
                case KmsIdentifierKind.AliasArn:
                    result.Add(new ReplacedIdentifier(token.Arn.Region, null, token.Arn.ResourceId, token.Arn.Account));
                    break;
                case KmsIdentifierKind.MultiRegionKeyId:
                    result.Add(new ReplacedIdentifier(null, token.Text, null, null));
                    break;
            }
        }
    }

    /// <summary>The alias names (not AWS managed ones) written in <paramref name="text"/>.</summary>
    public static List<string> AliasNamesIn(string text)
    {
        var result = new List<string>();
        for (var i = text.IndexOf(KmsIdentifiers.AliasPrefix, System.StringComparison.Ordinal); i >= 0;
             i = text.IndexOf(KmsIdentifiers.AliasPrefix, i + 1, System.StringComparison.Ordinal))
        {
            if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '/' or ':' or '-' or '_'))
                continue; // inside an alias ARN or another word
            var end = i + KmsIdentifiers.AliasPrefix.Length;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '/' or '_' or '-' or ':'))
                end++;
            var name = text.Substring(i, end - i);
            if (KmsIdentifiers.IsAliasName(name) && !KmsIdentifiers.IsAwsManagedAlias(name) && !result.Contains(name))
                result.Add(name);
        }

        return result;
    }
}
