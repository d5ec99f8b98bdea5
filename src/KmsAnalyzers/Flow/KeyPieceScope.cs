using System;
using System.Collections.Generic;
using System.Threading;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmsAnalyzers.Flow;

/// <summary>
/// Which code may hold a key identifier in a string, told per type before any of its code is visited, so that the
/// string visits of KMS0001/0002/0004/0005 are registered only for those types: a file whose text holds no piece of a
/// key identifier (<see cref="KmsIdentifiers.SourceMayHoldKeyIdentifierMarker"/>) and names no constant that may hold
/// one has no literal, concatenation or interpolation either rule can report (most files of a code base).
/// </summary>
/// <remarks>
/// <para>
/// Why it holds: a reported value holds a key identifier, and every key identifier holds <c>kms</c>, <c>mrk</c> or the
/// pieces of a key id (<see cref="KmsIdentifiers.MayHoldKeyIdentifierMarker"/>). Those characters are written either in
/// the type's own files, or in a constant that the type's code reads by name, directly or through other constants:
/// <see cref="PieceConstants"/> is that set of names, found from the files that hold a marker and then from the files
/// that name one of the constants found. Not seen, as in <see cref="KeyPieceSearch"/>: a marker split inside itself
/// (<c>"k" + "ms:"</c>), and constants of referenced assemblies.
/// </para>
/// <para>
/// A constant that is a whole key ARN is left out of the set: a string that reads it can only hold the ARN whole (a token
/// ends at a delimiter, and a key ARN's key id has a fixed form), and a finding inside a named constant is reported at
/// the constant, not at the string that reads it. Each name costs one search of every file's text (kept per file), so
/// the many key ARN constants of a code base must not each cost one.
/// </para>
/// </remarks>
internal sealed class KeyPieceScope
{
    private readonly Compilation _compilation;
    private readonly SourceSearch _search;
    private string[]? _pieceConstants;

    public KeyPieceScope(Compilation compilation)
    {
        _compilation = compilation;
        _search = SourceSearch.For(compilation);
    }

    /// <summary>Whether code of <paramref name="type"/> may hold a string that holds a key identifier.</summary>
    public bool MayHoldKeyIdentifiers(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (MayHoldKeyIdentifiers(reference.SyntaxTree, cancellationToken))
                return true;
        }

        return false;
    }

    /// <summary>Whether code in <paramref name="tree"/> may hold a string that holds a key identifier.</summary>
    public bool MayHoldKeyIdentifiers(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (SourceSearch.MayHoldKeyIdentifierMarker(tree, cancellationToken))
            return true;
        foreach (var name in PieceConstants(cancellationToken))
        {
            if (SourceSearch.MayName(tree, name, cancellationToken))
                return true;
        }

        return false;
    }

    /// <summary>
    /// The names of the compilation's <c>const</c> fields whose value may hold a piece of a key identifier: found in the
    /// files that hold a marker, then in the files that name one of those (a constant composed of others), until no
    /// new name is found. Built once per compilation, by the first type that asks; a thread that asks while another
    /// builds it builds its own rather than wait (the driver charges a callback the time it waits).
    /// </summary>
    private string[] PieceConstants(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _pieceConstants);
        if (known is not null)
            return known;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (SourceSearch.MayHoldKeyIdentifierMarker(tree, cancellationToken))
                AddConstants(tree, names, pending, cancellationToken);
        }

        while (pending.Count > 0)
        {
            foreach (var tree in _search.TreesThatMayName(pending.Dequeue(), cancellationToken))
                AddConstants(tree, names, pending, cancellationToken);
        }

        var found = new string[names.Count];
        names.CopyTo(found);
        return Interlocked.CompareExchange(ref _pieceConstants, found, null) ?? found;
    }

    // The constants of the file whose initializer holds a marker or names a constant already found.
    private static void AddConstants(SyntaxTree tree, HashSet<string> names, Queue<string> pending, CancellationToken cancellationToken)
    {
        foreach (var declarator in ConstantDeclarators(tree.GetRoot(cancellationToken)))
        {
            if (declarator.Initializer is { Value: var value } && !names.Contains(declarator.Identifier.ValueText) &&
                MayHoldPiece(value, names) && names.Add(declarator.Identifier.ValueText))
                pending.Enqueue(declarator.Identifier.ValueText);
        }
    }

    private static bool MayHoldPiece(ExpressionSyntax value, HashSet<string> names)
    {
        if (value is LiteralExpressionSyntax literal && KmsIdentifiers.Classify(literal.Token.ValueText) == KmsIdentifierKind.KeyArn)
            return false; // a whole key ARN (the remarks say why)
        foreach (var token in value.DescendantTokens())
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or
                    SyntaxKind.InterpolatedStringTextToken:
                    if (KmsIdentifiers.MayHoldKeyIdentifierMarker(token.ValueText))
                        return true;
                    break;
                case SyntaxKind.IdentifierToken:
                    if (names.Contains(token.ValueText))
                        return true;
                    break;
            }
        }

        return false;
    }

    // The const fields declared in the file, in types at any depth; their declarations, not their uses.
    private static IEnumerable<VariableDeclaratorSyntax> ConstantDeclarators(SyntaxNode root)
    {
        var members = new Stack<MemberDeclarationSyntax>();
        if (root is CompilationUnitSyntax unit)
        {
            foreach (var member in unit.Members)
                members.Push(member);
        }

        while (members.Count > 0)
        {
            switch (members.Pop())
            {
                case BaseNamespaceDeclarationSyntax space:
                    foreach (var member in space.Members)
                        members.Push(member);
                    break;
                case TypeDeclarationSyntax type:
                    foreach (var member in type.Members)
                        members.Push(member);
                    break;
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    foreach (var declarator in field.Declaration.Variables)
                        yield return declarator;
                    break;
            }
        }
    }
}
