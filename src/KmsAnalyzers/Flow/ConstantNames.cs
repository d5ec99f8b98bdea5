using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmsAnalyzers.Flow;

/// <summary>
/// Whether a name written in an expression may refer to a named constant, told without binding the expression: from
/// the compilation's declaration table (a <c>const</c> field of that name anywhere in the source), from the
/// <c>const</c> locals of the enclosing blocks, and for a member of a referenced assembly from the shape of the access
/// (a constant is reached through a type, never an instance). One per compilation; each member name is looked up once.
/// </summary>
internal sealed class ConstantNames
{
    private enum Declared : byte
    {
        Nowhere, // no member of that name in the source: a referenced assembly's, or a local, a parameter
        NotConstant,
        Constant, // a const field of another type (a number, an enum member)
        StringConstant,
    }

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, Declared> _members = new(StringComparer.Ordinal);

    public ConstantNames(Compilation compilation) => _compilation = compilation;

    /// <summary>Whether <paramref name="name"/> (an identifier or a member access) may be a constant string.</summary>
    public bool MayBeString(ExpressionSyntax name, CancellationToken cancellationToken) =>
        MayBe(name, Declared.StringConstant, cancellationToken);

    /// <summary>Whether <paramref name="name"/> may be a constant of any type (the condition of a constant <c>?:</c>).</summary>
    public bool MayBeAny(ExpressionSyntax name, CancellationToken cancellationToken) =>
        MayBe(name, Declared.Constant, cancellationToken);

    private bool MayBe(ExpressionSyntax name, Declared wanted, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case IdentifierNameSyntax identifier:
                var declared = Member(identifier.Identifier.ValueText, cancellationToken);
                // A simple name that no source member has is a local or a parameter (or, never in practice, a constant
                // imported with `using static` from a referenced assembly).
                return declared >= wanted || IsConstantLocal(identifier);
            case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                declared = Member(access.Name.Identifier.ValueText, cancellationToken);
                if (declared != Declared.Nowhere)
                    return declared >= wanted;
                return MayBeType(access.Expression); // Environment.NewLine: a referenced assembly's member
            default:
                return false;
        }
    }

    private Declared Member(string name, CancellationToken cancellationToken)
    {
        if (_members.TryGetValue(name, out var declared))
            return declared;
        declared = Declared.Nowhere;
        if (_compilation.ContainsSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
        {
            declared = Declared.NotConstant;
            foreach (var symbol in _compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IFieldSymbol { IsConst: true } field)
                {
                    var kind = field.Type.SpecialType == SpecialType.System_String ? Declared.StringConstant : Declared.Constant;
                    if (kind > declared)
                        declared = kind;
                }
            }
        }

        _members.TryAdd(name, declared);
        return declared;
    }

    // A constant of a referenced assembly is reached through its type: `this.X`, `x.Y`, `string.Empty` and calls never
    // reach one. Type and namespace names are PascalCase in .NET; locals and parameters are not.
    private static bool MayBeType(ExpressionSyntax receiver)
    {
        while (true)
        {
            switch (receiver)
            {
                case MemberAccessExpressionSyntax access:
                    receiver = access.Expression;
                    continue;
                case IdentifierNameSyntax identifier:
                    var text = identifier.Identifier.ValueText;
                    return text.Length > 0 && char.IsUpper(text[0]);
                case GenericNameSyntax or AliasQualifiedNameSyntax or QualifiedNameSyntax:
                    return true;
                default:
                    return false;
            }
        }
    }

    // A `const` local declared in a block that encloses the use (anywhere in it: a use before the declaration does not
    // compile), in a switch section, or in the top-level statements.
    private static bool IsConstantLocal(IdentifierNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        for (var node = name.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BlockSyntax block:
                    if (DeclaresConstant(block.Statements, text))
                        return true;
                    break;
                case SwitchSectionSyntax section:
                    if (DeclaresConstant(section.Statements, text))
                        return true;
                    break;
                case BaseTypeDeclarationSyntax:
                    return false;
                case CompilationUnitSyntax unit:
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } && Declares(local, text))
                            return true;
                    }

                    return false;
            }
        }

        return false;
    }

    private static bool DeclaresConstant(SyntaxList<StatementSyntax> statements, string name)
    {
        foreach (var statement in statements)
        {
            if (statement is LocalDeclarationStatementSyntax local && Declares(local, name))
                return true;
        }

        return false;
    }

    private static bool Declares(LocalDeclarationStatementSyntax local, string name)
    {
        if (!local.IsConst)
            return false;
        foreach (var variable in local.Declaration.Variables)
        {
            if (variable.Identifier.ValueText == name)
                return true;
        }

        return false;
    }
}
