using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Roslyn;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Rules;

/// <summary>
/// The one analyzer that reads C# strings and calls, for KMS0001–KMS0005 and KMS0008. It registers each kind of callback
/// once and hands every visit to the rules that want it, each rule in its own file: <see cref="HardcodedKeyIdentifierRule"/>
/// (KMS0001/0002) and <see cref="KeyIdentifierAtSinkRule"/> (KMS0004/0005) on string literals and composites,
/// <see cref="CrossRegionDecryptRule"/> (KMS0003/0008) on invocations.
/// Why one analyzer: the compiler driver dispatches and times every callback of every analyzer, so three analyzers
/// visiting the same literals and calls cost three times what one visit costs (docs/performance.md, issue 16).
/// The CDK key rules (<see cref="CdkKeyPolicyAnalyzer"/>) need per-type actions and stay apart, and KMS0010 too: it is
/// off by default, and the driver then skips it whole.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KmsCodeAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        Descriptors.HardcodedKeyArn, Descriptors.RawMultiRegionKeyId,
        Descriptors.CrossRegionDecrypt, Descriptors.CrossRegionDecryptAtBuild, Descriptors.KeyInAnotherRegion, Descriptors.KeyInAnotherRegionAtBuild,
        Descriptors.HardcodedKeyId, Descriptors.RegionPinnedAliasArn);

    private readonly Rule _rules;

    public KmsCodeAnalyzer()
        : this(Rule.All)
    {
    }

    /// <summary>Only the rules that report <paramref name="ids"/> (a host or a test that wants some of them).</summary>
    internal KmsCodeAnalyzer(params string[] ids)
        : this(RulesOf(ids))
    {
    }

    private KmsCodeAnalyzer(Rule rules)
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
        CrossRegionDecrypt = 4, // KMS0003, KMS0008
        All = 7,
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        var rules = _rules;
        context.RegisterCompilationStartAction(start =>
        {
            // Told from the references' names, without binding them (SdkReferences says why): a rule whose SDK is not
            // referenced registers nothing and costs nothing.
            var sdk = SdkReferences.Of(start.Compilation);
            var keyIdentifiers = (rules & Rule.HardcodedKeyIdentifier) != 0 ? new HardcodedKeyIdentifierRule(start.Options) : null;
            var atSinks = (rules & Rule.KeyIdentifierAtSink) != 0 && sdk.MayHaveAwsSdk ? new KeyIdentifierAtSinkRule(start.Compilation, start.Options) : null;
            if (keyIdentifiers is not null || atSinks is not null)
                new StringVisits(start.Compilation, keyIdentifiers, atSinks).Register(start);

            if ((rules & Rule.CrossRegionDecrypt) != 0 && sdk.MayHaveKmsSdk)
            {
                var decrypts = new CrossRegionDecryptRule(start.Compilation);
                start.RegisterOperationAction(decrypts.Analyze, OperationKind.Invocation);
                start.RegisterCompilationEndAction(decrypts.Report);
            }
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
        DiagnosticIds.CrossRegionDecrypt or DiagnosticIds.KeyInAnotherRegion => Rule.CrossRegionDecrypt,
        _ => Rule.None,
    };

    /// <summary>
    /// One visit of each string literal, concatenation and interpolation for both rules that read constant strings.
    /// They are visited by syntax, the least any analyzer of KMS strings must visit, and told apart by their text and
    /// the shape of their terms; only the rare candidate is bound, for its operation (a syntax action that binds is
    /// charged for it, so nothing else is bound). A chain of <c>+</c> is read once, from its outermost <c>+</c>.
    /// </summary>
    private sealed class StringVisits
    {
        private readonly HardcodedKeyIdentifierRule? _keyIdentifiers;
        private readonly KeyIdentifierAtSinkRule? _atSinks;
        private readonly ConstantStringSyntax _composites;
        private readonly CompositeInterest _interest;

        public StringVisits(Compilation compilation, HardcodedKeyIdentifierRule? keyIdentifiers, KeyIdentifierAtSinkRule? atSinks)
        {
            _keyIdentifiers = keyIdentifiers;
            _atSinks = atSinks;
            _composites = new ConstantStringSyntax(compilation);
            _interest = (keyIdentifiers is null ? CompositeInterest.None : CompositeInterest.KeyIdentifier) |
                (atSinks is null ? CompositeInterest.None : CompositeInterest.SinkCandidate);
        }

        public void Register(CompilationStartAnalysisContext start)
        {
            start.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
            start.RegisterSyntaxNodeAction(AnalyzeConcatenation, SyntaxKind.AddExpression);
            start.RegisterSyntaxNodeAction(AnalyzeInterpolation, SyntaxKind.InterpolatedStringExpression);
            // A default that folds a named constant into a local function's or a lambda's parameter, which no
            // operation of the body holds.
            start.RegisterSyntaxNodeAction(AnalyzeParameterDefaults, SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression);
        }

        private void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            var text = literal.Token.ValueText;
            var identifiers = _keyIdentifiers is not null && HardcodedKeyIdentifierRule.MayReport(text);
            var atSink = _atSinks is not null && literal.IsKind(SyntaxKind.StringLiteralExpression) && KeyIdentifierAtSinkRule.MayReport(text);
            if ((!identifiers && !atSink) || context.SemanticModel.GetOperation(literal, context.CancellationToken) is not { } operation)
                return;
            if (identifiers && _keyIdentifiers!.AnalyzeLiteral(operation) is { } identifier)
                context.ReportDiagnostic(identifier);
            if (atSink && _atSinks!.AnalyzeLiteral(operation, context.CancellationToken) is { } atSinkDiagnostic)
                context.ReportDiagnostic(atSinkDiagnostic);
        }

        private void AnalyzeConcatenation(SyntaxNodeAnalysisContext context)
        {
            var add = (BinaryExpressionSyntax)context.Node;
            if (!ConstantStringSyntax.IsOutermostConcatenation(add) || !_composites.MayCompose(add, _interest, context.CancellationToken) ||
                context.SemanticModel.GetOperation(add, context.CancellationToken) is not { } chain)
                return;
            chain = Conversions.Strip(chain);
            if (ConstantStrings.IsPartOfLargerConstant(chain))
                return; // a hole of a constant interpolation: reported with it

            // Top down: a constant concatenation is reported whole, and the terms of one that is not are looked into
            // (`"arn:…" + "…" + region` holds the constant `"arn:…" + "…"`).
            var pending = new Stack<IOperation>();
            pending.Push(chain);
            while (pending.Count > 0)
            {
                if (Conversions.Strip(pending.Pop()) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary ||
                    AnalyzeComposite(context, binary, textMayHold: false))
                    continue;
                pending.Push(binary.RightOperand);
                pending.Push(binary.LeftOperand);
            }
        }

        private void AnalyzeInterpolation(SyntaxNodeAnalysisContext context)
        {
            // A key identifier in the text of an interpolation is hard-coded even when its holes are not constants.
            var interpolated = (InterpolatedStringExpressionSyntax)context.Node;
            var textMayHold = _keyIdentifiers is not null && HardcodedKeyIdentifierRule.AnyTextMayHoldKeyIdentifier(interpolated);
            if ((!textMayHold && !_composites.MayCompose(interpolated, _interest, context.CancellationToken)) ||
                context.SemanticModel.GetOperation(interpolated, context.CancellationToken) is not { } operation ||
                ConstantStrings.IsPartOfLargerConstant(operation))
                return;
            AnalyzeComposite(context, operation, textMayHold);
        }

        // Whether the composite is a constant, which is reported whole.
        private bool AnalyzeComposite(SyntaxNodeAnalysisContext context, IOperation composite, bool textMayHold)
        {
            if (composite.IsImplicit || composite.Type?.SpecialType != SpecialType.System_String)
                return false;
            var constant = ConstantStrings.IsConstantComposition(composite);
            if (!constant && !textMayHold)
                return false;
            if (_keyIdentifiers?.AnalyzeComposite(composite) is { } identifier)
                context.ReportDiagnostic(identifier);
            if (constant && _atSinks?.AnalyzeComposite(composite, context.CancellationToken) is { } atSink)
                context.ReportDiagnostic(atSink);
            return constant;
        }

        private void AnalyzeParameterDefaults(SyntaxNodeAnalysisContext context)
        {
            _keyIdentifiers?.AnalyzeParameterDefaults(context);
            _atSinks?.AnalyzeParameterDefaults(context);
        }
    }
}
