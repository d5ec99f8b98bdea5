using System.Collections.Immutable;
using KmsAnalyzers.Roslyn;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Rules;

/// <summary>
/// KMS0010 (disabled by default): a multi-Region key is created. AWS CDK: <c>MultiRegion = true</c> on a
/// <c>CfnKey</c>, <c>CfnKeyProps</c> or (CDK 2.2xx) L2 <c>KeyProps</c>, and every <c>new CfnReplicaKey</c>. AWS SDK:
/// <c>MultiRegion = true</c> on a <c>CreateKeyRequest</c>, and every <c>ReplicateKey</c>/<c>ReplicateKeyAsync</c> call.
/// The flag counts when it is constant <c>true</c> (a literal, a const, or a local only ever set to <c>true</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MultiRegionKeyCreationAnalyzer : DiagnosticAnalyzer
{
    private const string MultiRegion = SdkNames.MultiRegion;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MultiRegionKeyCreated);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            var compilation = start.Compilation;
            var references = SdkReferences.Of(compilation);
            if (!references.MayHaveCdk && !references.MayHaveAwsSdk)
                return;
            // Off by default, so the driver does not run it; where it is on, it asks for its types here, as it decides
            // which actions to register.
            INamedTypeSymbol? Cdk(string name) => references.MayHaveCdk ? references.GetType(name) : null;
            INamedTypeSymbol? Aws(string name) => references.MayHaveAwsSdk ? references.GetType(name) : null;
            var symbols = new Symbols(
                cfnKey: Cdk(SdkNames.CfnKey),
                cfnKeyProps: Cdk(SdkNames.CfnKeyProps),
                cfnReplicaKey: Cdk(SdkNames.CfnReplicaKey),
                key: Cdk(SdkNames.L2Key),
                keyProps: Cdk(SdkNames.L2KeyProps),
                createKeyRequest: Aws(SdkNames.CreateKeyRequest),
                kmsInterface: Aws(KnownSinks.KmsInterface));
            if (symbols.HasFlagTypes)
                start.RegisterOperationAction(symbols.AnalyzeAssignment, OperationKind.SimpleAssignment);
            if (symbols.CfnReplicaKey is not null)
                start.RegisterOperationAction(symbols.AnalyzeCreation, OperationKind.ObjectCreation);
            if (symbols.KmsInterface is not null)
                start.RegisterOperationAction(symbols.AnalyzeInvocation, OperationKind.Invocation);
            // Neither the CDK's KMS constructs nor the KMS SDK: nothing registered, nothing to pay.
        });
    }

    /// <summary>The CDK and SDK types, resolved once per compilation; any of them may be absent.</summary>
    private sealed class Symbols
    {
        private readonly INamedTypeSymbol? _cfnKey;
        private readonly INamedTypeSymbol? _cfnKeyProps;
        private readonly INamedTypeSymbol? _key;
        private readonly INamedTypeSymbol? _keyProps;
        private readonly INamedTypeSymbol? _createKeyRequest;

        public Symbols(INamedTypeSymbol? cfnKey, INamedTypeSymbol? cfnKeyProps, INamedTypeSymbol? cfnReplicaKey, INamedTypeSymbol? key,
            INamedTypeSymbol? keyProps, INamedTypeSymbol? createKeyRequest, INamedTypeSymbol? kmsInterface)
        {
            _cfnKey = cfnKey;
            _cfnKeyProps = cfnKeyProps;
            CfnReplicaKey = cfnReplicaKey;
            _key = key;
            _keyProps = keyProps;
            _createKeyRequest = createKeyRequest;
            KmsInterface = kmsInterface;
        }

        public INamedTypeSymbol? CfnReplicaKey { get; }
        public INamedTypeSymbol? KmsInterface { get; }
        public bool HasFlagTypes => _cfnKey is not null || _cfnKeyProps is not null || _keyProps is not null || _createKeyRequest is not null;

        // target.MultiRegion = true, in an object initializer or as a statement.
        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: MultiRegion } property } ||
                !IsFlagOwner(property.ContainingType) || !IsConstantTrue(assignment.Value))
                return;

            if (assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation })
            {
                // Props written inline into a key's constructor: the key is what was created, with its construct id.
                var reported = KeyCreatedWith(creation) ?? creation;
                Report(context, reported, "new " + reported.Type!.Name + ConstructId(reported) + " with MultiRegion = true");
            }
            else
            {
                Report(context, assignment, property.ContainingType.Name + ".MultiRegion = true");
            }
        }

        // Every replica of a multi-Region key is a multi-Region key.
        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (InheritsFrom(creation.Type, CfnReplicaKey))
                Report(context, creation, "new " + creation.Type!.Name + ConstructId(creation));
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (SdkNames.OperationName(method.Name) != SdkNames.ReplicateKey || !IsKmsClient(method.ContainingType))
                return;
            Report(context, invocation, method.Name);
        }

        private static void Report(OperationAnalysisContext context, IOperation at, string what) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MultiRegionKeyCreated, at.Syntax.GetLocation(), what));

        private bool IsFlagOwner(INamedTypeSymbol type) =>
            Is(type, _cfnKey) || Is(type, _cfnKeyProps) || Is(type, _keyProps) || Is(type, _createKeyRequest);

        /// <summary>The <c>new CfnKey(scope, id, props)</c> or <c>new Key(…)</c> whose argument is <paramref name="props"/>.</summary>
        private IObjectCreationOperation? KeyCreatedWith(IObjectCreationOperation props)
        {
            if (!Is(props.Type, _cfnKeyProps) && !Is(props.Type, _keyProps))
                return null;
            return Conversions.Outermost(props).Parent is IArgumentOperation { Parent: IObjectCreationOperation key } &&
                (InheritsFrom(key.Type, _cfnKey) || InheritsFrom(key.Type, _key))
                ? key
                : null;
        }

        private bool IsKmsClient(INamedTypeSymbol type)
        {
            if (Is(type, KmsInterface))
                return true;
            foreach (var implemented in type.AllInterfaces)
            {
                if (Is(implemented, KmsInterface))
                    return true;
            }

            return false;
        }

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

        private static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            for (var t = type; t is not null && expected is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, expected))
                    return true;
            }

            return false;
        }
    }

    /// <summary><c> 'id'</c> when the construct id (second constructor argument) is a constant, else nothing.</summary>
    private static string ConstructId(IObjectCreationOperation creation) =>
        creation.Arguments.Length > 1 && Conversions.Strip(creation.Arguments[1].Value).ConstantValue.Value is string id ? " '" + id + "'" : "";

    /// <summary>
    /// Constant <c>true</c>: a literal or const (through boxing and <c>bool?</c>), or a local of the same body whose
    /// every write is constant <c>true</c>. Anything else (parameters, fields, conditions) is unknown: silent.
    /// </summary>
    private static bool IsConstantTrue(IOperation value)
    {
        value = Conversions.Strip(value);
        if (value.ConstantValue.HasValue)
            return value.ConstantValue.Value is true;
        if (value is not ILocalReferenceOperation { Local: var local })
            return false;

        var root = value;
        while (root.Parent is { } parent)
            root = parent;
        var written = false;
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer is { } initializer)
                    {
                        if (Conversions.Strip(initializer.Value).ConstantValue.Value is not true)
                            return false;
                        written = true;
                    }

                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && reference != value:
                    switch (reference.Parent)
                    {
                        case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                            if (Conversions.Strip(assignment.Value).ConstantValue.Value is not true)
                                return false;
                            written = true;
                            break;
                        case IAssignmentOperation assignment when assignment.Target == reference:
                        case IIncrementOrDecrementOperation:
                        case IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In }:
                        case ITupleOperation:
                        case IDeclarationExpressionOperation:
                            return false; // compound, out/ref, deconstruction: not provably true
                    }

                    break;
            }
        }

        return written;
    }
}
