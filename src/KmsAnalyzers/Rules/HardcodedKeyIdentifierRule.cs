using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Options;
using KmsAnalyzers.Roslyn;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Rules;

/// <summary>
/// KMS0001 (hard-coded key ARN) and KMS0002 (raw multi-Region key ID) in every constant string expression, for one
/// compilation; <see cref="KmsStringAnalyzer"/> hands it the literals and composites it visits. One rule class serves
/// both ids because they split one finding: an expression whose value holds a key ARN is KMS0001 only, and a string is
/// scanned once for both.
/// </summary>
internal sealed class HardcodedKeyIdentifierRule
{
    private readonly AnalyzerOptions _analyzerOptions;
    private readonly KmsOptionReader _options;
    private AliasMap? _aliasMap;

    public HardcodedKeyIdentifierRule(AnalyzerOptions options)
    {
        _analyzerOptions = options;
        _options = new KmsOptionReader(options.AnalyzerConfigOptionsProvider);
    }

    // Parsed on first finding only: most compilations never need it.
    private AliasMap AliasMap => LazyInitializer.EnsureInitialized(ref _aliasMap, () => AliasMap.FromAdditionalFiles(_analyzerOptions, CancellationToken.None))!;

    /// <summary>Whether a string literal whose token holds <paramref name="text"/> may be reported: asked before it is bound.</summary>
    public static bool MayReport(string text) => KmsIdentifiers.MayContainKeyIdentifier(text);

    /// <summary>A string literal that <see cref="MayReport"/>.</summary>
    public Diagnostic? AnalyzeLiteral(IOperation literal) => Analyze(literal, fromHostVisit: true);

    /// <summary>A string <c>+</c> or interpolation that passed the host's syntactic prefilter.</summary>
    public Diagnostic? AnalyzeComposite(IOperation composite) => Analyze(composite, fromHostVisit: true);

    public void AnalyzeParameterDefaults(SyntaxNodeAnalysisContext context)
    {
        foreach (var parameter in LambdaParameterDefaults.ParametersOf(context.Node))
        {
            // A plain literal default is the literal action's; binding happens only for a default that may fold one.
            if (parameter.Default is not { } initializer || !MayFoldKeyIdentifier(initializer.Value))
                continue;
            if (context.SemanticModel.GetOperation(initializer, context.CancellationToken) is IParameterInitializerOperation { Value: { } value } &&
                Analyze(value, fromHostVisit: false) is { } diagnostic)
                context.ReportDiagnostic(diagnostic);
        }
    }

    private static bool MayFoldKeyIdentifier(ExpressionSyntax value)
    {
        foreach (var token in value.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) ||
                (token.Value is string text && KmsIdentifiers.MayContainKeyIdentifier(text)) ||
                token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                return true; // a constant's name, a key-like literal, or interpolation text: let the operation decide
        }

        return false;
    }

    // The diagnostic, returned rather than reported through a delegate: making one per call boxes the context.
    // fromHostVisit: the host's visit of each literal and composite (the syntax visit of literals reaches the defaults
    // of local function and lambda parameters) must not report what AnalyzeParameterDefaults reports.
    private Diagnostic? Analyze(IOperation operation, bool fromHostVisit)
    {
        // Implicit: the default value that the compiler passes at a call leaving the argument out, located at the
        // call; the default is reported once where it is written.
        if (operation.IsImplicit)
            return null;
        operation = Conversions.Strip(operation);
        if (operation.Kind != OperationKind.Utf8String && operation.Type?.SpecialType != SpecialType.System_String)
            return null; // numbers, bools, arithmetic: the common case, rejected on the type alone
        if (ConstantStrings.IsPartOfLargerConstant(operation))
            return null; // before this operation's value is built
        string? value;
        switch (operation)
        {
            case ILiteralOperation:
                value = operation.ConstantValue.Value as string;
                break;
            case IBinaryOperation:
                // A constant concatenation's value is built only when its terms may compose a key identifier.
                if (ConstantStrings.TryScanConstantConcatenation(operation, KmsIdentifiers.KeyIdentifierFragments, out var length, out var fragments) &&
                    !KmsIdentifiers.MayContainKeyIdentifier(length, fragments))
                    return null;
                value = operation.ConstantValue.Value as string;
                break;
            case IUtf8StringOperation utf8:
                value = utf8.Value;
                break;
            case IInterpolatedStringOperation interpolated:
                value = operation.ConstantValue.Value as string;
                if (value is null)
                    return AnalyzeInterpolationText(operation, interpolated, fromHostVisit);
                break;
            default:
                return null;
        }

        if (value is null || !KmsIdentifiers.MayContainKeyIdentifier(value))
            return null;

        var segments = ConstantStrings.IsConstantComposite(operation) ? ConstantStrings.Segments(operation) : null;
        var findings = new Findings();
        var scanner = new KmsTokenScanner(value);
        while (scanner.TryNext(out var token))
        {
            if (segments is null || !ConstantStrings.IsInsideNamedConstant(segments, token.Start, token.End))
                findings.Add(token, this, operation);
        }

        return Create(operation, fromHostVisit, findings, wholeValue: findings.Count == 1 && findings.First.Length == value.Length);
    }

    // A string with non-constant holes is built at run time, but a whole key ARN in its text is still hard-coded.
    private Diagnostic? AnalyzeInterpolationText(IOperation operation, IInterpolatedStringOperation interpolated, bool fromHostVisit)
    {
        if (!AnyTextMayHoldKeyIdentifier(operation.Syntax))
            return null;
        Findings? findings = null;
        var parts = interpolated.Parts;
        for (var i = 0; i < parts.Length; i++)
        {
            if (TextOf(parts[i]) is not { } text || !KmsIdentifiers.MayContainKeyIdentifier(text))
                continue;
            var scanner = new KmsTokenScanner(text, openStart: i > 0, openEnd: i < parts.Length - 1);
            while (scanner.TryNext(out var token))
                (findings ??= new Findings()).Add(token, this, operation);
        }

        return findings is null ? null : Create(operation, fromHostVisit, findings, wholeValue: false);
    }

    // The text of an interpolated string, or given to an interpolated string handler (StringBuilder.Append($"…"),
    // a logger's handler) as the argument of its AppendLiteral.
    private static string? TextOf(IOperation part) => part switch
    {
        IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } => text,
        IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendLiteral, AppendCall: IInvocationOperation { Arguments: { Length: 1 } arguments } } when arguments[0].Value.ConstantValue.Value is string text => text,
        _ => null,
    };

    // The texts of an interpolated string as its syntax holds them: most interpolations are log lines and URLs.
    public static bool AnyTextMayHoldKeyIdentifier(SyntaxNode syntax)
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

    private Diagnostic? Create(IOperation operation, bool fromHostVisit, Findings findings, bool wholeValue)
    {
        var reported = findings.Arns.Count > 0 ? findings.Arns : findings.MultiRegionKeyIds;
        if (reported.Count == 0 || (fromHostVisit && LambdaParameterDefaults.Contain(operation)))
            return null;

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
        return first.Kind == KmsIdentifierKind.KeyArn
            ? Diagnostic.Create(Descriptors.HardcodedKeyArn, operation.Syntax.GetLocation(), properties.ToImmutable(),
                first.Arn.Region, first.Arn.ResourceId, first.Arn.MaskedAccount, sinkSuffix)
            : Diagnostic.Create(Descriptors.RawMultiRegionKeyId, operation.Syntax.GetLocation(), properties.ToImmutable(),
                first.Text, sinkSuffix);
    }

    internal bool SkipsDocumentationAccounts(IOperation operation) => !_options.ReportDocumentationAccounts(operation.Syntax.SyntaxTree);

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

        public void Add(KmsToken token, HardcodedKeyIdentifierRule rule, IOperation operation)
        {
            // Values copied from AWS documentation are examples, not keys, unless the user asks for them.
            if (token.IsDocumentationExample && rule.SkipsDocumentationAccounts(operation))
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
