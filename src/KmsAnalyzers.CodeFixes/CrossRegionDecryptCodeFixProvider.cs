using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>
/// Fixes for KMS0003: use an alias for the request's key (KMS resolves it in the client's Region), remove the key
/// from a symmetric decrypt (KMS reads it from the ciphertext), or drop the pinned Region from the client's creation
/// so that the SDK takes the deployment's Region from the environment. KMS0008 gets the same alias and Region fixes
/// (its analyzer gives no alias where the operation takes none), under its own equivalence keys.
/// </summary>
// Not [Shared]: that attribute would reference System.Composition 8.0, which hosts on Roslyn 4.8 cannot load.
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CrossRegionDecryptCodeFixProvider))]
public sealed class CrossRegionDecryptCodeFixProvider : CodeFixProvider, ITextChangeFixer
{
    /// <summary>
    /// The first action of every diagnostic: use an alias where one is known, else take the Region from the
    /// environment. One key for it lets Fix All and <c>dotnet format</c> fix every diagnostic in one pass.
    /// </summary>
    public const string PreferredKey = "KmsAnalyzers.KMS0003.Preferred";

    /// <summary>Take the Region from the environment, when the alias is the preferred action.</summary>
    public const string RegionFromEnvironmentKey = "KmsAnalyzers.KMS0003.RegionFromEnvironment";

    /// <summary>Remove KeyId/SourceKeyId (symmetric ciphertext only); never the preferred action.</summary>
    public const string RemoveKeyKey = "KmsAnalyzers.KMS0003.RemoveKeyId";

    /// <summary>KMS0008's first action: use an alias where one is known and valid, else take the Region from the environment.</summary>
    public const string KeyInAnotherRegionPreferredKey = "KmsAnalyzers.KMS0008.Preferred";

    /// <summary>KMS0008: take the Region from the environment, when the alias is the preferred action.</summary>
    public const string KeyInAnotherRegionRegionFromEnvironmentKey = "KmsAnalyzers.KMS0008.RegionFromEnvironment";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.CrossRegionDecrypt, DiagnosticIds.KeyInAnotherRegion);

    bool ITextChangeFixer.NeedsAliasSafety => false;

    public override FixAllProvider GetFixAllProvider() => TextChangeFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var (key, title, changes) in Actions(root, diagnostic))
            {
                TextChangeAction.Register(context, root, diagnostic, title, changes, key);
            }
        }
    }

    Task<IReadOnlyList<TextChange>?> ITextChangeFixer.GetChangesAsync(
        Document document, SyntaxNode root, Diagnostic diagnostic, string? equivalenceKey, AliasSafety? safety, CancellationToken cancellationToken)
    {
        foreach (var (key, _, changes) in Actions(root, diagnostic))
        {
            if (key == (equivalenceKey ?? PreferredKeyOf(diagnostic)))
                return Task.FromResult<IReadOnlyList<TextChange>?>(changes);
        }

        return Task.FromResult<IReadOnlyList<TextChange>?>(null);
    }

    /// <summary>The actions of a diagnostic in order; the first of alias and unpin carries <see cref="PreferredKey"/>.</summary>
    private static IEnumerable<(string Key, string Title, List<TextChange> Changes)> Actions(SyntaxNode root, Diagnostic diagnostic)
    {
        var properties = FixProperties.Read(diagnostic.Properties);
        var preferredKey = PreferredKeyOf(diagnostic);
        var preferredTaken = false;
        if (UseAlias(root, diagnostic, properties) is { } alias)
        {
            preferredTaken = true;
            yield return (preferredKey, "Use alias '" + alias.Alias + "' for the key", alias.Changes);
        }

        if (RegionFromEnvironment(root, diagnostic, properties) is { } unpin)
        {
            var regionKey = diagnostic.Id == DiagnosticIds.KeyInAnotherRegion ? KeyInAnotherRegionRegionFromEnvironmentKey : RegionFromEnvironmentKey;
            yield return (preferredTaken ? regionKey : preferredKey, "Take the Region from the environment", unpin);
        }

        if (RemoveKey(root, diagnostic, properties) is { } removeKey)
        {
            yield return (RemoveKeyKey, "Remove " + (properties.KeyProperty ?? "KeyId") + " (symmetric ciphertext: KMS reads the key from it)", removeKey);
        }
    }

    private static string PreferredKeyOf(Diagnostic diagnostic) =>
        diagnostic.Id == DiagnosticIds.KeyInAnotherRegion ? KeyInAnotherRegionPreferredKey : PreferredKey;

    private static (string Alias, List<TextChange> Changes)? UseAlias(SyntaxNode root, Diagnostic diagnostic, FixProperties properties)
    {
        // The key is a request member's value, or (KMS0008) an argument such as DescribeKeyAsync(keyId).
        var keyValue = AdditionalNode(root, diagnostic, properties.KeyValueLocation) switch
        {
            ArgumentSyntax argument => argument.Expression,
            var node => node as ExpressionSyntax,
        };
        if (keyValue is null || AliasChoice.FromMap(properties) is not { Length: > 0 } choices)
            return null;
        var changes = AliasRewrite.Changes(keyValue, choices[0], wholeValue: true);
        return changes is null ? null : (choices[0].Aliases[0], changes);
    }

    private static List<TextChange>? RemoveKey(SyntaxNode root, Diagnostic diagnostic, FixProperties properties)
    {
        if (AdditionalNode(root, diagnostic, properties.KeyMemberLocation) is not AssignmentExpressionSyntax member ||
            member.Parent is not InitializerExpressionSyntax initializer)
            return null;
        return SyntaxEdits.RemoveElement(initializer.Expressions, initializer.Expressions.IndexOf(member)) is { } removal
            ? new List<TextChange> { removal }
            : null;
    }

    private static List<TextChange>? RegionFromEnvironment(SyntaxNode root, Diagnostic diagnostic, FixProperties properties)
    {
        switch (AdditionalNode(root, diagnostic, properties.PinLocation))
        {
            case ArgumentSyntax { Parent: ArgumentListSyntax arguments } argument:
                return SyntaxEdits.RemoveElement(arguments.Arguments, arguments.Arguments.IndexOf(argument)) is { } removal
                    ? new List<TextChange> { removal }
                    : null;
            case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } member:
                // RegionEndpoint and ServiceURL both set: removing one would leave the other pinning the client.
                var pins = 0;
                foreach (var expression in initializer.Expressions)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: SdkNames.RegionEndpointMember or SdkNames.ServiceUrlMember } })
                        pins++;
                }

                return pins == 1 && SyntaxEdits.RemoveElement(initializer.Expressions, initializer.Expressions.IndexOf(member)) is { } unpin
                    ? new List<TextChange> { unpin }
                    : null;
            default:
                return null;
        }
    }

    // An additional location of the diagnostic, when it lies in the same document (the fix edits one document).
    private static SyntaxNode? AdditionalNode(SyntaxNode root, Diagnostic diagnostic, int? locationIndex)
    {
        if (locationIndex is not { } index || index >= diagnostic.AdditionalLocations.Count)
            return null;
        var location = diagnostic.AdditionalLocations[index];
        if (location.SourceTree != root.SyntaxTree || location.SourceSpan.End > root.FullSpan.End)
            return null;
        // The outermost node with exactly that span: an argument rather than its expression.
        var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: false);
        return node.Span == location.SourceSpan ? node : null;
    }
}
