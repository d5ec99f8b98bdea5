using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Roslyn;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Rules;

/// <summary>
/// The analyzer that reads C# strings, for KMS0001/0002 (<see cref="HardcodedKeyIdentifierRule"/>) and KMS0004/0005
/// (<see cref="KeyIdentifierAtSinkRule"/>): it registers each kind of callback once and hands every visit to the rules
/// that want it, each rule in its own file. Its visits are registered per type, only in the types whose files may hold a
/// key identifier (<see cref="KeyPieceScope"/>): on a code base where 5 files of 200 do, the driver dispatches nothing on
/// the strings and operators of the others (docs/performance.md, session 13). The KMS calls of KMS0003/0008 are
/// <see cref="KmsCodeAnalyzer"/>'s.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KmsStringAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        Descriptors.HardcodedKeyArn, Descriptors.RawMultiRegionKeyId, Descriptors.HardcodedKeyId, Descriptors.RegionPinnedAliasArn);

    private readonly Rule _rules;

    public KmsStringAnalyzer()
        : this(Rule.All)
    {
    }

    /// <summary>Only the rules that report <paramref name="ids"/> (a host or a test that wants some of them).</summary>
    internal KmsStringAnalyzer(params string[] ids)
        : this(RulesOf(ids))
    {
    }

    private KmsStringAnalyzer(Rule rules)
    {
        _rules = rules;
        SupportedDiagnostics = All.Where(d => (RuleOf(d.Id) & rules) != 0).ToImmutableArray();
    }

    [Flags]
    private enum Rule
    {
        None = 0,
        HardcodedKeyIdentifier = 1, // KMS0001, KMS0002
        KeyIdentifierAtSink = 2, // KMS0004, KMS0005
        All = 3,
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        var rules = _rules;
        context.RegisterCompilationStartAction(start =>
        {
            // Told from the references' names, without binding them (SdkReferences says why): KMS0004/0005 look for SDK
            // sinks, and register nothing without the SDK.
            var keyIdentifiers = (rules & Rule.HardcodedKeyIdentifier) != 0 ? new HardcodedKeyIdentifierRule(start.Options) : null;
            var atSinks = (rules & Rule.KeyIdentifierAtSink) != 0 && SdkReferences.Of(start.Compilation).MayHaveAwsSdk
                ? new KeyIdentifierAtSinkRule(start.Compilation, start.Options)
                : null;
            if (keyIdentifiers is not null || atSinks is not null)
                new StringVisits(keyIdentifiers, atSinks).Register(start);
        });
    }

    private static Rule RulesOf(string[] ids)
    {
        var rules = Rule.None;
        foreach (var id in ids)
            rules |= RuleOf(id) is var rule && rule != Rule.None ? rule : throw new ArgumentException("No rule of this analyzer reports " + id, nameof(ids));
        return rules;
    }

    private static Rule RuleOf(string id) => id switch
    {
        DiagnosticIds.HardcodedKeyArn or DiagnosticIds.RawMultiRegionKeyId => Rule.HardcodedKeyIdentifier,
        DiagnosticIds.HardcodedKeyId or DiagnosticIds.RegionPinnedAliasArn => Rule.KeyIdentifierAtSink,
        _ => Rule.None,
    };

    /// <summary>
    /// One visit of each string literal, concatenation and interpolation for both rules that read constant strings:
    /// the syntax is checked once, then each rule's own prefilter on the text decides whether it looks further.
    /// </summary>
    private sealed class StringVisits
    {
        // KmsIdentifiers.KeyIdentifierFragments in its order (bits 0-2, KMS0001/0002), then what makes an alias ARN with
        // "arn:" (bits 1 and 3, KMS0005); a whole value of a key id's length may be a key id (KMS0004).
        private static readonly string[] ConcatenationFragments = { KmsIdentifiers.KmsServiceField, KmsIdentifiers.ArnPrefix, KmsIdentifiers.MultiRegionPrefix, KmsIdentifiers.AliasResourceField };
        private const int KeyIdentifierBits = 0b0111;
        private const int AliasArnBits = 0b1010;

        private readonly HardcodedKeyIdentifierRule? _keyIdentifiers;
        private readonly KeyIdentifierAtSinkRule? _atSinks;

        public StringVisits(HardcodedKeyIdentifierRule? keyIdentifiers, KeyIdentifierAtSinkRule? atSinks)
        {
            _keyIdentifiers = keyIdentifiers;
            _atSinks = atSinks;
        }

        public void Register(CompilationStartAnalysisContext start)
        {
            // A literal by its syntax, as the floor visits it, bound only when its text may be reported, at its type's
            // end (below). Composites by operation, so that the driver builds their operation trees (a syntax action
            // that binds one is charged for building the tree of its member: 2.5 ms became 55-84 ms for one 5,000-term
            // constant), but read only when a term holds a piece of a key identifier, judged on the syntax first, then
            // on the terms' operations (KeyPieceSearch): reading the terms of every constant concatenation built their
            // constants' values (docs/performance.md, sessions 8 to 10 and 12). All of them only in the types whose
            // files may hold a key identifier (KeyPieceScope), built here for every file: the driver dispatches nothing
            // on the strings and operators of every other type (sessions 13 and 15).
            var pieces = new KeyPieceSearch(start.Compilation);
            var search = SourceSearch.For(start.Compilation);
            var scope = new KeyPieceScope(start.Compilation, start.CancellationToken);
            if (!scope.AnyFileMayHoldKeyIdentifiers)
                return; // no string of any type or attribute may hold one
            start.RegisterSymbolStartAction(typeStart =>
            {
                if (!scope.MayHoldKeyIdentifiers((INamedTypeSymbol)typeStart.Symbol))
                    return;
                // Literals that may be reported are bound at the type's end, when the driver has built the operations of
                // every member: bound in their own callback, one that met a member first was charged its binding.
                var literals = new ConcurrentQueue<(LiteralExpressionSyntax Literal, SemanticModel Model)>();
                typeStart.RegisterSyntaxNodeAction(context => CollectLiteral(context, literals), SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
                typeStart.RegisterSymbolEndAction(end => AnalyzeLiterals(end, literals, search));
                typeStart.RegisterOperationAction(context => AnalyzeComposite(context, pieces, search), OperationKind.Binary, OperationKind.InterpolatedString);
                // The driver runs no operation action on the default values of local function and lambda parameters.
                typeStart.RegisterSyntaxNodeAction(AnalyzeParameterDefaults, SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression);
            }, SymbolKind.NamedType);
            // Code outside any type (top-level statements belong to their Program type): assembly and module attributes.
            start.RegisterSyntaxNodeAction(context => AnalyzeAssemblyAttributes(context, pieces, scope), SyntaxKind.AttributeTargetSpecifier);
        }

        private void CollectLiteral(SyntaxNodeAnalysisContext context, ConcurrentQueue<(LiteralExpressionSyntax Literal, SemanticModel Model)> literals)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            if (MayReport(literal) is not (false, false))
                literals.Enqueue((literal, context.SemanticModel));
        }

        // With the model of the driver's operations where a composite of the file offered it (SourceSearch.OfferOperationModel):
        // the one the syntax action had may be another, in which the literal's member is bound again.
        private void AnalyzeLiterals(
            SymbolAnalysisContext end, ConcurrentQueue<(LiteralExpressionSyntax Literal, SemanticModel Model)> literals, SourceSearch search)
        {
            foreach (var (literal, syntaxModel) in literals)
            {
                var model = search.OperationModel(literal.SyntaxTree) ?? syntaxModel;
                var (identifier, atSink) = LiteralDiagnostics(literal, model, end.CancellationToken);
                if (identifier is not null)
                    end.ReportDiagnostic(identifier);
                if (atSink is not null)
                    end.ReportDiagnostic(atSink);
            }
        }

        // Each rule's prefilter on the literal's text: most literals hold nothing either looks for.
        private (bool Identifiers, bool AtSink) MayReport(LiteralExpressionSyntax literal)
        {
            var text = literal.Token.ValueText;
            return (_keyIdentifiers is not null && HardcodedKeyIdentifierRule.MayReport(text),
                _atSinks is not null && literal.IsKind(SyntaxKind.StringLiteralExpression) && KeyIdentifierAtSinkRule.MayReport(text));
        }

        private (Diagnostic? Identifier, Diagnostic? AtSink) LiteralDiagnostics(LiteralExpressionSyntax literal, SemanticModel model, CancellationToken cancellationToken)
        {
            var (identifiers, atSink) = MayReport(literal);
            if ((!identifiers && !atSink) || model.GetOperation(literal, cancellationToken) is not { } operation)
                return default;
            return (identifiers ? _keyIdentifiers!.AnalyzeLiteral(operation) : null,
                atSink ? _atSinks!.AnalyzeLiteral(operation, cancellationToken) : null);
        }

        private void AnalyzeComposite(OperationAnalysisContext context, KeyPieceSearch pieces, SourceSearch search)
        {
            search.OfferOperationModel(context.Operation);
            var (identifier, atSink) = CompositeDiagnostics(context.Operation, pieces, context.CancellationToken);
            if (identifier is not null)
                context.ReportDiagnostic(identifier);
            if (atSink is not null)
                context.ReportDiagnostic(atSink);
        }

        private (Diagnostic? Identifier, Diagnostic? AtSink) CompositeDiagnostics(IOperation composite, KeyPieceSearch pieces, CancellationToken cancellationToken)
        {
            // A constant concatenation prefix is always constant; an interpolation may be read for its text alone.
            var constant = true;
            var operation = composite is IBinaryOperation binary
                ? ConcatenationToRead(binary, pieces)
                : InterpolationToRead((IInterpolatedStringOperation)composite, pieces, out constant);
            if (operation is null)
                return default;
            return (_keyIdentifiers?.AnalyzeComposite(operation), constant ? _atSinks?.AnalyzeComposite(operation, cancellationToken) : null);
        }

        private void AnalyzeParameterDefaults(SyntaxNodeAnalysisContext context)
        {
            _keyIdentifiers?.AnalyzeParameterDefaults(context);
            _atSinks?.AnalyzeParameterDefaults(context);
        }

        // An assembly or module attribute list: its literals and composites, as the actions registered per type visit
        // them inside types.
        private void AnalyzeAssemblyAttributes(SyntaxNodeAnalysisContext context, KeyPieceSearch pieces, KeyPieceScope scope)
        {
            var cancellationToken = context.CancellationToken;
            if (context.Node is not AttributeTargetSpecifierSyntax { Parent: AttributeListSyntax { Parent: CompilationUnitSyntax } node } ||
                !scope.MayHoldKeyIdentifiers(node.SyntaxTree))
                return;
            var model = context.SemanticModel;
            foreach (var descendant in node.DescendantNodes())
            {
                switch (descendant)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                        var (identifier, atSink) = LiteralDiagnostics(literal, model, cancellationToken);
                        Report(context, identifier, atSink);
                        break;
                    case BinaryExpressionSyntax or InterpolatedStringExpressionSyntax:
                        var operation = model.GetOperation(descendant, cancellationToken);
                        if (operation is IInterpolatedStringHandlerCreationOperation { Content: var content })
                            operation = content; // $"…" given to a handler (StringBuilder.Append)
                        if (operation is { Kind: OperationKind.Binary or OperationKind.InterpolatedString } composite)
                        {
                            var (compositeIdentifier, compositeAtSink) = CompositeDiagnostics(composite, pieces, cancellationToken);
                            Report(context, compositeIdentifier, compositeAtSink);
                        }

                        break;
                }
            }
        }

        private static void Report(SyntaxNodeAnalysisContext context, Diagnostic? first, Diagnostic? second)
        {
            if (first is not null)
                context.ReportDiagnostic(first);
            if (second is not null)
                context.ReportDiagnostic(second);
        }

        // A chain a + b + c is read once, at its head: the largest constant prefix of its left spine is the only +
        // either rule may report (a term beside it is a literal or a constant with its own visit). Most binary
        // operations are comparisons, arithmetic, chains with a call in them, or chains of text that holds no piece of
        // a key identifier, rejected on their syntax and then on their terms' operations.
        private IOperation? ConcatenationToRead(IBinaryOperation binary, KeyPieceSearch pieces)
        {
            if (binary.Syntax is not BinaryExpressionSyntax head || !head.IsKind(SyntaxKind.AddExpression) ||
                !ConstantStrings.IsConcatenationHead(head) || !ConstantStrings.MayHaveConstantPrefix(head) || !pieces.ChainMayHold(binary))
                return null;
            return LargestConstantPrefixToRead(binary);
        }

        // An interpolation is read when it may be a constant, or when its own text may hold a key identifier (a string
        // built at run time around a whole key ARN, also one given to a handler such as StringBuilder.Append($"…")).
        private IOperation? InterpolationToRead(IInterpolatedStringOperation interpolated, KeyPieceSearch pieces, out bool constant)
        {
            constant = false;
            if (interpolated.Syntax is not InterpolatedStringExpressionSyntax syntax)
                return null;
            var mayBeConstant = ConstantStrings.MayBeConstantString(syntax);
            var textMayHold = _keyIdentifiers is not null && HardcodedKeyIdentifierRule.AnyTextMayHoldKeyIdentifier(syntax);
            if ((!mayBeConstant && !textMayHold) || !pieces.InterpolationMayHold(interpolated) || interpolated.IsImplicit ||
                interpolated.Type?.SpecialType != SpecialType.System_String || ConstantStrings.IsPartOfLargerConstant(interpolated))
                return null;
            constant = mayBeConstant && ConstantStrings.IsConstantComposition(interpolated);
            return constant || textMayHold ? interpolated : null;
        }

        // The largest constant prefix of the chain, when either rule may read it: one walk finds it and reads its
        // terms for both, without building the value (most constant concatenations hold nothing either looks for).
        private IOperation? LargestConstantPrefixToRead(IBinaryOperation binary)
        {
            if (ConstantStrings.ScanLargestConstantPrefix(binary, ConcatenationFragments, out var length, out var found) is not { IsImplicit: false } prefix ||
                ConstantStrings.IsPartOfLargerConstant(prefix))
                return null;
            return (_keyIdentifiers is not null && KmsIdentifiers.MayContainKeyIdentifier(length, found & KeyIdentifierBits)) ||
                   (_atSinks is not null && KeyIdentifierAtSinkRule.MayBeCandidate(length, (found & AliasArnBits) == AliasArnBits))
                ? prefix
                : null;
        }
    }
}
