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
/// KMS0003: a decrypt call (Decrypt, ReEncrypt source side, Decapsulate) whose client Region and key or ciphertext
/// Region are both known at compile time and differ, or whose client is pinned outside the home Regions.
/// KMS0008 (<see cref="TypeState.AnalyzeKeyCall"/>): any other KMS call whose key ARN names another Region than its
/// client's. Both rules share one collection pass of a type's KMS calls and one Region resolution.
/// Values are traced over one type (locals, fields, properties, constructors, all partial parts), collected by
/// operation callbacks and resolved at the end of the type, so the rule still runs live in the editor.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class CrossRegionDecryptAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CrossRegionDecrypt, Descriptors.KeyInAnotherRegion);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KmsSymbols.TryCreate(start.Compilation) is not { } kms)
                return; // no KMS SDK referenced: nothing to trace, nothing to pay
            var options = start.Options;
            start.RegisterSymbolStartAction(symbolStart =>
            {
                var type = new TypeState(kms);
                symbolStart.RegisterOperationAction(type.Collect,
                    OperationKind.VariableDeclarator, OperationKind.FieldInitializer, OperationKind.PropertyInitializer,
                    OperationKind.SimpleAssignment, OperationKind.Return, OperationKind.Invocation);
                symbolStart.RegisterSymbolEndAction(end => type.Report(end, options));
            }, SymbolKind.NamedType);
        });
    }

    private sealed partial class TypeState
    {
        private readonly KmsSymbols _kms;

        // Calls of KMS operations that take a key (KMS0003's decrypts and KMS0008's other operations).
        private readonly List<IInvocationOperation> _calls = new();

        // Writes are only kept here and traced at the end, and only when the type has a KMS call with a key: most types
        // have none, and judging every write's type on the spot would cost every type of the code base.
        private readonly List<(IOperation Write, ISymbol Owner)> _writes = new();
        private AliasMap? _aliasMap;

        public TypeState(KmsSymbols kms) => _kms = kms;

        public void Collect(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                case IInvocationOperation invocation:
                    if (KmsOperations.IsKeyOperation(invocation.TargetMethod.Name) && invocation.Arguments.Length > 0 &&
                        _kms.IsKmsClient(invocation.TargetMethod.ContainingType))
                    {
                        lock (_calls)
                            _calls.Add(invocation);
                    }

                    break;
                case IReturnOperation when context.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.PropertyGet }:
                    break;
                default:
                    lock (_writes)
                        _writes.Add((context.Operation, context.ContainingSymbol));
                    break;
            }
        }

        public void Report(SymbolAnalysisContext context, AnalyzerOptions options)
        {
            if (_calls.Count == 0)
                return;
            var flow = new TypeValueFlow(_kms.IsOfInterest, _kms.IsModel);
            foreach (var (write, owner) in _writes)
            {
                if (flow.RecordWrite(write))
                    continue;
                // IAmazonKeyManagementService Client => new …(RegionEndpoint.X);
                if (write is IReturnOperation { ReturnedValue: { } value } && owner is IMethodSymbol { AssociatedSymbol: IPropertySymbol property })
                    flow.Record(property, property.Type, value);
            }

            var resolver = new RegionResolver(flow, _kms);
            foreach (var invocation in _calls)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var name = invocation.TargetMethod.Name;
                if (KmsOperations.DecryptKeyProperty(name) is not null &&
                    Analyze(invocation, resolver, options, context.CancellationToken) is { } diagnostic)
                    context.ReportDiagnostic(diagnostic);
                // ReEncrypt is both: its source key is KMS0003's, its destination key KMS0008's.
                if (KmsOperations.IsCrossRegionKeyOperation(name) &&
                    AnalyzeKeyCall(invocation, resolver, options, context.CancellationToken) is { } keyDiagnostic)
                    context.ReportDiagnostic(keyDiagnostic);
            }
        }

        private Diagnostic? Analyze(IInvocationOperation invocation, RegionResolver resolver, AnalyzerOptions options, CancellationToken cancellationToken)
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
                PinLocation = FixProperties.AddLocation(locations, client.Pin),
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
            else if (HomeRegions.Read(options, invocation.Syntax.SyntaxTree) is { Length: > 0 } homes && System.Array.IndexOf(homes, clientRegion) < 0)
            {
                reason = "that Region is not one of the home Regions (" + string.Join(", ", homes) + ")";
            }
            else
            {
                return null;
            }

            return Diagnostic.Create(Descriptors.CrossRegionDecrypt, invocation.Syntax.GetLocation(), locations, properties.ToImmutable(),
                invocation.TargetMethod.Name, clientRegion, reason);
        }

        private ImmutableArray<string> AliasesFor(KeyRegion key, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            KmsIdentifiers.TryParseArn(key.Identifier, out var arn);
            if (arn.ResourceType == KmsResourceType.Alias)
                return ImmutableArray.Create(arn.ResourceId); // an alias ARN already names the alias: keep the name, drop the Region
            var map = LazyInitializer.EnsureInitialized(ref _aliasMap, () => AliasMap.FromAdditionalFiles(options, cancellationToken))!;
            return ImmutableArray.Create(map.AliasesFor(arn.ResourceId));
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
