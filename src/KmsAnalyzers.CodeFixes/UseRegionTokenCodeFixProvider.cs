using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.CodeFixes;

/// <summary>
/// KMS0007: rewrites a string in a multi-Region key policy as an interpolation of the CDK's per-deployment tokens:
/// the Region becomes <c>{Aws.REGION}</c> and, in an ARN, the constant account after it <c>{Aws.ACCOUNT_ID}</c>, so
/// each Region's stack resolves its own. <c>Aws</c> is written qualified unless <c>Amazon.CDK</c> is in scope.
/// </summary>
// Not [Shared]: that attribute would reference System.Composition 8.0, which hosts on Roslyn 4.8 cannot load.
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseRegionTokenCodeFixProvider))]
public sealed class UseRegionTokenCodeFixProvider : CodeFixProvider, ITextChangeFixer
{
    public const string UseRegionTokenKey = "KmsAnalyzers.KMS0007.UseRegionToken";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RegionPinnedInKeyPolicy);

    bool ITextChangeFixer.NeedsAliasSafety => false;

    public override FixAllProvider GetFixAllProvider() => TextChangeFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Changes(root, model, diagnostic, context.CancellationToken) is not { } changes)
                continue;
            TextChangeAction.Register(context, root, diagnostic, "Use Aws.REGION (and Aws.ACCOUNT_ID) instead of the written Region", changes, UseRegionTokenKey);
        }
    }

    async Task<IReadOnlyList<TextChange>?> ITextChangeFixer.GetChangesAsync(
        Document document, SyntaxNode root, Diagnostic diagnostic, string? equivalenceKey, AliasSafety? safety, CancellationToken cancellationToken)
    {
        if (equivalenceKey is not (null or UseRegionTokenKey))
            return null;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null ? null : Changes(root, model, diagnostic, cancellationToken);
    }

    private static List<TextChange>? Changes(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var span = diagnostic.Location.SourceSpan;
        if (span.End > root.FullSpan.End)
            return null;
        var aws = AwsName(model, span.Start, cancellationToken);
        switch (root.FindNode(span, getInnermostNodeForTie: true))
        {
            case LiteralExpressionSyntax literal when literal.Span == span && literal.IsKind(SyntaxKind.StringLiteralExpression):
                return Rewrite(literal.Token.Text, aws) is { } text ? new List<TextChange> { new(literal.Span, text) } : null;
            case InterpolatedStringExpressionSyntax interpolated when interpolated.Span == span &&
                interpolated.StringStartToken.Text.IndexOf("$$", System.StringComparison.Ordinal) < 0:
                var changes = new List<TextChange>();
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax part && Holes(part.TextToken.Text, aws, "{", "}") is { } partText)
                        changes.Add(new TextChange(part.Span, partText));
                }

                return changes.Count > 0 ? changes : null;
            default:
                return null; // a constant built elsewhere or from several parts: rewrite it where it is written
        }
    }

    /// <summary>A literal token's text as an interpolated string with the Region and account as holes.</summary>
    private static string? Rewrite(string token, string aws)
    {
        if (token.StartsWith("\"\"\"", System.StringComparison.Ordinal))
        {
            // Raw: as many $ (and hole braces) as one more than the longest run of braces in the text.
            var braces = LongestBraceRun(token) + 1;
            var open = new string('{', braces);
            var close = new string('}', braces);
            return Holes(token, aws, open, close) is { } raw ? new string('$', braces) + raw : null;
        }

        var escaped = token.Replace("{", "{{").Replace("}", "}}");
        return Holes(escaped, aws, "{", "}") is { } text ? "$" + text : null;
    }

    /// <summary>Replaces every Region (and the ARN account after it) in <paramref name="text"/> with holes; null when there is none.</summary>
    private static string? Holes(string text, string aws, string open, string close)
    {
        var builder = new StringBuilder();
        var copied = 0;
        for (var from = 0; RegionCodeScanner.TryFind(text, from, out var start, out var length); from = start + length)
        {
            builder.Append(text, copied, start - copied).Append(open).Append(aws).Append(".REGION").Append(close);
            copied = start + length;
            var account = RegionCodeScanner.AccountAfter(text, start, length);
            if (account >= 0)
            {
                builder.Append(text, copied, account - copied).Append(open).Append(aws).Append(".ACCOUNT_ID").Append(close);
                copied = account + KmsIdentifiers.AccountIdLength;
                length = copied - start;
            }
        }

        return copied == 0 ? null : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static int LongestBraceRun(string text)
    {
        int longest = 0, run = 0;
        var previous = '\0';
        foreach (var c in text)
        {
            run = (c is '{' or '}') && c == previous ? run + 1 : (c is '{' or '}') ? 1 : 0;
            longest = System.Math.Max(longest, run);
            previous = c;
        }

        return longest;
    }

    // "Aws" when Amazon.CDK.Aws is in scope at the literal (a using, a global using, the namespace), else qualified.
    private static string AwsName(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var probe = SyntaxFactory.ParseExpression(SdkNames.CdkAws + "." + SdkNames.CdkRegionToken);
        var symbol = model.GetSpeculativeSymbolInfo(position, probe, SpeculativeBindingOption.BindAsExpression).Symbol;
        cancellationToken.ThrowIfCancellationRequested();
        return symbol?.ContainingType is { Name: "Aws", ContainingNamespace: { Name: "CDK", ContainingNamespace.Name: SdkNames.AmazonNamespace } }
            ? SdkNames.CdkAws
            : SdkNames.CdkAwsQualified;
    }
}
