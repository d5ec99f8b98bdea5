using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// How a constant string is composed: concatenations and interpolations of literals and named constants.
/// The rules report a value once, at the outermost expression that produces it, and leave a part that comes from a
/// named constant to that constant's own initializer.
/// </summary>
internal static class ConstantStrings
{
    /// <summary>One leaf of a constant string composition and where its text sits in the composed value.</summary>
    internal readonly struct Segment
    {
        public Segment(int start, int length, bool isNamedConstant)
        {
            Start = start;
            Length = length;
            IsNamedConstant = isNamedConstant;
        }

        public int Start { get; }
        public int Length { get; }
        public bool IsNamedConstant { get; }
    }

    /// <summary>Whether <paramref name="operation"/> is a composite of constants: a constant concatenation or interpolation.</summary>
    public static bool IsConstantComposite(IOperation operation) =>
        operation is IBinaryOperation or IInterpolatedStringOperation && operation.ConstantValue.Value is string;

    /// <summary>Whether an enclosing constant concatenation or interpolation will report this value instead.</summary>
    public static bool IsPartOfLargerConstant(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
            parent = parent.Parent;
        switch (parent)
        {
            case IInterpolatedStringTextOperation:
                return true; // the text of an interpolated string is reported with the whole string
            case IInterpolationOperation { Parent: { } interpolated }:
                return interpolated.ConstantValue.Value is string;
            case IBinaryOperation binary:
                return binary.ConstantValue.Value is string;
            default:
                return false;
        }
    }

    /// <summary>The leaves of a constant composite in order, with their offsets in the composed value.</summary>
    public static List<Segment> Segments(IOperation composite)
    {
        var segments = new List<Segment>();
        var offset = 0;
        Collect(composite, segments, ref offset);
        return segments;
    }

    /// <summary>Whether [start, end) lies wholly inside one named-constant leaf, which is reported at its own source.</summary>
    public static bool IsInsideNamedConstant(List<Segment> segments, int start, int end)
    {
        foreach (var segment in segments)
        {
            if (segment.IsNamedConstant && start >= segment.Start && end <= segment.Start + segment.Length)
                return true;
        }

        return false;
    }

    private static void Collect(IOperation operation, List<Segment> segments, ref int offset)
    {
        while (operation is IConversionOperation { Operand: var operand } && operand.ConstantValue.HasValue)
            operation = operand;
        while (operation is IParenthesizedOperation { Operand: var inner })
            operation = inner;

        switch (operation)
        {
            case IBinaryOperation binary when binary.ConstantValue.Value is string:
                Collect(binary.LeftOperand, segments, ref offset);
                Collect(binary.RightOperand, segments, ref offset);
                return;
            case IInterpolatedStringOperation interpolated when interpolated.ConstantValue.Value is string:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                        Collect(interpolation.Expression, segments, ref offset);
                    else if (part is IInterpolatedStringTextOperation text)
                        Collect(text.Text, segments, ref offset);
                }

                return;
        }

        var length = ValueText(operation).Length;
        var isNamed = operation is IFieldReferenceOperation or ILocalReferenceOperation;
        segments.Add(new Segment(offset, length, isNamed));
        offset += length;
    }

    private static string ValueText(IOperation operation) => operation.ConstantValue.Value switch
    {
        string s => s,
        char c => c.ToString(),
        null => "",
        var other => System.Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };
}
