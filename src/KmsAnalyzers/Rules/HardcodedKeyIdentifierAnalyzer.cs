using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Options;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers;

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
            start.RegisterOperationAction(
                state.Analyze,
                OperationKind.Literal, OperationKind.Binary, OperationKind.InterpolatedString, OperationKind.Utf8String);
        });
    }

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

        public void Analyze(OperationAnalysisContext context)
        {
            var operation = context.Operation;
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
                        AnalyzeInterpolationText(context, interpolated);
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
                    findings.Add(token, this, context);
            }

            Report(context, findings, wholeValue: findings.Count == 1 && findings.First.Length == value.Length);
        }

        // A string with non-constant holes is built at run time, but a whole key ARN in its text is still hard-coded.
        private void AnalyzeInterpolationText(OperationAnalysisContext context, IInterpolatedStringOperation interpolated)
        {
            Findings? findings = null;
            var parts = interpolated.Parts;
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i] is not IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } ||
                    !KmsIdentifiers.MayContainKeyIdentifier(text))
                    continue;
                var scanner = new KmsTokenScanner(text, openStart: i > 0, openEnd: i < parts.Length - 1);
                while (scanner.TryNext(out var token))
                    (findings ??= new Findings()).Add(token, this, context);
            }

            if (findings is not null)
                Report(context, findings, wholeValue: false);
        }

        private void Report(OperationAnalysisContext context, Findings findings, bool wholeValue)
        {
            var reported = findings.Arns.Count > 0 ? findings.Arns : findings.MultiRegionKeyIds;
            if (reported.Count == 0)
                return;

            // KMS0001 takes the whole expression: its fix also rewrites any separate mrk- id in it, so that a second
            // Fix All has nothing left to do.
            var tokens = findings.Arns.Count > 0 && findings.MultiRegionKeyIds.Count > 0 ? findings.All() : reported;

            var operation = context.Operation;
            var site = UseSite.Of(operation);
            var sinkSuffix = site.IsSink ? " and used as " + site.DisplayName : "";
            var properties = new FixProperties
            {
                KeyNames = Select(tokens, static t => FixProperties.NameOf(t)),
                Aliases = Select(tokens, t => ImmutableArray.Create(AliasMap.AliasesFor(t.KeyId))),
                WholeValue = wholeValue,
                AliasRejected = site.IsSink && !KnownSinks.AcceptsAliasName(site.Accepts),
            };

            if (tokens.Count == 1 && _options.DeriveAliasNames(operation.Syntax.SyntaxTree) && InitializedSymbolName(operation) is { } name &&
                AliasNames.Derive(name) is { } derived)
            {
                properties.DerivedAlias = derived;
                properties.DerivedFrom = name;
            }

            var first = reported[0];
            var diagnostic = first.Kind == KmsIdentifierKind.KeyArn
                ? Diagnostic.Create(Descriptors.HardcodedKeyArn, operation.Syntax.GetLocation(), properties.ToImmutable(),
                    first.Arn.Region, first.Arn.ResourceId, first.Arn.MaskedAccount, sinkSuffix)
                : Diagnostic.Create(Descriptors.RawMultiRegionKeyId, operation.Syntax.GetLocation(), properties.ToImmutable(),
                    first.Text, sinkSuffix);
            context.ReportDiagnostic(diagnostic);
        }

        internal bool SkipsDocumentationAccounts(OperationAnalysisContext context) => !_options.ReportDocumentationAccounts(context.Operation.Syntax.SyntaxTree);
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

        public void Add(KmsToken token, CompilationState state, OperationAnalysisContext context)
        {
            // Values copied from AWS documentation are examples, not keys, unless the user asks for them.
            if (token.IsDocumentationExample && state.SkipsDocumentationAccounts(context))
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

    /// <summary>The field, property, local or parameter whose initializer (or assignment) is this expression.</summary>
    internal static string? InitializedSymbolName(IOperation operation)
    {
        var current = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            current = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IFieldInitializerOperation { InitializedFields: { Length: > 0 } fields } => fields[0].Name,
            IPropertyInitializerOperation { InitializedProperties: { Length: > 0 } props } => props[0].Name,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
            IParameterInitializerOperation { Parameter: var parameter } => parameter.Name,
            // Only the user's own members name a key; SDK properties (KMSMasterKeyId) say nothing about its purpose.
            ISimpleAssignmentOperation { Value: var value, Target: IMemberReferenceOperation target } when value == current &&
                !target.Member.Locations.IsEmpty && target.Member.Locations[0].IsInSource => target.Member.Name,
            _ => null,
        };
    }

    private static ImmutableArray<T> Select<T>(List<KmsToken> tokens, Func<KmsToken, T> select)
    {
        var builder = ImmutableArray.CreateBuilder<T>(tokens.Count);
        foreach (var token in tokens)
            builder.Add(select(token));
        return builder.MoveToImmutable();
    }
}
