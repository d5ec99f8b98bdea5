using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>
/// KMS0005: replaces a Region-pinned alias ARN with its alias name (<c>arn:aws:kms:…:alias/orders</c> →
/// <c>alias/orders</c>), inside the literal where it is written, so the literal's kind and trivia stay. The diagnostic
/// carries only the alias name (<see cref="FixProperties"/>): the ARN is found again in the source.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseAliasNameCodeFixProvider))]
public sealed class UseAliasNameCodeFixProvider : CodeFixProvider, ITextChangeFixer
{
    public const string UseAliasNameKey = "KmsAnalyzers.UseAliasName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RegionPinnedAliasArn);

    bool ITextChangeFixer.NeedsAliasSafety => false;

    public override FixAllProvider GetFixAllProvider() => TextChangeFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, diagnostic) is not var (alias, changes))
                continue;
            TextChangeAction.Register(context, root, diagnostic, "Use alias name '" + alias + "'", changes, UseAliasNameKey);
        }
    }

    Task<IReadOnlyList<TextChange>?> ITextChangeFixer.GetChangesAsync(
        Document document, SyntaxNode root, Diagnostic diagnostic, string? equivalenceKey, AliasSafety? safety, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TextChange>?>(
            equivalenceKey is null || equivalenceKey == UseAliasNameKey ? Plan(root, diagnostic)?.Changes : null);

    private static (string Alias, List<TextChange> Changes)? Plan(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        if (span.End > root.FullSpan.End || root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            return null;
        while (expression.Span != span && expression.Parent is ExpressionSyntax parent)
            expression = parent;
        if (expression.Span != span)
            return null;

        // The alias name comes from the properties; the ARN itself is found again in the source by that name.
        var properties = FixProperties.Read(diagnostic.Properties);
        if (properties.KeyNames.Length != 1 || properties.KeyNames[0] is not { } alias || !KmsIdentifiers.IsAliasName(alias))
            return null;
        var changes = AliasRewrite.Changes(expression, AliasChoice.Single(alias, alias), wholeValue: false) ?? WholeValue(expression, alias);
        return changes is null ? null : (alias, changes);
    }

    // A value composed of constants becomes one literal: an interpolated string on one line keeps its $ and delimiters.
    private static List<TextChange>? WholeValue(ExpressionSyntax expression, string alias)
    {
        if (SyntaxEdits.HasCommentsOrDirectives(expression, expression.Span))
            return null; // a fix never deletes a comment
        if (expression is InterpolatedStringExpressionSyntax interpolated && !interpolated.ToString().Contains("\n"))
        {
            var contents = TextSpan.FromBounds(interpolated.StringStartToken.Span.End, interpolated.StringEndToken.SpanStart);
            return new List<TextChange> { new(contents, alias) };
        }

        return new List<TextChange> { new(expression.Span, "\"" + alias + "\"") };
    }
}
