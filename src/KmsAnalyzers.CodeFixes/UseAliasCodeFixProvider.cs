using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>
/// "Use an alias" for KMS0001 and KMS0002: replaces the key ARN or multi-Region key id with an alias name from the
/// alias map, or with one derived from the symbol's name. Never offered where the value must stay a key id or ARN.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseAliasCodeFixProvider)), Shared]
public sealed class UseAliasCodeFixProvider : CodeFixProvider, ITextChangeFixer
{
    public const string UseMappedAliasKey = "KmsAnalyzers.UseAliasFromMap";
    public const string UseDerivedAliasKey = "KmsAnalyzers.UseDerivedAlias";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.HardcodedKeyArn, DiagnosticIds.RawMultiRegionKeyId);

    public override FixAllProvider GetFixAllProvider() => TextChangeFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        var safety = new AliasSafety();
        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = await PlanAsync(context.Document, root, diagnostic, safety, context.CancellationToken).ConfigureAwait(false);
            if (plan is null)
                continue;

            var (expression, wholeValue) = plan.Value;
            var index = 0;
            foreach (var choice in AliasChoice.FromMap(diagnostic.Properties))
            {
                if (AliasRewrite.Changes(expression, choice, wholeValue) is { } changes)
                {
                    // Several aliases for one key: one action each; Fix All takes the first (ordinal order).
                    var key = MappedKey(index++);
                    context.RegisterCodeFix(Action(context.Document, "Use alias '" + string.Join("', '", choice.Aliases) + "'", changes, key), diagnostic);
                }
            }

            if (AliasChoice.Derived(diagnostic.Properties) is { } derived &&
                AliasRewrite.Changes(expression, derived, wholeValue) is { } derivedChanges)
            {
                var from = diagnostic.Properties.TryGetValue(PropertyNames.DerivedFrom, out var name) ? name : null;
                var title = "Use alias '" + derived.Aliases[0] + "' (named after '" + from + "'; create it in every Region)";
                context.RegisterCodeFix(Action(context.Document, title, derivedChanges, UseDerivedAliasKey), diagnostic);
            }
        }
    }

    async Task<IReadOnlyList<TextChange>?> ITextChangeFixer.GetChangesAsync(
        Document document, SyntaxNode root, Diagnostic diagnostic, string? equivalenceKey, AliasSafety safety, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(document, root, diagnostic, safety, cancellationToken).ConfigureAwait(false);
        if (plan is null)
            return null;
        var (expression, wholeValue) = plan.Value;
        var choice = equivalenceKey switch
        {
            UseDerivedAliasKey => AliasChoice.Derived(diagnostic.Properties),
            null => MappedChoice(diagnostic, UseMappedAliasKey) ?? AliasChoice.Derived(diagnostic.Properties), // the first action offered
            _ => MappedChoice(diagnostic, equivalenceKey),
        };
        return choice is null ? null : AliasRewrite.Changes(expression, choice, wholeValue);
    }

    // The first alias of a key is "…UseAliasFromMap"; further ones are "…UseAliasFromMap.2", ".3", ….
    private static string MappedKey(int index) =>
        index == 0 ? UseMappedAliasKey : UseMappedAliasKey + "." + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static AliasChoice? MappedChoice(Diagnostic diagnostic, string equivalenceKey)
    {
        var choices = AliasChoice.FromMap(diagnostic.Properties);
        for (var i = 0; i < choices.Length; i++)
        {
            if (MappedKey(i) == equivalenceKey)
                return choices[i];
        }

        return null;
    }

    private static async Task<(ExpressionSyntax Expression, bool WholeValue)?> PlanAsync(
        Document document, SyntaxNode root, Diagnostic diagnostic, AliasSafety safety, CancellationToken cancellationToken)
    {
        if (diagnostic.Properties.ContainsKey(PropertyNames.AliasRejected))
            return null;
        var span = diagnostic.Location.SourceSpan;
        if (span.End > root.FullSpan.End || root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            return null;
        while (expression.Span != span && expression.Parent is ExpressionSyntax parent)
            expression = parent;
        if (expression.Span != span)
            return null;
        if (!await safety.IsSafeAsync(document, expression, cancellationToken).ConfigureAwait(false))
            return null;
        return (expression, diagnostic.Properties.ContainsKey(PropertyNames.WholeValue));
    }

    private static CodeAction Action(Document document, string title, IReadOnlyList<TextChange> changes, string equivalenceKey) =>
        CodeAction.Create(
            title,
            async cancellationToken =>
            {
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                return document.WithText(text.WithChanges(changes));
            },
            equivalenceKey);
}
