using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Roslyn;

/// <summary>
/// The conversions the compiler wraps around a value (<c>string</c> to <c>object</c>, a constant to a nullable, a
/// user-defined conversion) hide what the value is and who uses it; every rule looks through them the same way.
/// Parenthesized operations (Visual Basic only) are looked through too.
/// </summary>
internal static class Conversions
{
    /// <summary>The value inside any conversions: <c>(object)"alias/x"</c> gives the literal.</summary>
    public static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { Operand: var operand }:
                    operation = operand;
                    continue;
                case IParenthesizedOperation { Operand: var inner }:
                    operation = inner;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The outermost of the conversions that wrap <paramref name="value"/> (the value itself when none do): its
    /// <see cref="IOperation.Parent"/> is the operation that really uses the value.
    /// </summary>
    /// <param name="implicitOnly">Stop at a cast written in the source: <c>(object)x</c> is a use of its own.</param>
    public static IOperation Outermost(IOperation value, bool implicitOnly = false)
    {
        while (value.Parent is IConversionOperation conversion && (!implicitOnly || conversion.IsImplicit) ||
               value.Parent is IParenthesizedOperation)
            value = value.Parent;
        return value;
    }
}
