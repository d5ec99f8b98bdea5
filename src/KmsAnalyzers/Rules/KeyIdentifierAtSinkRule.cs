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
/// KMS0004 (hard-coded single-Region key id) and KMS0005 (Region-pinned alias ARN where an alias name would do), for one
/// compilation that references the AWS SDK; <see cref="KmsStringAnalyzer"/> hands it the literals and constant composites
/// it visits. Both are about a constant that is a KMS identifier only by where it goes, so the rule asks once, for each
/// candidate value, which SDK sinks it reaches (<see cref="SinkSearch"/>), and reports at the expression that produces
/// the value: the literal in a <c>const</c> initializer, not each use.
/// </summary>
internal sealed class KeyIdentifierAtSinkRule
{
    // The all-zero UUID is a placeholder, never a key.
    private const string NilUuid = "00000000-0000-0000-0000-000000000000";
    private const KeyForms KeyIdentifierForms = KeyForms.KeyId | KeyForms.KeyArn;

    // What an alias ARN holds, for a concatenation read term by term.
    private static readonly string[] CandidateFragments = { KmsIdentifiers.ArnPrefix, KmsIdentifiers.AliasResourceField };

    private readonly AnalyzerOptions _analyzerOptions;
    private readonly KmsOptionReader _options;
    private readonly SinkSearch _search;
    private readonly Lazy<bool> _hasSinkTypes;
    private AliasMap? _aliasMap;

    public KeyIdentifierAtSinkRule(Compilation compilation, AnalyzerOptions options)
    {
        _analyzerOptions = options;
        _options = new KmsOptionReader(options.AnalyzerConfigOptionsProvider);
        _search = new SinkSearch(compilation);
        // Asked at the first candidate value, when the compiler has bound the references (not at compilation start);
        // by each thread that meets it before the first answer is kept, rather than waiting for it (a wait is charged).
        var sdk = SdkReferences.Of(compilation);
        _hasSinkTypes = new Lazy<bool>(() => sdk.GetType(SdkNames.AmazonWebServiceRequest) is not null ||
            sdk.GetType(SdkNames.KmsKeyringInput) is not null || sdk.GetType(SdkNames.KeyStoreKmsConfiguration) is not null,
            LazyThreadSafetyMode.PublicationOnly);
    }

    private AliasMap AliasMap => LazyInitializer.EnsureInitialized(ref _aliasMap, () => AliasMap.FromAdditionalFiles(_analyzerOptions, CancellationToken.None))!;

    /// <summary>
    /// Whether a string literal whose token holds <paramref name="text"/> may be reported, asked before it is bound:
    /// only a key id or an alias ARN is followed to its sinks.
    /// </summary>
    public static bool MayReport(string text) => MayBeCandidate(text);

    /// <summary>A string literal that <see cref="MayReport"/>.</summary>
    public Diagnostic? AnalyzeLiteral(IOperation literal, CancellationToken cancellationToken) =>
        Analyze(literal, cancellationToken, fromHostVisit: true);

    public void AnalyzeParameterDefaults(SyntaxNodeAnalysisContext context)
    {
        foreach (var parameter in LambdaParameterDefaults.ParametersOf(context.Node))
        {
            // Bound only for a default that may be a constant and holds a candidate literal or a constant's name.
            if (parameter.Default is not { } initializer || !ConstantStrings.MayBeConstantString(initializer.Value) || !MayHoldCandidate(initializer.Value))
                continue;
            if (context.SemanticModel.GetOperation(initializer, context.CancellationToken) is IParameterInitializerOperation { Value: { } value } &&
                Analyze(value, context.CancellationToken, fromHostVisit: false) is { } diagnostic)
                context.ReportDiagnostic(diagnostic);
        }
    }

    private static bool MayHoldCandidate(ExpressionSyntax value)
    {
        foreach (var token in value.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
                (token.Value is string text && MayBeCandidate(text)))
                return true;
        }

        return false;
    }

    /// <summary>A string <c>+</c> or interpolation that may be a constant (the host's syntactic prefilter).</summary>
    public Diagnostic? AnalyzeComposite(IOperation composite, CancellationToken cancellationToken) =>
        Analyze(composite, cancellationToken, fromHostVisit: true);

    // The diagnostic, returned rather than reported through a delegate: making one per call boxes the context.
    // fromHostVisit: the host's visit of each literal and composite (the syntax visit of literals reaches the defaults
    // of local function and lambda parameters) must not report what AnalyzeParameterDefaults reports.
    private Diagnostic? Analyze(IOperation operation, CancellationToken cancellationToken, bool fromHostVisit)
    {
        // Implicit: a default parameter value at a call that leaves the argument out belongs to the parameter's declaration.
        if (operation.IsImplicit || operation.Type?.SpecialType != SpecialType.System_String ||
            ConstantStrings.IsPartOfLargerConstant(operation) ||
            (ConstantStrings.TryScanConstantConcatenation(operation, CandidateFragments, out var length, out var fragments) &&
             !MayBeCandidate(length, fragments == 0b11)) || // neither a key id nor an alias ARN: its value is not built
            operation.ConstantValue.Value is not string value)
            return null;

        // Ordinal prefilter on the text, before any symbol work: a UUID, or an ARN with an alias.
        var isKeyId = value.Length == 36 && value[8] == '-' && KmsIdentifiers.IsKeyId(value, 0, value.Length);
        KmsArn aliasArn = default;
        var isAliasArn = !isKeyId && value.StartsWith(KmsIdentifiers.ArnPrefix, StringComparison.Ordinal) &&
            value.IndexOf(KmsIdentifiers.AliasResourceField, StringComparison.Ordinal) > 0 && KmsIdentifiers.TryParseArn(value, out aliasArn) &&
            aliasArn.ResourceType == KmsResourceType.Alias;
        if ((!isKeyId && !isAliasArn) || !_hasSinkTypes.Value || (fromHostVisit && LambdaParameterDefaults.Contain(operation)))
            return null;
        if (ConstantStrings.IsConstantComposite(operation) && IsWhollyNamedConstant(operation, value.Length))
            return null; // $"{OrdersKeyId}": reported at OrdersKeyId's own initializer

        var tree = operation.Syntax.SyntaxTree;
        if (isKeyId)
        {
            if (string.Equals(value, NilUuid, StringComparison.Ordinal) ||
                (KmsIdentifiers.IsDocumentationKeyId(value, 0, value.Length) && !_options.ReportDocumentationAccounts(tree)))
                return null;
            return KeyIdDiagnostic(operation, value, _search.Find(operation, value, cancellationToken));
        }

        var alias = aliasArn.ResourceId;
        if (KmsIdentifiers.IsAwsManagedAlias(alias) || (aliasArn.HasDocumentationAccount && !_options.ReportDocumentationAccounts(tree)))
            return null;
        return AliasArnDiagnostic(operation, aliasArn, _search.Find(operation, value, cancellationToken));
    }

    /// <summary>
    /// Whether a constant read in pieces may be a candidate: a key id's length, or both <c>arn:</c> and <c>:alias/</c>.
    /// </summary>
    public static bool MayBeCandidate(int length, bool hasArnAndAlias) => length == KmsIdentifiers.UuidLength || hasArnAndAlias;

    // The literal's own text decides, before any binding (a string's ConstantValue builds a weak reference): a key
    // id, or an alias ARN. Other ARNs (S3, SNS …) and GUIDs of other shapes are the common case.
    private static bool MayBeCandidate(string text) =>
        (text.Length == 36 && text[8] == '-' && KmsIdentifiers.IsKeyId(text, 0, text.Length)) ||
        (text.StartsWith(KmsIdentifiers.ArnPrefix, StringComparison.Ordinal) && text.IndexOf(KmsIdentifiers.AliasResourceField, StringComparison.Ordinal) > 0);

    private Diagnostic? KeyIdDiagnostic(IOperation operation, string keyId, List<ReachedSink> sinks)
    {
        // The message names the first sink, or the first that takes no alias: that one decides the remedy.
        ReachedSink? first = null;
        ReachedSink? rejecting = null;
        foreach (var sink in sinks)
        {
            if ((sink.Accepts & KeyIdentifierForms) == 0)
                continue; // an alias-name parameter (CreateAlias aliasName) takes no key id
            first ??= sink;
            if (!KnownSinks.AcceptsAliasName(sink.Accepts))
                rejecting ??= sink;
        }

        if ((rejecting ?? first) is not { } reached)
            return null; // a UUID that never reaches a key sink is a correlation id, an object key, a test GUID …
        var aliasRejected = rejecting is not null;

        var properties = new FixProperties
        {
            KeyNames = ImmutableArray.Create(keyId),
            Aliases = ImmutableArray.Create(ImmutableArray.Create(AliasMap.AliasesFor(keyId))),
            WholeValue = true,
            AliasRejected = aliasRejected,
        };
        HardcodedKeyIdentifierRule.OfferDerivedAlias(properties, _options.DeriveAliasNames(operation.Syntax.SyntaxTree), operation);

        var remedy = aliasRejected
            ? "that member takes no alias, so resolve the key ARN per Region (DescribeKey with an alias) instead"
            : "refer to the key by an alias that KMS resolves in each Region";
        return Diagnostic.Create(Descriptors.HardcodedKeyId, operation.Syntax.GetLocation(), properties.ToImmutable(),
            keyId, reached.DisplayName, remedy);
    }

    // Only where every sink the value reaches takes an alias name: elsewhere the ARN form is needed, and it stays.
    private static Diagnostic? AliasArnDiagnostic(IOperation operation, KmsArn arn, List<ReachedSink> sinks)
    {
        if (sinks.Count == 0)
            return null;
        foreach (var sink in sinks)
        {
            if (!KnownSinks.AcceptsAliasName(sink.Accepts))
                return null;
        }

        // The alias name is all the fix needs; it is no secret (the ARN and its account never go into properties).
        var alias = arn.ResourceId;
        var properties = new FixProperties
        {
            KeyNames = ImmutableArray.Create(alias),
            Aliases = ImmutableArray.Create(ImmutableArray.Create(alias)),
            WholeValue = true,
        }.ToImmutable();
        return Diagnostic.Create(Descriptors.RegionPinnedAliasArn, operation.Syntax.GetLocation(), properties,
            arn.ResourceId, arn.Region, arn.MaskedAccount, sinks[0].DisplayName);
    }

    private static bool IsWhollyNamedConstant(IOperation composite, int length)
    {
        foreach (var segment in ConstantStrings.Segments(composite))
        {
            if (segment.IsNamedConstant && segment.Start == 0 && segment.Length == length)
                return true;
        }

        return false;
    }
}
