using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>The one way every KmsAnalyzers fixer offers an edit: text changes applied to the document.</summary>
internal static class TextChangeAction
{
    /// <summary>
    /// Registers the action unless its changes would make two values equal that must differ (two case labels, two
    /// dictionary keys): such a fix would not compile, or would throw, so it is not offered.
    /// </summary>
    public static void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string title, IReadOnlyList<TextChange> changes, string equivalenceKey)
    {
        if (DistinctValueGuard.Collides(root, changes))
            return;
        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(
                title,
                async cancellationToken =>
                {
                    var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    return document.WithText(text.WithChanges(changes));
                },
                equivalenceKey),
            diagnostic);
    }
}
