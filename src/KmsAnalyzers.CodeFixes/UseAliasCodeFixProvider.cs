using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>
/// "Use an alias" for KMS0001, KMS0002 and KMS0004: replaces the key ARN, multi-Region key id or key id with an alias name from the
/// alias map, or with one derived from the symbol's name. Never offered where the value must stay a key id or ARN.
/// </summary>
// Not [Shared]: that attribute would reference System.Composition 8.0, which hosts on Roslyn 4.8 cannot load.
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseAliasCodeFixProvider))]
public sealed class UseAliasCodeFixProvider : CodeFixProvider, ITextChangeFixer
{
    /// <summary>
    /// The bulk choice: the alias map's first alias for the key, else, only with
    /// <c>kms_analyzers.derive_alias_names = preferred</c>, the derived alias.
    /// </summary>
    /// <remarks>
    /// One key for the preferred action makes Fix All and <c>dotnet format</c> (which applies the first action's key
    /// to every diagnostic) fix everything fixable in one pass. Bulk fixes never invent an alias: whatever key they
    /// are given, they apply a derived alias only where the user opted in (<c>preferred</c>).
    /// </remarks>
    public const string UseAliasKey = "KmsAnalyzers.UseAlias";

    /// <summary>Further aliases of the same key in the map: "KmsAnalyzers.UseAliasFromMap.2", ".3", ….</summary>
    public const string UseMappedAliasKeyPrefix = "KmsAnalyzers.UseAliasFromMap.";

    /// <summary>
    /// The alias derived from the symbol name when the map also has an alias for the key (alone, the derived action
    /// has <see cref="UseAliasKey"/>). In bulk it applies derived aliases only with <c>derive_alias_names = preferred</c>.
    /// </summary>
    public const string UseDerivedAliasKey = "KmsAnalyzers.UseDerivedAlias";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.HardcodedKeyArn, DiagnosticIds.RawMultiRegionKeyId, DiagnosticIds.HardcodedKeyId);

    bool ITextChangeFixer.NeedsAliasSafety => true;

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
            foreach (var (key, choice, isDerived) in Actions(diagnostic))
            {
                if (AliasRewrite.Changes(expression, choice, wholeValue) is not { } changes)
                    continue;
                var title = "Use alias '" + string.Join("', '", choice.Aliases) + "'";
                if (isDerived)
                {
                    var properties = FixProperties.Read(diagnostic.Properties);
                    title += " (named after '" + properties.DerivedFrom + "'; create it in every Region" +
                        (properties.DerivedAliasPreferred ? ")" : "; Fix All leaves it)");
                }

                TextChangeAction.Register(context, root, diagnostic, title, changes, key);
            }
        }
    }

    async Task<IReadOnlyList<TextChange>?> ITextChangeFixer.GetChangesAsync(
        Document document, SyntaxNode root, Diagnostic diagnostic, string? equivalenceKey, AliasSafety? safety, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(document, root, diagnostic, safety ?? new AliasSafety(), cancellationToken).ConfigureAwait(false);
        if (plan is null || BulkChoice(diagnostic, equivalenceKey) is not { } choice)
            return null;
        return AliasRewrite.Changes(plan.Value.Expression, choice, plan.Value.WholeValue);
    }

    /// <summary>
    /// What Fix All and <c>dotnet format</c> apply for <paramref name="equivalenceKey"/>: the map alias of that key,
    /// and a derived alias only where the user opted in (<c>derive_alias_names = preferred</c>). No key (as
    /// <c>dotnet format</c> passes when its first diagnostic had no action) means <see cref="UseAliasKey"/>.
    /// </summary>
    private static AliasChoice? BulkChoice(Diagnostic diagnostic, string? equivalenceKey)
    {
        var properties = FixProperties.Read(diagnostic.Properties);
        var mapped = AliasChoice.FromMap(properties);
        var derived = properties.DerivedAliasPreferred ? AliasChoice.Derived(properties) : null;
        for (var i = 1; i < mapped.Length; i++)
        {
            if (equivalenceKey == UseMappedAliasKeyPrefix + (i + 1).ToString(CultureInfo.InvariantCulture))
                return mapped[i];
        }

        if (equivalenceKey == UseDerivedAliasKey)
            return derived;
        return mapped.Length > 0 ? mapped[0] : derived;
    }

    /// <summary>The actions a diagnostic gets in the IDE, in order, with their equivalence keys.</summary>
    private static IEnumerable<(string Key, AliasChoice Choice, bool IsDerived)> Actions(Diagnostic diagnostic)
    {
        var properties = FixProperties.Read(diagnostic.Properties);
        var mapped = AliasChoice.FromMap(properties);
        var derived = AliasChoice.Derived(properties);
        for (var i = 0; i < mapped.Length; i++)
            yield return (i == 0 ? UseAliasKey : UseMappedAliasKeyPrefix + (i + 1).ToString(CultureInfo.InvariantCulture), mapped[i], false);
        if (derived is not null)
            // Alone, it takes the first action's key, which dotnet format passes to Fix All for every diagnostic: the
            // bulk run then still applies the map aliases of the others (and this one only with "preferred").
            yield return (mapped.Length == 0 ? UseAliasKey : UseDerivedAliasKey, derived, true);
    }

    private static async Task<(ExpressionSyntax Expression, bool WholeValue)?> PlanAsync(
        Document document, SyntaxNode root, Diagnostic diagnostic, AliasSafety safety, CancellationToken cancellationToken)
    {
        var properties = FixProperties.Read(diagnostic.Properties);
        if (properties.AliasRejected)
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
        return (expression, properties.WholeValue);
    }
}
