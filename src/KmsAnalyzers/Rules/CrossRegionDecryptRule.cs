using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KmsAnalyzers.Flow;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Options;
using KmsAnalyzers.Roslyn;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Rules;

/// <summary>
/// KMS0003: a decrypt call (Decrypt, ReEncrypt source side, Decapsulate) whose client Region and key or ciphertext
/// Region are both known at compile time and differ, or whose client is pinned outside the home Regions, for one
/// compilation that references the KMS SDK; <see cref="KmsCodeAnalyzer"/> registers it in every type whose code may
/// use the KMS client (<see cref="Register"/>).
/// Values come from the compilation's <see cref="ValueModel"/>: locals, fields, properties, constructors and factories
/// of this type and of the types it reads (definition direction, built on demand), resolved at the call, so the rule
/// runs live in the editor. Only in the types that may use the client: visiting every invocation of a compilation was
/// most of the rule's cost in the driver (docs/performance.md, session 15).
/// KMS0008 (<see cref="TypeState.AnalyzeKeyCall"/>): any other KMS call whose key ARN names another Region than its
/// client's. Both share one invocation action and the Region resolvers of the type.
/// The compilation-end pass (<see cref="Report"/>) takes the KMS calls whose live answer stopped at a parameter: who
/// passes a client or a Region in (call sites) and the KMS registrations for dependency injection are searched for
/// only then, and only when such a call exists.
/// </summary>
internal sealed partial class CrossRegionDecryptRule
{
    private readonly Lazy<KmsSymbols?> _kmsSymbols;
    private readonly ValueModel _model;
    private readonly SourceSearch _search;

    public CrossRegionDecryptRule(Compilation compilation)
    {
        // PublicationOnly: no callback waits while another thread looks the symbols up (the driver charges the wait).
        _kmsSymbols = new Lazy<KmsSymbols?>(() => KmsSymbols.TryCreate(compilation), LazyThreadSafetyMode.PublicationOnly);
        _model = ValueModel.For(compilation);
        _search = SourceSearch.For(compilation);
    }

    /// <summary>Calls whose live answer stopped at a parameter; <c>IsDecrypt</c>: KMS0003's question, else KMS0008's.</summary>
    private ConcurrentQueue<(TypeState Type, IInvocationOperation Call, bool IsDecrypt)> Pending { get; } = new();

    // Per type that makes KMS calls: its Region resolvers, whose answers per symbol the type's calls share.
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeState> _types = new(SymbolEqualityComparer.Default);

    // Per compilation, parsed at the first finding that names a key: the alias map is the same for every type.
    private AliasMap? _aliasMap;

    private AliasMap AliasMapOf(AnalyzerOptions options, CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _aliasMap, () => AliasMap.FromAdditionalFiles(options, cancellationToken))!;

    /// <summary>
    /// Registers the rule in one type whose code may use the KMS client (<see cref="SourceSearch.MayUseKmsClient"/>):
    /// its KMS calls are collected as the driver visits them and judged at the type's end. By then the driver has built
    /// the operations of every member, so the type's values are read from its trees; judged at the first call, the
    /// flow bound the rest of the type itself, and the driver charged that to this rule (3 ms of a 2,000-line document).
    /// </summary>
    public void Register(SymbolStartAnalysisContext typeStart)
    {
        var calls = new ConcurrentQueue<(INamedTypeSymbol Owner, IInvocationOperation Call)>();
        typeStart.RegisterOperationAction(context => Collect(context, calls), OperationKind.Invocation);
        typeStart.RegisterSymbolEndAction(end => AnalyzeCalls(end, calls));
    }

    private void Collect(OperationAnalysisContext context, ConcurrentQueue<(INamedTypeSymbol Owner, IInvocationOperation Call)> calls)
    {
        // The name first: nearly every invocation of a type is rejected on it. Then the client type by its metadata
        // name, so that another library's Encrypt or Sign never makes this callback look up (and bind) the SDK.
        var invocation = (IInvocationOperation)context.Operation;
        if (!KmsOperations.IsKeyOperation(invocation.TargetMethod.Name) || invocation.Arguments.Length == 0 ||
            !SymbolNames.IsOrInherits(invocation.TargetMethod.ContainingType, KnownSinks.KmsInterface) ||
            _kmsSymbols.Value is not { } kms || !kms.IsKmsClient(invocation.TargetMethod.ContainingType))
            return;
        if ((context.ContainingSymbol as INamedTypeSymbol ?? context.ContainingSymbol.ContainingType) is not { } owner)
            return;
        _search.OfferOperationModel(invocation); // the type's values are read with the driver's model
        calls.Enqueue((owner, invocation));
    }

    private void AnalyzeCalls(SymbolAnalysisContext end, ConcurrentQueue<(INamedTypeSymbol Owner, IInvocationOperation Call)> calls)
    {
        if (calls.IsEmpty || _kmsSymbols.Value is not { } kms)
            return;
        foreach (var (owner, invocation) in calls)
        {
            end.CancellationToken.ThrowIfCancellationRequested();
            var (decrypt, keyCall) = TypeOf(owner, kms).Analyze(invocation, end.Options, end.CancellationToken);
            if (decrypt is not null)
                end.ReportDiagnostic(decrypt);
            if (keyCall is not null)
                end.ReportDiagnostic(keyCall);
        }
    }

    private TypeState TypeOf(INamedTypeSymbol owner, KmsSymbols kms) =>
        _types.TryGetValue(owner, out var known) ? known : _types.GetOrAdd(owner, new TypeState(kms, this, _model));

    public void Report(CompilationAnalysisContext context)
    {
        if (Pending.IsEmpty || _kmsSymbols.Value is not { } kms)
            return;
        var registrations = KmsRegistrations.Find(kms, context.Compilation, context.CancellationToken);
        var injected = registrations.IsEmpty
            ? null
            : registrations.Region(_model, section => AwsSettings.Region(context.Options, section, context.CancellationToken));
        var resolver = new RegionResolver(_model.WithCallSites(new CallSites(context.Compilation, context.CancellationToken)), kms, injected);
        var pending = new List<(TypeState Type, IInvocationOperation Call, bool IsDecrypt)>(Pending);
        pending.Sort(static (a, b) =>
        {
            var byFile = string.CompareOrdinal(a.Call.Syntax.SyntaxTree.FilePath, b.Call.Syntax.SyntaxTree.FilePath);
            return byFile != 0 ? byFile : a.Call.Syntax.SpanStart != b.Call.Syntax.SpanStart
                ? a.Call.Syntax.SpanStart.CompareTo(b.Call.Syntax.SpanStart)
                : b.IsDecrypt.CompareTo(a.IsDecrypt);
        });
        foreach (var (type, call, isDecrypt) in pending)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var diagnostic = isDecrypt
                ? type.Analyze(call, resolver, context.Options, context.CancellationToken, Descriptors.CrossRegionDecryptAtBuild)
                : type.AnalyzeKeyCall(call, resolver, context.Options, context.CancellationToken, Descriptors.KeyInAnotherRegionAtBuild);
            if (diagnostic is not null)
                context.ReportDiagnostic(diagnostic);
        }
    }

    private sealed partial class TypeState
    {
        private readonly KmsSymbols _kms;
        private readonly CrossRegionDecryptRule _rule;
        private readonly ValueModel _model;

        // Region resolvers not in use. A resolver keeps answers and a call stack, so one call uses it at a time; the
        // driver runs the methods of a type on several threads, and a call that waited for another's resolver was
        // charged the wait (a third of KMS0003's own samples in a profile of the driver). There are at most as many
        // resolvers as threads that met the type at once, each keeping its answers for the next call.
        private readonly ConcurrentBag<RegionResolver> _idle = new();

        public TypeState(KmsSymbols kms, CrossRegionDecryptRule rule, ValueModel model)
        {
            _kms = kms;
            _rule = rule;
            _model = model;
        }

        /// <summary>
        /// A call of a KMS operation that takes a key: KMS0003 for a decrypt, KMS0008 for the others (ReEncrypt may have
        /// both). Returned rather than reported through a delegate: one made from the context boxes it at every call.
        /// </summary>
        public (Diagnostic? Decrypt, Diagnostic? KeyCall) Analyze(IInvocationOperation invocation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Diagnostic? decrypt = null, keyCall = null;
            var resolver = _idle.TryTake(out var idle) ? idle : new RegionResolver(_model, _kms);
            try
            {
                var name = invocation.TargetMethod.Name;
                // A call is kept for compilation end only when its answer stopped at a parameter: call sites and DI
                // registrations answer parameters, and nothing else changes there.
                if (KmsOperations.DecryptKeyProperty(name) is not null)
                {
                    var open = ValueModel.OpenParameters;
                    decrypt = Analyze(invocation, resolver, options, cancellationToken, Descriptors.CrossRegionDecrypt);
                    if (decrypt is null && ValueModel.OpenParameters != open)
                        _rule.Pending.Enqueue((this, invocation, true));
                }

                // ReEncrypt is both: its source key is KMS0003's, its destination key KMS0008's.
                if (KmsOperations.IsCrossRegionKeyOperation(name))
                {
                    var open = ValueModel.OpenParameters;
                    keyCall = AnalyzeKeyCall(invocation, resolver, options, cancellationToken, Descriptors.KeyInAnotherRegion);
                    if (keyCall is null && ValueModel.OpenParameters != open)
                        _rule.Pending.Enqueue((this, invocation, false));
                }
            }
            finally
            {
                _idle.Add(resolver);
            }

            return (decrypt, keyCall);
        }

        public Diagnostic? Analyze(
            IInvocationOperation invocation, RegionResolver resolver, AnalyzerOptions options, CancellationToken cancellationToken, DiagnosticDescriptor descriptor)
        {
            var client = resolver.ClientRegion(invocation.Instance);
            if (!client.IsKnown)
                return null;
            if (RequestArgument(invocation) is not { } request)
                return null;
            var keyProperty = KmsOperations.DecryptKeyProperty(invocation.TargetMethod.Name)!;
            var clientRegion = client.Region!;
            var locations = new List<Location>();
            var properties = new FixProperties
            {
                KeyProperty = keyProperty,
                // The fix edits the pin only where it is in this file (a client made in another class is fixed there).
                PinLocation = FixProperties.AddLocation(locations, client.Pin?.SyntaxTree == invocation.Syntax.SyntaxTree ? client.Pin : null),
            };

            string reason;
            if (resolver.RequestKeyRegion(request, keyProperty) is { } key && key.Region != clientRegion)
            {
                reason = "its key '" + key.Display + "' is in Region '" + key.Region + "'";
                if (FixProperties.NameOf(key.Identifier) is { } name)
                {
                    properties.KeyNames = ImmutableArray.Create(name);
                    properties.Aliases = ImmutableArray.Create(AliasesFor(key, options, cancellationToken));
                }

                properties.KeyValueLocation = FixProperties.AddLocation(locations, key.Value.Syntax);
                // KMS reads a symmetric key from the ciphertext for Decrypt and ReEncrypt; Decapsulate needs its KeyId.
                if (KeyIsOptional(invocation.TargetMethod.Name) &&
                    key.Value.Parent is ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation } member)
                    properties.KeyMemberLocation = FixProperties.AddLocation(locations, member.Syntax);
            }
            else if (resolver.CiphertextRegion(request) is { IsKnown: true } produced && produced.Region != clientRegion)
            {
                reason = "its ciphertext was encrypted by a client for Region '" + produced.Region + "'";
            }
            else if (HomeRegionsOption.Read(options, invocation.Syntax.SyntaxTree) is { Length: > 0 } homes && System.Array.IndexOf(homes, clientRegion) < 0)
            {
                reason = "that Region is not one of the home Regions (" + string.Join(", ", homes) + ")";
            }
            else
            {
                return null;
            }

            return Diagnostic.Create(descriptor, invocation.Syntax.GetLocation(), locations, properties.ToImmutable(),
                invocation.TargetMethod.Name, clientRegion, reason);
        }

        private ImmutableArray<string> AliasesFor(KeyArnRegion key, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            KmsIdentifiers.TryParseArn(key.Identifier, out var arn);
            if (arn.ResourceType == KmsResourceType.Alias)
                return ImmutableArray.Create(arn.ResourceId); // an alias ARN already names the alias: keep the name, drop the Region
            return ImmutableArray.Create(_rule.AliasMapOf(options, cancellationToken).AliasesFor(arn.ResourceId));
        }
    }

    private static bool KeyIsOptional(string methodName) => !methodName.StartsWith("Decapsulate", System.StringComparison.Ordinal);

    // The request is the first parameter; named arguments may come in any order.
    private static IOperation? RequestArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
                return argument.Value;
        }

        return null;
    }
}
