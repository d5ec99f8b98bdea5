using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    /// <summary>
    /// Whether a <c>+</c> heads its chain: it is not the left operand of another <c>+</c>. A chain <c>a + b + c</c> is
    /// one callback's work, at its head: visiting every <c>+</c> of it would bind and walk it once per term.
    /// </summary>
    public static bool IsConcatenationHead(ExpressionSyntax add)
    {
        SyntaxNode current = add;
        while (current.Parent is ParenthesizedExpressionSyntax parenthesized)
            current = parenthesized;
        return current.Parent is not BinaryExpressionSyntax parent || !parent.IsKind(SyntaxKind.AddExpression) || parent.Left != current;
    }

    /// <summary>
    /// Whether a chain's left spine may hold a constant <c>+</c>, judged on syntax: its first term and the term after it
    /// may be constant (a literal, a name, <c>nameof</c>…). Everything above a term that cannot be constant (a call,
    /// <c>new</c>, an indexer) is not constant either, and a first term alone is the literal action's.
    /// </summary>
    public static bool MayHaveConstantPrefix(ExpressionSyntax head)
    {
        if (Unparenthesized(head) is not BinaryExpressionSyntax bottom)
            return false;
        while (Unparenthesized(bottom.Left) is BinaryExpressionSyntax left && left.IsKind(SyntaxKind.AddExpression))
            bottom = left;
        return MayBeConstantString(bottom.Left) && MayBeConstantString(bottom.Right);
    }

    /// <summary>The expression inside any parentheses.</summary>
    public static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
            expression = parenthesized.Expression;
        return expression;
    }

    /// <summary>
    /// The largest constant string concatenation at the bottom of <paramref name="chain"/>'s left spine: the left operand
    /// below its deepest term that is not constant, or the chain itself; null when its first term is not constant or no
    /// <c>+</c> is left. What the visit of each <c>+</c> with <see cref="IsPartOfLargerConstant"/> found, in one walk
    /// that also reads the prefix's terms as <see cref="TryScanConstantConcatenation"/> does: its length and which of
    /// <paramref name="fragments"/> it holds. The walk touches each term once (a chain's terms are scattered in memory,
    /// and each walk over them costs more than the check it makes).
    /// </summary>
    public static IBinaryOperation? ScanLargestConstantPrefix(IOperation chain, string[] fragments, out int length, out int found)
    {
        length = 0;
        found = 0;
        if (chain.Type?.SpecialType != SpecialType.System_String)
            return null; // arithmetic: a string + makes a string, so nothing below a number's + is one
        var scan = new Scan(fragments);
        var candidate = chain;
        var current = chain;
        while (Unparenthesized(current) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add)
        {
            if (StringConcatenation(add) is not null && IsConstantStringOrNull(add.RightOperand))
            {
                scan.Term(add.RightOperand);
            }
            else
            {
                candidate = add.LeftOperand; // nothing above a term that is not constant is constant
                scan.Reset();
            }

            current = add.LeftOperand;
        }

        if (!IsConstantLeaf(current) || StringConcatenation(candidate) is not { } prefix)
            return null;
        scan.Term(current);
        length = scan.Length;
        found = scan.Found;
        return prefix;
    }

    // Parenthesized operations exist in Visual Basic only; looked through as Conversions does.
    private static IOperation Unparenthesized(IOperation operation)
    {
        while (operation is IParenthesizedOperation { Operand: var inner })
            operation = inner;
        return operation;
    }

    /// <summary>
    /// Whether <paramref name="expression"/> may be a constant string, judged on its syntax before any binding: only
    /// literals, names, <c>nameof</c>, interpolations, parentheses, casts, <c>?:</c> and <c>+</c> compose one. The
    /// string building of ordinary code (calls, indexers, <c>new</c>, <c>await</c>) is rejected here, without binding.
    /// A nested <c>+</c> counts as a possible constant without being looked into, so the cost is bounded by the
    /// expression's own operands, not the length of a chain.
    /// </summary>
    public static bool MayBeConstantString(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    // A number, character or bool makes a concatenation that is not constant: string + object at run time.
                    return literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.NullLiteralExpression) ||
                        literal.IsKind(SyntaxKind.DefaultLiteralExpression);
                case NameSyntax or DefaultExpressionSyntax:
                    return true;
                case MemberAccessExpressionSyntax access:
                    expression = access.Expression; // Keys.OrdersKeyArn, global::Contoso.Keys.Arn
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case BinaryExpressionSyntax binary:
                    // A nested + is asked on its own (each + of a chain is a callback): looking into it here would make
                    // a chain of n terms cost n² (the binder has folded its value; the caller reads it).
                    if (!(binary.Left.IsKind(SyntaxKind.AddExpression) || MayBeConstantString(binary.Left)))
                        return false;
                    if (binary.Right.IsKind(SyntaxKind.AddExpression))
                        return true;
                    expression = binary.Right;
                    continue;
                case ConditionalExpressionSyntax conditional:
                    if (!MayBeConstantString(conditional.WhenTrue))
                        return false;
                    expression = conditional.WhenFalse;
                    continue;
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (var content in interpolated.Contents)
                    {
                        // A constant interpolated string has constant string holes without alignment or format.
                        if (content is InterpolationSyntax interpolation &&
                            (interpolation.AlignmentClause is not null || interpolation.FormatClause is not null || !MayBeConstantString(interpolation.Expression)))
                            return false;
                    }

                    return true;
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Whether <paramref name="operation"/> is a composite of constants: a constant concatenation or interpolation.</summary>
    public static bool IsConstantComposite(IOperation operation) =>
        operation is IBinaryOperation or IInterpolatedStringOperation && operation.ConstantValue.Value is string;

    /// <summary>
    /// Whether an enclosing constant concatenation or interpolation will report this value instead. Asked before this
    /// operation's own value is read: a long chain <c>"a" + "b" + …</c> must not build every prefix string.
    /// </summary>
    public static bool IsPartOfLargerConstant(IOperation operation)
    {
        var current = Conversions.Outermost(operation);
        switch (current.Parent)
        {
            case IInterpolatedStringTextOperation:
                return true; // the text of an interpolated string is reported with the whole string
            case IInterpolationOperation { Parent: { } interpolated }:
                return interpolated.ConstantValue.Value is string;
            case IBinaryOperation binary when binary.Type?.SpecialType == SpecialType.System_String:
                // With a constant other side the parent is constant exactly when this side is; when this side is not
                // constant it reports nothing anyway. The other side of a left-nested chain is one short literal.
                var other = binary.LeftOperand == current ? binary.RightOperand : binary.LeftOperand;
                return IsConstantStringOrNull(other);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="operation"/> is a string concatenation or an interpolated string whose value is constant,
    /// told from its terms' kinds: no value is built (reading <c>ConstantValue</c> of a constant string builds it).
    /// </summary>
    public static bool IsConstantComposition(IOperation operation)
    {
        if (operation is not IInterpolatedStringOperation interpolated)
            return StringConcatenation(operation) is { } concatenation && IsConstantStringOrNull(concatenation);
        foreach (var part in interpolated.Parts)
        {
            // A constant interpolated string has constant string holes without alignment or format.
            if (part is IInterpolationOperation hole && (hole.Alignment is not null || hole.FormatString is not null || !IsConstantStringOrNull(hole.Expression)))
                return false;
            if (part is not (IInterpolationOperation or IInterpolatedStringTextOperation))
                return false; // a handler's appends: built at run time
        }

        return true;
    }

    private static readonly ConditionalWeakTable<IOperation, object> ConcatenationIsConstant = new();
    private static readonly object Constant = new();
    private static readonly object NotConstant = new();

    /// <summary>
    /// Whether <paramref name="operand"/> is a constant string (or null), asked of a concatenation without building its
    /// value: reading <c>ConstantValue</c> of the left side at every term of <c>"a" + "b" + …</c> built every prefix
    /// string (n terms, n²/2 characters). A concatenation of strings is constant exactly when both sides are; the
    /// answer is kept per concatenation, so a chain is walked once.
    /// </summary>
    private static bool IsConstantStringOrNull(IOperation operand)
    {
        if (StringConcatenation(operand) is not { } top)
            return IsConstantLeaf(operand);
        // The concatenations of ordinary code are short: walked as they are, without keeping answers (each kept answer
        // is a weak table entry, a dependent handle for the GC). Only a long chain is remembered, so that a chain of n
        // terms still costs n, not n².
        var depth = 0;
        IOperation bottom = top;
        while (StringConcatenation(bottom) is { } level && depth <= ShortChain)
        {
            bottom = level.LeftOperand;
            depth++;
        }

        if (depth <= ShortChain)
            return IsConstantShortChain(top);
        var spine = new List<IBinaryOperation>();
        bool? known = null;
        IOperation current = top;
        while (StringConcatenation(current) is { } binary)
        {
            if (ConcatenationIsConstant.TryGetValue(binary, out var answer))
            {
                known = answer == Constant;
                break;
            }

            spine.Add(binary);
            current = binary.LeftOperand;
        }

        var value = known ?? IsConstantLeaf(current);
        for (var i = spine.Count - 1; i >= 0; i--)
        {
            // The right side of a left-nested chain is one term; a parenthesized right-hand concatenation is asked the same way.
            value = value && IsConstantStringOrNull(spine[i].RightOperand);
            ConcatenationIsConstant.GetValue(spine[i], _ => value ? Constant : NotConstant);
        }

        return value;
    }

    private const int ShortChain = 16;

    private static bool IsConstantShortChain(IBinaryOperation top)
    {
        IOperation current = top;
        while (StringConcatenation(current) is { } binary)
        {
            if (!IsConstantStringOrNull(binary.RightOperand))
                return false;
            current = binary.LeftOperand;
        }

        return IsConstantLeaf(current);
    }

    // A term of a concatenation, told from its kind where that suffices: reading a string's ConstantValue materializes
    // the string and a weak reference to it, at every + of every string concatenation in the code (and again after
    // each garbage collection, as the reference is weak). A named string constant is one by its declaration.
    private static bool IsConstantLeaf(IOperation operand) => operand switch
    {
        ILiteralOperation { Type: null or { SpecialType: SpecialType.System_String } } => true,
        IFieldReferenceOperation { Field: { IsConst: true, Type.SpecialType: SpecialType.System_String } } or
            ILocalReferenceOperation { Local: { IsConst: true, Type.SpecialType: SpecialType.System_String } } => true,
        IFieldReferenceOperation { Field.IsConst: false } or ILocalReferenceOperation { Local.IsConst: false } or
            IParameterReferenceOperation or IInvocationOperation or IPropertyReferenceOperation => false,
        _ => operand.ConstantValue is { HasValue: true, Value: string or null },
    };

    // The predefined string + (not a user-defined operator), under any parentheses.
    private static IBinaryOperation? StringConcatenation(IOperation operation) =>
        Unparenthesized(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null } binary &&
            binary.Type?.SpecialType == SpecialType.System_String
            ? binary
            : null;

    /// <summary>
    /// Whether <paramref name="operation"/> is a constant string concatenation, and if so the length of its value and
    /// which of <paramref name="fragments"/> (each at most <see cref="FragmentScan.MaxFragment"/> characters) occur in it, bit i for
    /// fragment i, read from its terms without building the value: reading a constant concatenation's <c>ConstantValue</c>
    /// builds the whole string, at every constant concatenation of the code (SQL, URLs, messages), most of which hold
    /// nothing a rule looks for.
    /// </summary>
    public static bool TryScanConstantConcatenation(IOperation operation, string[] fragments, out int length, out int found)
    {
        length = 0;
        found = 0;
        if (StringConcatenation(operation) is not { } top || !IsConstantStringOrNull(top))
            return false;
        var scan = new Scan(fragments);
        scan.Chain(top);
        length = scan.Length;
        found = scan.Found;
        return true;
    }

    /// <summary>Reads a concatenation's terms right to left down its left spine (no stack, no copy of the value).</summary>
    private struct Scan
    {
        private FragmentScan _text;

        public Scan(string[] fragments) => _text = new FragmentScan(fragments);

        public int Length => _text.Length;
        public int Found => _text.Found;

        public void Chain(IBinaryOperation chain)
        {
            IOperation? current = chain;
            while (current is not null)
            {
                IOperation term;
                if (StringConcatenation(current) is { } binary)
                {
                    term = binary.RightOperand;
                    current = binary.LeftOperand;
                }
                else
                {
                    term = current;
                    current = null;
                }

                Term(term);
            }
        }

        /// <summary>One constant term, before all those read so far: a literal, a named constant, a nested chain.</summary>
        public void Term(IOperation term)
        {
            while (term is IConversionOperation { Operand: var operand } && operand.ConstantValue.HasValue)
                term = operand;
            if (StringConcatenation(term) is { } nested)
                Chain(nested); // a parenthesized right-hand concatenation: nesting depth, not chain length
            else
                _text.Term(ValueText(term));
        }

        /// <summary>Starts over: the terms read so far are not part of the value scanned.</summary>
        public void Reset() => _text.Reset();
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

    // Iterative, in source order: a concatenation of 50,000 terms must not overflow the stack.
    private static void Collect(IOperation root, List<Segment> segments, ref int offset)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            while (operation is IConversionOperation { Operand: var operand } && operand.ConstantValue.HasValue)
                operation = operand;
            operation = Unparenthesized(operation);

            switch (operation)
            {
                // Inside a constant composite every concatenation is constant: no need to build (and pay for) its value.
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    pending.Push(binary.RightOperand);
                    pending.Push(binary.LeftOperand);
                    continue;
                case IInterpolatedStringOperation interpolated:
                    for (var i = interpolated.Parts.Length - 1; i >= 0; i--)
                    {
                        var part = interpolated.Parts[i];
                        if (part is IInterpolationOperation interpolation)
                            pending.Push(interpolation.Expression);
                        else if (part is IInterpolatedStringTextOperation text)
                            pending.Push(text.Text);
                    }

                    continue;
            }

            var length = ValueText(operation).Length;
            var isNamed = operation is IFieldReferenceOperation or ILocalReferenceOperation;
            segments.Add(new Segment(offset, length, isNamed));
            offset += length;
        }
    }

    private static string ValueText(IOperation operation) =>
        // A string literal's text from its token: the first read of a string's ConstantValue also makes a weak reference
        // (a GC handle with a finalizer) to keep it, at every literal of every constant concatenation.
        operation is ILiteralOperation { Syntax: LiteralExpressionSyntax literal } && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : ConstantText(operation);

    private static string ConstantText(IOperation operation) => operation.ConstantValue.Value switch
    {
        string s => s,
        char c => c.ToString(),
        null => "",
        var other => System.Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };
}
