using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
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
/// <see cref="Build"/> finds that set of names from the files that hold a marker and then from the files that name one
/// of the constants found. A key id's dashes are its marker where its hex pieces stand apart: a literal dash in the text
/// (<c>"-"</c>), a constant that is one (<c>Dash = "-"</c>). Not seen, as in <see cref="KeyPieceSearch"/>:
/// a marker split inside itself (<c>"k" + "ms:"</c>), and constants of referenced assemblies; nor a key id whose every
/// dash stands between two interpolation holes that read hex constants of files with no marker
/// (<see cref="KmsIdentifiers.SourceMayHoldKeyIdentifierMarker"/>).
/// </para>
/// <para>
/// A constant whose literal is a whole key ARN, multi-Region key id or key id is left out of the set: a string that reads
/// it holds that identifier whole or not at all (a token ends at a delimiter, and a key id has a fixed form, so text
/// beside it makes no other identifier without a piece of its own), and a finding that lies inside a named constant is
/// reported at the constant, not at the string that reads it (KMS0001/0002 by its segment, KMS0004 when the constant is
/// the whole value). An alias ARN stays: text after it makes another alias. Each name costs a search of every file's
/// text (kept per file), so the many key constants of a code base must not each cost one. So is a constant composed of
/// literals and of the constants of its own type declaration whose value is a whole key identifier
/// (<c>OrdersKeyArn = ArnPrefix + OrdersKeyId</c>, the common way to write a key ARN), folded from its syntax: asking the
/// compiler for its value in the compilation start bound the file's usings and the types' members first, which the
/// driver charged (2.4 became 5.9 ms a compilation); a name of that type's scope means that type's member, so the fold
/// holds, and a constant read from anywhere else is not folded (it stays).
/// </para>
/// </remarks>
internal sealed class KeyPieceScope
{
    private readonly Compilation _compilation;
    private readonly Dictionary<SyntaxTree, bool> _answers;

    /// <summary>
    /// The scope of a compilation, with the answer for every file built now: an analyzer makes it in its compilation
    /// start, on one thread, so that the first types' starts do not each build it at once (the driver charges both).
    /// </summary>
    public KeyPieceScope(Compilation compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _answers = Build(cancellationToken);
    }

    /// <summary>Whether code of any file of the compilation may hold a string that holds a key identifier.</summary>
    public bool AnyFileMayHoldKeyIdentifiers => _answers.ContainsValue(true);

    /// <summary>Whether code of <paramref name="type"/> may hold a string that holds a key identifier.</summary>
    public bool MayHoldKeyIdentifiers(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (MayHoldKeyIdentifiers(reference.SyntaxTree))
                return true;
        }

        return false;
    }

    /// <summary>Whether code in <paramref name="tree"/> may hold a string that holds a key identifier (yes for a file the compilation does not hold).</summary>
    /// <remarks>
    /// Built for every file at the compilation's start: the IDE builds it for each keystroke's compilation, from what
    /// it kept per tree (each file's facts and constants), so a keystroke reads the edited file only.
    /// </remarks>
    public bool MayHoldKeyIdentifiers(SyntaxTree tree) =>
        !_answers.TryGetValue(tree, out var may) || may;

    /// <summary>
    /// The answer for every file of the compilation: it holds a marker, or it names a <c>const</c> field whose value may
    /// hold a piece of a key identifier. Those constants are found in the files that hold a marker, then in the files
    /// that name one of those (a constant composed of others), until no new name is found; each file is searched for
    /// all the names found since its last search at once, while its text is in the processor's cache (a search of the
    /// whole code base's text per name cost about as much again).
    /// </summary>
    private Dictionary<SyntaxTree, bool> Build(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var nameSet = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<(SyntaxTree Tree, bool Holds, int Searched)>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            // A marked file is looked at again for the names found from now on, its own included (a constant of the
            // file may name one declared after it).
            var marked = SourceSearch.MayHoldKeyIdentifierMarker(tree, cancellationToken);
            files.Add((tree, marked, marked ? names.Count : 0));
            if (marked)
                AddConstants(tree, names, nameSet, cancellationToken);
        }

        // Each round looks at the names found since a file's last look: a file known to hold one reads its constants
        // again (they may name a new one), any other file is searched for them.
        int namesBefore;
        do
        {
            namesBefore = names.Count;
            for (var i = 0; i < files.Count; i++)
            {
                var (tree, holds, searched) = files[i];
                if (searched == names.Count)
                    continue;
                for (var k = searched; !holds && k < names.Count; k++)
                    holds = SourceSearch.MayName(tree, names[k], cancellationToken);
                files[i] = (tree, holds, names.Count);
                if (holds)
                    AddConstants(tree, names, nameSet, cancellationToken);
            }
        }
        while (names.Count != namesBefore);

        var answers = new Dictionary<SyntaxTree, bool>(files.Count);
        foreach (var (tree, holds, _) in files)
            answers[tree] = holds;
        return answers;
    }

    // The constants of the file whose initializer holds a marker or names a constant already found.
    private static void AddConstants(SyntaxTree tree, List<string> names, HashSet<string> nameSet, CancellationToken cancellationToken)
    {
        foreach (var constant in ConstantsOf(tree, cancellationToken))
        {
            if (!nameSet.Contains(constant.Name) && (constant.HoldsMarker || NamesAny(constant.Names, nameSet)) && nameSet.Add(constant.Name))
                names.Add(constant.Name);
        }
    }

    private static bool NamesAny(string[] identifiers, HashSet<string> names)
    {
        foreach (var identifier in identifiers)
        {
            if (names.Contains(identifier))
                return true;
        }

        return false;
    }

    /// <summary>
    /// A <c>const</c> of a file: its name, whether a string of its initializer holds a marker, and the identifiers the
    /// initializer names. Read once per tree: the IDE's compilation of each keystroke builds the scope again, from the
    /// trees of unchanged files.
    /// </summary>
    private readonly struct Constant
    {
        public Constant(string name, bool holdsMarker, string[] names)
        {
            Name = name;
            HoldsMarker = holdsMarker;
            Names = names;
        }

        public string Name { get; }
        public bool HoldsMarker { get; }
        public string[] Names { get; }
    }

    private static readonly ConditionalWeakTable<SyntaxTree, Constant[]> Constants = new();

    private static Constant[] ConstantsOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (Constants.TryGetValue(tree, out var known))
            return known;
        var constants = new List<Constant>();
        var own = new OwnConstants();
        foreach (var declarator in ConstantDeclarators(tree.GetRoot(cancellationToken)))
        {
            if (declarator.Initializer is not { Value: var value } || (Fold(value, own) is { } folded && IsWholeKeyIdentifier(folded)))
                continue; // a whole key identifier (the remarks say why)
            var holdsMarker = false;
            var identifiers = new List<string>();
            foreach (var token in value.DescendantTokens())
            {
                switch (token.Kind())
                {
                    case SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or
                        SyntaxKind.InterpolatedStringTextToken:
                        holdsMarker |= KmsIdentifiers.MayHoldKeyIdentifierMarker(token.ValueText);
                        break;
                    case SyntaxKind.IdentifierToken:
                        identifiers.Add(token.ValueText);
                        break;
                }
            }

            constants.Add(new Constant(declarator.Identifier.ValueText, holdsMarker, identifiers.ToArray()));
        }

        var all = constants.ToArray();
        return Constants.GetValue(tree, _ => all);
    }

    private static bool IsWholeKeyIdentifier(string value) =>
        KmsIdentifiers.Classify(value) is KmsIdentifierKind.KeyArn or KmsIdentifierKind.MultiRegionKeyId or KmsIdentifierKind.KeyId;

    // Constants composed of others: deep enough for a prefix, a key id and the ARN made of them, bounded against a cycle.
    private const int MaxFoldDepth = 8;

    // Longer than any key identifier (a key ARN in the longest partition and Region is under 128 characters): a longer
    // value is no whole one, and a constant of thousands of terms is not built.
    private const int MaxFoldLength = 256;

    // The value of a constant string written as literals, +, interpolations without a format, and simple names of the
    // constants of the same type declaration; null for anything else, or for a value longer than any key identifier.
    private static string? Fold(ExpressionSyntax value, OwnConstants own)
    {
        // Most constants are one literal: read without building anything.
        if (value is LiteralExpressionSyntax literal)
            return literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
        var text = new StringBuilder();
        return Append(text, value, own, 0) ? text.ToString() : null;
    }

    private static bool Append(StringBuilder text, ExpressionSyntax value, OwnConstants own, int depth)
    {
        // Terms in source order from a stack, not by recursion: a + chain may have thousands of terms.
        var terms = new Stack<ExpressionSyntax>();
        terms.Push(value);
        while (terms.Count > 0)
        {
            switch (terms.Pop())
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    text.Append(literal.Token.ValueText);
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    terms.Push(parenthesized.Expression);
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    terms.Push(binary.Right);
                    terms.Push(binary.Left);
                    break;
                case InterpolatedStringExpressionSyntax interpolated when depth < MaxFoldDepth:
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax piece)
                            text.Append(piece.TextToken.ValueText);
                        else if (content is not InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole || !Append(text, hole.Expression, own, depth + 1))
                            return false;
                    }

                    break;
                case IdentifierNameSyntax name when depth < MaxFoldDepth && own.Of(name) is { } initializer:
                    if (!Append(text, initializer, own, depth + 1))
                        return false;
                    break;
                default:
                    return false;
            }

            if (text.Length > MaxFoldLength)
                return false;
        }

        return true;
    }

    /// <summary>
    /// The initializer of the const field that a simple name in a field's initializer means when the type declaration
    /// around it declares one of that name: a type's own members come first in its scope. Each declaration's constants
    /// are read once, when a fold first asks about it: a type of n constants composed of each other costs n lookups, not
    /// n scans of its members.
    /// </summary>
    private sealed class OwnConstants
    {
        private Dictionary<TypeDeclarationSyntax, Dictionary<string, ExpressionSyntax?>>? _byType;

        public ExpressionSyntax? Of(IdentifierNameSyntax name)
        {
            if (name.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
                return null;
            _byType ??= new Dictionary<TypeDeclarationSyntax, Dictionary<string, ExpressionSyntax?>>();
            if (!_byType.TryGetValue(type, out var constants))
            {
                constants = new Dictionary<string, ExpressionSyntax?>(StringComparer.Ordinal);
                foreach (var member in type.Members)
                {
                    if (member is not FieldDeclarationSyntax field || !field.Modifiers.Any(SyntaxKind.ConstKeyword))
                        continue;
                    foreach (var declarator in field.Declaration.Variables)
                    {
                        if (!constants.ContainsKey(declarator.Identifier.ValueText))
                            constants.Add(declarator.Identifier.ValueText, declarator.Initializer?.Value); // the first, as the compiler binds
                    }
                }

                _byType.Add(type, constants);
            }

            return constants.TryGetValue(name.Identifier.ValueText, out var initializer) ? initializer : null;
        }
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
