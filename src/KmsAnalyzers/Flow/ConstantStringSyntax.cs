using System.Threading;
using KmsAnalyzers.Identifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmsAnalyzers.Flow;

/// <summary>What a rule looks for in a constant string that is composed of parts.</summary>
[System.Flags]
internal enum CompositeInterest
{
    None = 0,
    KeyIdentifier = 1, // a key ARN or a multi-Region key id anywhere in the value (KMS0001/0002)
    SinkCandidate = 2, // a whole value that is a key id or an alias ARN (KMS0004/0005)
}

/// <summary>
/// Whether a concatenation or an interpolated string may compose a constant that a rule looks for, judged on its syntax
/// alone, so that the compiler binds it for us only in that rare case (a syntax action that binds is charged for the
/// binding, issue 16). The judgement errs only towards "may": the parts are read as runs of possibly-constant terms
/// (literals, and names that may be constants, <see cref="ConstantNames"/>); a run whose text is all literal is scanned
/// for the fragments of a key identifier; a run with a named constant, whose text is not known here, may hold anything.
/// </summary>
internal sealed class ConstantStringSyntax
{
    // Bits 0–2 are KmsIdentifiers.KeyIdentifierFragments in its order; bits 1 and 3 make an alias ARN.
    private static readonly string[] Fragments = { ":kms:", KmsIdentifiers.ArnPrefix, KmsIdentifiers.MultiRegionPrefix, ":alias/" };
    private const int KeyIdentifierBits = 0b0111;
    private const int AliasArnBits = 0b1010;

    private readonly ConstantNames _names;

    public ConstantStringSyntax(Compilation compilation) => _names = new ConstantNames(compilation);

    /// <summary>
    /// Whether a callback on <c>+</c> starts from <paramref name="add"/>: the outermost <c>+</c> of a chain, with which
    /// its inner ones are read.
    /// </summary>
    public static bool IsOutermostConcatenation(BinaryExpressionSyntax add)
    {
        var parent = add.Parent;
        while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            parent = parent.Parent;
        return !parent.IsKind(SyntaxKind.AddExpression);
    }

    /// <summary>Whether some constant part of the chain <paramref name="add"/> (outermost) may hold what <paramref name="interest"/> asks for.</summary>
    public bool MayCompose(BinaryExpressionSyntax add, CompositeInterest interest, CancellationToken cancellationToken)
    {
        var run = new Run(minimumTerms: 2);
        return Chain(add, ref run, interest, cancellationToken) || run.MayHold(interest);
    }

    /// <summary>
    /// Whether <paramref name="interpolated"/> may be a constant (each hole a constant string, without alignment or
    /// format) that holds what <paramref name="interest"/> asks for.
    /// </summary>
    public bool MayCompose(InterpolatedStringExpressionSyntax interpolated, CompositeInterest interest, CancellationToken cancellationToken)
    {
        var run = new Run(minimumTerms: 1);
        var contents = interpolated.Contents;
        for (var i = contents.Count - 1; i >= 0; i--)
        {
            switch (contents[i])
            {
                case InterpolatedStringTextSyntax text:
                    run.Text(text.TextToken.ValueText);
                    break;
                case InterpolationSyntax hole:
                    if (hole.AlignmentClause is not null || hole.FormatClause is not null)
                        return false;
                    if (!Term(hole.Expression, ref run, cancellationToken))
                        return false;
                    break;
            }
        }

        return run.MayHold(interest);
    }

    // Right to left down the left spine (no stack for a chain of any length); a parenthesized inner chain recurses
    // by its nesting depth. True as soon as a finished run may hold what is asked.
    private bool Chain(ExpressionSyntax chain, ref Run run, CompositeInterest interest, CancellationToken cancellationToken)
    {
        ExpressionSyntax? current = chain;
        while (current is not null)
        {
            ExpressionSyntax term;
            if (Concatenation(current) is { } add)
            {
                term = add.Right;
                current = add.Left;
            }
            else
            {
                term = current;
                current = null;
            }

            if (Concatenation(term) is { } nested)
            {
                if (Chain(nested, ref run, interest, cancellationToken))
                    return true;
            }
            else if (!Term(term, ref run, cancellationToken))
            {
                // Not a constant: it ends the run of constant terms before it.
                if (run.MayHold(interest))
                    return true;
                run.Restart();
            }
        }

        return false;
    }

    private static BinaryExpressionSyntax? Concatenation(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return binary;
                default:
                    return null;
            }
        }
    }

    // Adds one term to the run; false when the term cannot be a constant string.
    private bool Term(ExpressionSyntax term, ref Run run, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (term)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    term = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    term = cast.Expression;
                    continue;
                case LiteralExpressionSyntax literal:
                    switch (literal.Kind())
                    {
                        case SyntaxKind.StringLiteralExpression:
                            run.Text(literal.Token.ValueText);
                            return true;
                        case SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression:
                            run.Text("");
                            return true;
                        default:
                            return false; // a number, a char or a bool: `"a" + 1` is built at run time
                    }

                case DefaultExpressionSyntax:
                    run.Text("");
                    return true;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    if (!_names.MayBeString(term, cancellationToken))
                        return false;
                    run.Unknown();
                    return true;
                case InterpolatedStringExpressionSyntax interpolated:
                    if (!MayBeConstant(interpolated, cancellationToken))
                        return false;
                    run.Unknown();
                    return true;
                case ConditionalExpressionSyntax conditional:
                    // Constant only with a constant condition.
                    if (!(conditional.Condition is LiteralExpressionSyntax || _names.MayBeAny(conditional.Condition, cancellationToken)))
                        return false;
                    run.Unknown();
                    return true;
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                    run.Unknown();
                    return true;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    run.Unknown(); // a chain inside a hole: read on its own, by its own callback
                    return true;
                default:
                    return false;
            }
        }
    }

    private bool MayBeConstant(InterpolatedStringExpressionSyntax interpolated, CancellationToken cancellationToken)
    {
        var ignored = new Run(minimumTerms: 1);
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolationSyntax hole &&
                (hole.AlignmentClause is not null || hole.FormatClause is not null || !Term(hole.Expression, ref ignored, cancellationToken)))
                return false;
        }

        return true;
    }

    /// <summary>A run of terms that may all be constants, read right to left.</summary>
    private struct Run
    {
        private readonly int _minimumTerms;
        private FragmentScan _scan;
        private int _terms;
        private bool _unknown; // a named constant: its text is not known here
        private int _uuidCharacters; // consecutive characters that may belong to a key id (hex digits and '-')

        public Run(int minimumTerms)
        {
            _minimumTerms = minimumTerms;
            _scan = new FragmentScan(Fragments);
            _terms = 0;
            _unknown = false;
            _uuidCharacters = 0;
            MayBeKeyId = false;
        }

        private bool MayBeKeyId { get; set; }

        public void Text(string text)
        {
            _terms++;
            _scan.Term(text);
            _uuidCharacters = IsUuidText(text) ? _uuidCharacters + text.Length : 0;
            if (_uuidCharacters >= KmsIdentifiers.UuidLength)
                MayBeKeyId = true;
        }

        public void Unknown()
        {
            _terms++;
            _unknown = true;
        }

        public void Restart()
        {
            _scan.Reset();
            _terms = 0;
            _unknown = false;
            _uuidCharacters = 0;
            MayBeKeyId = false;
        }

        public bool MayHold(CompositeInterest interest) =>
            _terms >= _minimumTerms &&
            (_unknown ||
             ((interest & CompositeInterest.KeyIdentifier) != 0 && KmsIdentifiers.MayContainKeyIdentifier(_scan.Length, _scan.Found & KeyIdentifierBits)) ||
             ((interest & CompositeInterest.SinkCandidate) != 0 && (MayBeKeyId || (_scan.Found & AliasArnBits) == AliasArnBits)));

        private static bool IsUuidText(string text)
        {
            foreach (var c in text)
            {
                if (!(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                    return false;
            }

            return true;
        }
    }
}
