using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmsAnalyzers.Flow;

/// <summary>
/// Whether a string composite (a <c>+</c> chain, an interpolated string) may compose a key identifier, judged on its
/// syntax before any of its operations is read: one of its terms is a literal or interpolation text holding a piece of
/// one (<see cref="KmsIdentifiers.MayBeKeyIdentifierPiece"/>), or names a constant that may hold one. Most composites
/// of a code base (SQL, URLs, messages) are rejected here, at the cost of reading their tokens, instead of walking
/// their operations and building their constants' values.
/// </summary>
/// <remarks>
/// The constants are found once per compilation, on the first question that names one: a constant counts when its
/// initializer holds a piece or names a constant that counts. Each file's <c>const</c> declarations are read once per
/// syntax tree (found in its text, <see cref="SourceSearch.ConstKeywords"/>), so an IDE keystroke reads the edited file
/// alone. A constant of a referenced assembly is not seen: a composite of such constants alone is not read (rule docs,
/// "Not reported").
/// </remarks>
internal sealed class KeyPieceSearch
{
    private readonly Compilation _compilation;
    private HashSet<string>? _constantNames;

    public KeyPieceSearch(Compilation compilation) => _compilation = compilation;

    /// <summary>Whether the <c>+</c> chain headed by <paramref name="head"/> may compose a key identifier.</summary>
    public bool ChainMayHold(BinaryExpressionSyntax head, CancellationToken cancellationToken)
    {
        // Down the left spine without recursion: a chain may have thousands of terms.
        ExpressionSyntax current = head;
        while (ConstantStrings.Unparenthesized(current) is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression))
        {
            if (TermMayHold(add.Right, cancellationToken))
                return true;
            current = add.Left;
        }

        return TermMayHold(current, cancellationToken);
    }

    /// <summary>Whether <paramref name="interpolated"/>'s text or holes may compose a key identifier.</summary>
    public bool InterpolationMayHold(InterpolatedStringExpressionSyntax interpolated, CancellationToken cancellationToken)
    {
        foreach (var content in interpolated.Contents)
        {
            var mayHold = content switch
            {
                InterpolatedStringTextSyntax text => KmsIdentifiers.MayBeKeyIdentifierPiece(text.TextToken.ValueText),
                // A hole with an alignment or a format is formatted at run time: never part of a constant.
                InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole => TermMayHold(hole.Expression, cancellationToken),
                _ => false,
            };
            if (mayHold)
                return true;
        }

        return false;
    }

    private bool TermMayHold(ExpressionSyntax term, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (term)
            {
                case LiteralExpressionSyntax literal:
                    return literal.IsKind(SyntaxKind.StringLiteralExpression) && KmsIdentifiers.MayBeKeyIdentifierPiece(literal.Token.ValueText);
                case InterpolatedStringExpressionSyntax interpolated:
                    return InterpolationMayHold(interpolated, cancellationToken);
                case IdentifierNameSyntax name:
                    return ConstantNames(cancellationToken).Contains(name.Identifier.ValueText);
                case MemberAccessExpressionSyntax access:
                    term = access.Name; // Keys.OrdersKeyArn, global::Contoso.Keys.Arn: the constant's own name
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    term = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    term = cast.Expression;
                    continue;
                case ConditionalExpressionSyntax conditional:
                    if (TermMayHold(conditional.WhenTrue, cancellationToken))
                        return true;
                    term = conditional.WhenFalse;
                    continue;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return ChainMayHold(binary, cancellationToken); // a parenthesized right-hand chain
                default:
                    return false;
            }
        }
    }

    private HashSet<string> ConstantNames(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _constantNames);
        if (known is null)
        {
            known = FindConstantNames(cancellationToken);
            Volatile.Write(ref _constantNames, known);
        }

        return known;
    }

    // The names of the source constants that may hold a piece of a key identifier, with those whose initializers name
    // them; several constants may share a name, and a superset is enough.
    private HashSet<string> FindConstantNames(CancellationToken cancellationToken)
    {
        var search = SourceSearch.For(_compilation);
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var undecided = new List<(string Name, List<string> Named)>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var constants = TreeConstants.TryGetValue(tree, out var known)
                ? known
                : TreeConstants.GetValue(tree, t => FileConstants.Read(t, search, cancellationToken));
            names.UnionWith(constants.Holding);
            undecided.AddRange(constants.Undecided);
        }

        // A constant composed of constants that count counts too: until nothing changes (a handful of rounds).
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (name, named) in undecided)
            {
                if (!names.Contains(name) && named.Exists(names.Contains))
                    changed |= names.Add(name);
            }
        }

        return names;
    }

    // Per tree, as SourceSearch keeps its facts: a tree is immutable, and the IDE keeps the trees of unchanged files.
    private static readonly ConditionalWeakTable<SyntaxTree, FileConstants> TreeConstants = new();

    /// <summary>A file's constants whose initializers hold a piece, and those whose initializers name other identifiers.</summary>
    private sealed class FileConstants
    {
        private FileConstants(List<string> holding, List<(string Name, List<string> Named)> undecided)
        {
            Holding = holding;
            Undecided = undecided;
        }

        public List<string> Holding { get; }
        public List<(string Name, List<string> Named)> Undecided { get; }

        public static FileConstants Read(SyntaxTree tree, SourceSearch search, CancellationToken cancellationToken)
        {
            var holding = new List<string>();
            var undecided = new List<(string Name, List<string> Named)>();
            foreach (var keyword in search.ConstKeywords(tree, cancellationToken))
            {
                var declaration = keyword.Parent switch
                {
                    FieldDeclarationSyntax field => field.Declaration,
                    LocalDeclarationStatementSyntax local => local.Declaration,
                    _ => null,
                };
                if (declaration is null)
                    continue;
                foreach (var declarator in declaration.Variables)
                {
                    if (declarator.Initializer is not { Value: var value })
                        continue;
                    var name = declarator.Identifier.ValueText;
                    var named = new List<string>();
                    if (InitializerMayHold(value, named))
                        holding.Add(name);
                    else if (named.Count > 0)
                        undecided.Add((name, named));
                }
            }

            return new FileConstants(holding, undecided);
        }
    }

    private static bool InitializerMayHold(ExpressionSyntax value, List<string> named)
    {
        foreach (var token in value.DescendantTokens())
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or
                    SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken:
                    if (KmsIdentifiers.MayBeKeyIdentifierPiece(token.ValueText))
                        return true;
                    break;
                case SyntaxKind.IdentifierToken:
                    named.Add(token.ValueText);
                    break;
            }
        }

        return false;
    }
}
