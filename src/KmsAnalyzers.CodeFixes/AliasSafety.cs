using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.CodeFixes;

/// <summary>
/// Decides whether a value may become an alias: not when any use of the constant, field, property or local it
/// initializes reaches a sink that needs a key id or key ARN (grants, key management, Lambda <c>KMSKeyArn</c>, …).
/// Results are kept per symbol, so Fix All looks each symbol up once.
/// </summary>
internal sealed class AliasSafety
{
    private const int MaxDepth = 4;
    private readonly ConcurrentDictionary<ISymbol, Task<bool>> _bySymbol = new(SymbolEqualityComparer.Default);

    public async Task<bool> IsSafeAsync(Document document, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var symbol = model is null ? null : InitializedSymbol(model, expression, cancellationToken);
        return symbol is null || !IsInSource(symbol) || await IsSafeAsync(document.Project.Solution, symbol, 0, cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> IsSafeAsync(Solution solution, ISymbol symbol, int depth, CancellationToken cancellationToken) =>
        _bySymbol.GetOrAdd(symbol, s => ComputeAsync(solution, s, depth, cancellationToken));

    private async Task<bool> ComputeAsync(Solution solution, ISymbol symbol, int depth, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                if (location.IsImplicit || location.Document is not { } document)
                    continue;
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root is null || model is null)
                    continue;

                var node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node)
                    node = access;
                if (model.GetOperation(node, cancellationToken) is not { } use)
                    continue;

                var site = UseSite.Of(use);
                if (site.IsSink && !KnownSinks.AcceptsAliasName(site.Accepts))
                    return false;

                // const string Grant = OrdersKeyArn; → follow the copy. Grant(OrdersKeyArn) → follow the parameter.
                var next = node is ExpressionSyntax expression ? InitializedSymbol(model, expression, cancellationToken) : null;
                if (next is null && ArgumentParameter(use) is { } parameter)
                    next = parameter;
                if (depth < MaxDepth && next is not null && IsInSource(next) &&
                    !await IsSafeAsync(solution, next, depth + 1, cancellationToken).ConfigureAwait(false))
                    return false;
            }
        }

        return true;
    }

    private static IParameterSymbol? ArgumentParameter(IOperation use)
    {
        var parent = use.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
            parent = parent.Parent;
        return parent is IArgumentOperation { Parameter: { } parameter } ? parameter : null;
    }

    private static bool IsInSource(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
                return true;
        }

        return false;
    }

    /// <summary>The field, property or local whose initializer is exactly <paramref name="expression"/>.</summary>
    internal static ISymbol? InitializedSymbol(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        SyntaxNode current = expression;
        while (current.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            current = current.Parent;
        return current.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken),
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => model.GetDeclaredSymbol(property, cancellationToken),
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => model.GetDeclaredSymbol(property, cancellationToken),
            AssignmentExpressionSyntax assignment when assignment.Right == current && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) &&
                model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IFieldSymbol or IPropertySymbol or ILocalSymbol =>
                model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
            _ => null,
        };
    }
}
