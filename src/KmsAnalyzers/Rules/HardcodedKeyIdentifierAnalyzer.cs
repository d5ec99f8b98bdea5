using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Options;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Rules;

/// <summary>
/// KMS0001 (hard-coded key ARN) and KMS0002 (raw multi-Region key ID) in every constant string expression.
/// One analyzer serves both rules because they split one finding: an expression whose value holds a key ARN is
/// KMS0001 only, and a string is scanned once for both.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedKeyIdentifierAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.HardcodedKeyArn, Descriptors.RawMultiRegionKeyId);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var state = new CompilationState(start.Options);
            // Syntax kinds, not operation kinds: the driver then calls us for string literals only (not every number,
            // null and bool), for + only among the binary operators, and the token text rejects nearly all before binding.
            start.RegisterSyntaxNodeAction(state.Analyze, StringExpressionKinds);
        });
    }

    /// <summary>The syntax that can hold a constant string: literals, interpolations and concatenations.</summary>
    internal static readonly ImmutableArray<SyntaxKind> StringExpressionKinds = ImmutableArray.Create(
        SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringExpression, SyntaxKind.AddExpression);

    private sealed class CompilationState
    {
        private readonly AnalyzerOptions _analyzerOptions;
        private readonly KmsOptionReader _options;
        private AliasMap? _aliasMap;

        public CompilationState(AnalyzerOptions options)
        {
            _analyzerOptions = options;
            _options = new KmsOptionReader(options.AnalyzerConfigOptionsProvider);
        }

        // Parsed on first finding only: most compilations never need it.
        private AliasMap AliasMap => LazyInitializer.EnsureInitialized(ref _aliasMap, () => AliasMap.FromAdditionalFiles(_analyzerOptions, CancellationToken.None))!;

        public void Analyze(SyntaxNodeAnalysisContext context)
        {
            if (!MayHoldKeyIdentifier(context.Node) ||
                context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not { } operation)
                return;
            Analyze(operation, context.ReportDiagnostic);
        }

        private void Analyze(IOperation operation, Action<Diagnostic> report)
        {
            // Implicit: the default value that the compiler passes at a call leaving the argument out, located at the
            // call; the default is reported once where it is written.
            if (operation.IsImplicit)
                return;
            while (operation is IConversionOperation { Operand: var operand })
                operation = operand;
            if (operation.Kind != OperationKind.Utf8String && operation.Type?.SpecialType != SpecialType.System_String)
                return; // numbers, bools, arithmetic: the common case, rejected on the type alone
            if (ConstantStrings.IsPartOfLargerConstant(operation))
                return; // before this operation's value is built
            string? value;
            switch (operation)
            {
                case ILiteralOperation:
                case IBinaryOperation:
                    value = operation.ConstantValue.Value as string;
                    break;
                case IUtf8StringOperation utf8:
                    value = utf8.Value;
                    break;
                case IInterpolatedStringOperation interpolated:
                    value = operation.ConstantValue.Value as string;
                    if (value is null)
                    {
                        AnalyzeInterpolationText(operation, interpolated, report);
                        return;
                    }

                    break;
                default:
                    return;
            }

            if (value is null || !KmsIdentifiers.MayContainKeyIdentifier(value))
                return;

            var segments = ConstantStrings.IsConstantComposite(operation) ? ConstantStrings.Segments(operation) : null;
            var findings = new Findings();
            var scanner = new KmsTokenScanner(value);
            while (scanner.TryNext(out var token))
            {
                if (segments is null || !ConstantStrings.IsInsideNamedConstant(segments, token.Start, token.End))
                    findings.Add(token, this, operation);
            }

            Report(operation, report, findings, wholeValue: findings.Count == 1 && findings.First.Length == value.Length);
        }

        /// <summary>
        /// The cheap test every string literal, interpolation and <c>+</c> of the compilation goes through first, on the
        /// literal token's text (reading a string's <c>ConstantValue</c> builds a weak reference): an interpolation with a
        /// hole and a concatenation may fold constants from elsewhere, so only their binding can tell.
        /// </summary>
        internal static bool MayHoldKeyIdentifier(SyntaxNode node) => node is not LiteralExpressionSyntax literal ||
            KmsIdentifiers.MayContainKeyIdentifier(literal.Token.ValueText);

        // A string with non-constant holes is built at run time, but a whole key ARN in its text is still hard-coded.
        private void AnalyzeInterpolationText(IOperation operation, IInterpolatedStringOperation interpolated, Action<Diagnostic> report)
        {
            if (!AnyTextMayHoldKeyIdentifier(operation.Syntax))
                return;
            Findings? findings = null;
            var parts = interpolated.Parts;
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i] is not IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } ||
                    !KmsIdentifiers.MayContainKeyIdentifier(text))
                    continue;
                var scanner = new KmsTokenScanner(text, openStart: i > 0, openEnd: i < parts.Length - 1);
                while (scanner.TryNext(out var token))
                    (findings ??= new Findings()).Add(token, this, operation);
            }

            if (findings is not null)
                Report(operation, report, findings, wholeValue: false);
        }

        // The texts of an interpolated string as its syntax holds them: most interpolations are log lines and URLs.
        private static bool AnyTextMayHoldKeyIdentifier(SyntaxNode syntax)
        {
            if (syntax is not InterpolatedStringExpressionSyntax interpolated)
                return true;
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax text && KmsIdentifiers.MayContainKeyIdentifier(text.TextToken.ValueText))
                    return true;
            }

            return false;
        }

        private void Report(IOperation operation, Action<Diagnostic> report, Findings findings, bool wholeValue)
        {
            var reported = findings.Arns.Count > 0 ? findings.Arns : findings.MultiRegionKeyIds;
            if (reported.Count == 0)
                return;

            // KMS0001 takes the whole expression: its fix also rewrites any separate mrk- id in it, so that a second
            // Fix All has nothing left to do.
            var tokens = findings.Arns.Count > 0 && findings.MultiRegionKeyIds.Count > 0 ? findings.All() : reported;

            var site = UseSite.Of(operation);
            var sinkSuffix = site.IsSink ? " and used as " + site.DisplayName : "";
            var properties = new FixProperties
            {
                KeyNames = Select(tokens, static t => FixProperties.NameOf(t)),
                Aliases = Select(tokens, t => ImmutableArray.Create(AliasMap.AliasesFor(t.KeyId))),
                WholeValue = wholeValue,
                AliasRejected = site.IsSink && !KnownSinks.AcceptsAliasName(site.Accepts),
            };

            if (tokens.Count == 1)
                OfferDerivedAlias(properties, _options.DeriveAliasNames(operation.Syntax.SyntaxTree), operation);

            var first = reported[0];
            var diagnostic = first.Kind == KmsIdentifierKind.KeyArn
                ? Diagnostic.Create(Descriptors.HardcodedKeyArn, operation.Syntax.GetLocation(), properties.ToImmutable(),
                    first.Arn.Region, first.Arn.ResourceId, first.Arn.MaskedAccount, sinkSuffix)
                : Diagnostic.Create(Descriptors.RawMultiRegionKeyId, operation.Syntax.GetLocation(), properties.ToImmutable(),
                    first.Text, sinkSuffix);
            report(diagnostic);
        }

        internal bool SkipsDocumentationAccounts(IOperation operation) => !_options.ReportDocumentationAccounts(operation.Syntax.SyntaxTree);
    }

    /// <summary>The key ARNs and multi-Region key ids found in one expression, in order.</summary>
    private sealed class Findings
    {
        public List<KmsToken> Arns { get; } = new();
        public List<KmsToken> MultiRegionKeyIds { get; } = new();
        public int Count => Arns.Count + MultiRegionKeyIds.Count;
        public KmsToken First => Arns.Count > 0 ? Arns[0] : MultiRegionKeyIds[0];

        public List<KmsToken> All()
        {
            var all = new List<KmsToken>(Arns);
            all.AddRange(MultiRegionKeyIds);
            return all;
        }

        public void Add(KmsToken token, CompilationState state, IOperation operation)
        {
            // Values copied from AWS documentation are examples, not keys, unless the user asks for them.
            if (token.IsDocumentationExample && state.SkipsDocumentationAccounts(operation))
                return;
            switch (token.Kind)
            {
                case KmsIdentifierKind.KeyArn:
                    Arns.Add(token);
                    break;
                case KmsIdentifierKind.MultiRegionKeyId:
                    MultiRegionKeyIds.Add(token);
                    break;
            }
        }
    }

    /// <summary>
    /// Offers the alias derived from the name of the symbol that <paramref name="value"/> initializes, unless the user
    /// turned derived aliases off; with <see cref="DeriveAliasMode.Preferred"/> it is also the bulk fix's choice.
    /// </summary>
    internal static void OfferDerivedAlias(FixProperties properties, DeriveAliasMode mode, IOperation value)
    {
        if (mode == DeriveAliasMode.Off || InitializedSymbols.UserNameOf(value) is not { } name || AliasNames.Derive(name) is not { } derived)
            return;
        properties.DerivedAlias = derived;
        properties.DerivedFrom = name;
        properties.DerivedAliasPreferred = mode == DeriveAliasMode.Preferred;
    }

    private static ImmutableArray<T> Select<T>(List<KmsToken> tokens, Func<KmsToken, T> select)
    {
        var builder = ImmutableArray.CreateBuilder<T>(tokens.Count);
        foreach (var token in tokens)
            builder.Add(select(token));
        return builder.MoveToImmutable();
    }
}
