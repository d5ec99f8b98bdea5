using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Roslyn;
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

                var (rejects, next) = JudgeUse(model, root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true), cancellationToken);
                if (rejects)
                    return false;
                if (depth < MaxDepth && next is not null &&
                    !await IsSafeAsync(solution, next, depth + 1, cancellationToken).ConfigureAwait(false))
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// For Fix All (measured in docs/performance.md): answers for every symbol that the diagnostics of a
    /// Fix All initialize, with one pass over the solution instead of one <see cref="SymbolFinder"/> search per
    /// symbol. The pass binds only identifiers that bear one of the symbols' names; a use that copies the value into
    /// another symbol (<c>const string Grant = OrdersKeyArn;</c>, an argument) adds that symbol to the next pass, up to
    /// <see cref="MaxDepth"/> passes. The answers go into the per-symbol cache that <see cref="IsSafeAsync(Document, ExpressionSyntax, CancellationToken)"/> reads.
    /// </summary>
    public async Task PrepareAsync(Solution solution, IEnumerable<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        var comparer = SymbolEqualityComparer.Default;
        var roots = new HashSet<ISymbol>(comparer);
        foreach (var (document, diagnostics) in work)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
                continue;
            foreach (var diagnostic in diagnostics)
            {
                var span = diagnostic.Location.SourceSpan;
                if (diagnostic.Location.SourceTree != root.SyntaxTree || span.End > root.FullSpan.End ||
                    root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
                    continue;
                while (expression.Span != span && expression.Parent is ExpressionSyntax parent)
                    expression = parent;
                if (InitializedSymbol(model, expression, cancellationToken) is { } symbol && IsInSource(symbol) && !_bySymbol.ContainsKey(symbol))
                    roots.Add(symbol);
            }
        }

        if (roots.Count == 0)
            return;

        var rejected = new HashSet<ISymbol>(comparer);
        var copies = new Dictionary<ISymbol, List<ISymbol>>(comparer);
        var known = new HashSet<ISymbol>(roots, comparer);
        var pending = new HashSet<ISymbol>(roots, comparer);
        for (var pass = 0; pending.Count > 0 && pass <= MaxDepth; pass++)
        {
            var byName = new Dictionary<string, List<ISymbol>>();
            foreach (var symbol in pending)
            {
                if (!byName.TryGetValue(symbol.Name, out var list))
                    byName[symbol.Name] = list = new List<ISymbol>();
                list.Add(symbol);
            }

            var next = new HashSet<ISymbol>(comparer);
            foreach (var project in solution.Projects)
            {
                foreach (var document in project.Documents)
                {
                    var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    if (root is null)
                        continue;
                    SemanticModel? model = null;
                    foreach (var token in root.DescendantTokens())
                    {
                        if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not IdentifierNameSyntax name || !byName.ContainsKey(token.ValueText))
                            continue;
                        model ??= await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                        if (model?.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition is not { } used || !pending.Contains(used))
                            continue;

                        var (rejects, copy) = JudgeUse(model, name, cancellationToken);
                        if (rejects)
                            rejected.Add(used);
                        if (copy is null)
                            continue;
                        if (!copies.TryGetValue(used, out var targets))
                            copies[used] = targets = new List<ISymbol>();
                        targets.Add(copy);
                        if (known.Add(copy))
                            next.Add(copy);
                    }
                }
            }

            pending = next;
        }

        bool Reaches(ISymbol symbol, int depth, HashSet<ISymbol> path)
        {
            if (rejected.Contains(symbol))
                return true;
            if (depth >= MaxDepth || !copies.TryGetValue(symbol, out var targets) || !path.Add(symbol))
                return false;
            var found = targets.Any(t => Reaches(t, depth + 1, path));
            path.Remove(symbol);
            return found;
        }

        foreach (var symbol in roots)
            _bySymbol.TryAdd(symbol, Task.FromResult(!Reaches(symbol, 0, new HashSet<ISymbol>(comparer))));
    }

    /// <summary>
    /// What one use of a value means for the alias fix: it reaches a sink that rejects aliases, or it copies the value
    /// into another symbol of the source (<c>const string Grant = OrdersKeyArn;</c>, <c>Grant(OrdersKeyArn)</c>) whose
    /// own uses then count.
    /// </summary>
    private static (bool RejectsAlias, ISymbol? CopiedTo) JudgeUse(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node)
            node = access;
        if (model.GetOperation(node, cancellationToken) is not { } use)
            return (false, null);
        var site = UseSite.Of(use);
        if (site.IsSink && !KnownSinks.AcceptsAliasName(site.Accepts))
            return (true, null);
        var copy = node is ExpressionSyntax expression ? InitializedSymbol(model, expression, cancellationToken) : null;
        copy ??= ArgumentParameter(use);
        return (false, copy is not null && IsInSource(copy) ? copy : null);
    }

    private static IParameterSymbol? ArgumentParameter(IOperation use)
    {
        return Conversions.Outermost(use, implicitOnly: true).Parent is IArgumentOperation { Parameter: { } parameter } ? parameter : null;
    }

    /// <summary>The symbol that <paramref name="expression"/> initializes or is assigned to, as the analyzers see it.</summary>
    internal static ISymbol? InitializedSymbol(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken) =>
        model.GetOperation(expression, cancellationToken) is { } value ? InitializedSymbols.Of(value) : null;

    private static bool IsInSource(ISymbol symbol) => InitializedSymbols.IsInSource(symbol);
}
