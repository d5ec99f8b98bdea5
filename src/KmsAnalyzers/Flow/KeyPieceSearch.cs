using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// Whether a string composite (a <c>+</c> chain, an interpolated string) may compose a key identifier, judged on its
/// terms before its value is read: one of its terms is a literal or interpolation text holding a piece of one
/// (<see cref="KmsIdentifiers.MayBeKeyIdentifierPiece"/>), or reads a constant of the compilation whose value holds
/// one. Most composites of a code base (SQL, URLs, messages) are rejected here, at the cost of a walk over the terms
/// the driver has already built, instead of reading the composite's scattered terms and building its value.
/// </summary>
/// <remarks>
/// A constant is judged by its value, which the compiler folded to bind the term that reads it: a constant composed of
/// others needs no search of theirs. Finding the constants by name instead, from every <c>const</c> declaration of the
/// compilation, cost more than all the composites together (2,215 declarations in the 200-file benchmark, read on the
/// thread of the first composite: about 4 ms a compilation; docs/performance.md, session 12). A constant of a
/// referenced assembly is not seen: a composite of such constants alone is not read (rule docs, "Not reported").
/// </remarks>
internal sealed class KeyPieceSearch
{
    private readonly Compilation _compilation;

    public KeyPieceSearch(Compilation compilation) => _compilation = compilation;

    /// <summary>Whether the <c>+</c> chain headed by <paramref name="head"/> may compose a key identifier.</summary>
    public bool ChainMayHold(IBinaryOperation head) => ChainMayHold((IOperation)head);

    /// <summary>Whether <paramref name="interpolated"/>'s text or holes may compose a key identifier.</summary>
    public bool InterpolationMayHold(IInterpolatedStringOperation interpolated)
    {
        foreach (var part in interpolated.Parts)
        {
            // A part given to a handler (StringBuilder.Append($"…")) is an append call; its syntax says which part it is.
            var mayHold = part.Syntax switch
            {
                InterpolatedStringTextSyntax text => KmsIdentifiers.MayBeKeyIdentifierPiece(text.TextToken.ValueText),
                // A hole with an alignment or a format is formatted at run time: never part of a constant.
                InterpolationSyntax { AlignmentClause: null, FormatClause: null } => HoleValue(part) is { } value && TermMayHold(value),
                _ => false,
            };
            if (mayHold)
                return true;
        }

        return false;
    }

    private bool ChainMayHold(IOperation chain)
    {
        // Down the left spine without recursion: a chain may have thousands of terms.
        var current = Conversions.Strip(chain);
        while (IsAdd(current))
        {
            var add = (IBinaryOperation)current;
            if (TermMayHold(add.RightOperand))
                return true;
            current = Conversions.Strip(add.LeftOperand);
        }

        return TermMayHold(current);
    }

    private static IOperation? HoleValue(IOperation part) => part switch
    {
        IInterpolationOperation interpolation => interpolation.Expression,
        IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments: { Length: > 0 } arguments } } => arguments[0].Value,
        _ => null,
    };

    // Told by the operation's kind: most terms are locals, parameters, members and calls, rejected on it.
    private bool TermMayHold(IOperation term)
    {
        while (true)
        {
            term = Conversions.Strip(term);
            switch (term.Kind)
            {
                case OperationKind.Literal:
                    return term.Syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) &&
                        KmsIdentifiers.MayBeKeyIdentifierPiece(literal.Token.ValueText);
                case OperationKind.InterpolatedString:
                    return InterpolationMayHold((IInterpolatedStringOperation)term);
                case OperationKind.FieldReference when ((IFieldReferenceOperation)term).Field is { IsConst: true } field:
                    return ConstantMayHold(field); // Keys.OrdersKeyArn, global::Contoso.Keys.Arn
                case OperationKind.LocalReference when ((ILocalReferenceOperation)term).Local is { IsConst: true } local:
                    return ConstantMayHold(local);
                case OperationKind.Conditional when ((IConditionalOperation)term) is { WhenTrue: var whenTrue, WhenFalse: { } whenFalse }:
                    if (TermMayHold(whenTrue))
                        return true;
                    term = whenFalse;
                    continue;
                case OperationKind.Binary when IsAdd(term):
                    return ChainMayHold(term); // a parenthesized right-hand chain
                default:
                    return false;
            }
        }
    }

    private static bool IsAdd(IOperation operation) =>
        operation.Kind == OperationKind.Binary && ((IBinaryOperation)operation).OperatorKind == BinaryOperatorKind.Add;

    // Read, not built: the compiler keeps a constant's value once it has folded it. Another assembly's constants are not
    // looked at (the documented limit).
    private bool ConstantMayHold(ISymbol constant) => constant switch
    {
        IFieldSymbol { Type.SpecialType: SpecialType.System_String } field when SymbolEqualityComparer.Default.Equals(field.ContainingAssembly, _compilation.Assembly) =>
            MayHold(field.ConstantValue),
        ILocalSymbol { Type.SpecialType: SpecialType.System_String } local => MayHold(local.ConstantValue),
        _ => false, // an enum member or a number: not a piece of text
    };

    private static bool MayHold(object? constantValue) => constantValue is string text && KmsIdentifiers.MayBeKeyIdentifierPiece(text);
}
