using System;
using System.Collections.Generic;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>
/// The KMS keys one type defines with the AWS CDK (<c>new CfnKey(…)</c>, <c>new CfnReplicaKey(…)</c>) and the values
/// their properties trace to: the primary behind a replica's <c>PrimaryKeyArn</c>, whether a key is multi-Region,
/// its <c>KeyPolicy</c>. Shared by KMS0006 and KMS0007; filled by operation callbacks, read at the type's end.
/// </summary>
internal sealed class CdkKeyFlow
{
    private const int MaxDepth = 8;
    private readonly CdkSymbols _cdk;
    private readonly List<IObjectCreationOperation> _keys = new();
    private readonly List<IObjectCreationOperation> _replicas = new();

    /// <summary>
    /// Registers (after the analyzer's own concurrency and generated-code settings), per named type, the collection of its CDK keys and values, and <paramref name="report"/> at the type's
    /// end. Nothing is registered when the compilation does not reference the CDK's KMS constructs.
    /// </summary>
    public static void Register(AnalysisContext context, Action<SymbolAnalysisContext, CdkKeyFlow> report)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (CdkSymbols.TryCreate(start.Compilation) is not { } cdk)
                return;
            start.RegisterSymbolStartAction(symbolStart =>
            {
                var flow = new CdkKeyFlow(cdk);
                symbolStart.RegisterOperationAction(flow.Collect,
                    OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.VariableDeclarator,
                    OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.Return, OperationKind.Invocation);
                symbolStart.RegisterSymbolEndAction(end =>
                {
                    flow.SortBySource();
                    report(end, flow);
                });
            }, SymbolKind.NamedType);
        });
    }

    public CdkKeyFlow(CdkSymbols cdk)
    {
        _cdk = cdk;
        // Infrastructure code is small and its policies are built from any kind of value: keep every assignment.
        Values = new TypeValueFlow(static (_, _) => true, static _ => true);
    }

    public TypeValueFlow Values { get; }

    public IReadOnlyList<IObjectCreationOperation> Keys => _keys;
    public IReadOnlyList<IObjectCreationOperation> Replicas => _replicas;

    public void Collect(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IObjectCreationOperation creation when _cdk.IsKey(creation.Type):
                lock (_keys)
                    _keys.Add(creation);
                break;
            case IObjectCreationOperation creation when _cdk.IsReplica(creation.Type):
                lock (_replicas)
                    _replicas.Add(creation);
                break;
            case IInvocationOperation invocation:
                Values.RecordCall(invocation);
                break;
            case var write when Values.RecordWrite(write):
                break;
            case IReturnOperation { ReturnedValue: { } value } when context.ContainingSymbol is IMethodSymbol method:
                // A policy factory: what it returns. A property getter counts as its property.
                ISymbol owner = method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is { } getterOf ? getterOf : method;
                Values.Record(owner, method.ReturnType, value);
                break;
        }
    }

    /// <summary>Whether a <c>CfnKey</c> is created with <c>MultiRegion</c> constant <c>true</c>.</summary>
    public bool IsMultiRegion(IObjectCreationOperation key) =>
        Props(key) is { } props && Values.MemberValue(props, "MultiRegion") is { } value &&
        TypeValueFlow.Unwrap(value).ConstantValue.Value is true;

    /// <summary>The <c>CfnKey</c> creation whose <c>AttrArn</c> a replica's <c>PrimaryKeyArn</c> reads, if this type shows it.</summary>
    public IObjectCreationOperation? PrimaryOf(IObjectCreationOperation replica)
    {
        var arn = Props(replica) is { } props ? Values.MemberValue(props, "PrimaryKeyArn") : null;
        for (var depth = 0; arn is not null && depth < MaxDepth; depth++)
        {
            if (TypeValueFlow.Unwrap(arn) is IPropertyReferenceOperation { Property.Name: "AttrArn", Instance: { } instance })
                return KeyCreation(instance);
            arn = Values.SingleValue(TypeValueFlow.Unwrap(arn));
        }

        return null;
    }

    /// <summary>The value given to a key's <c>KeyPolicy</c>, or null when it sets none.</summary>
    public IOperation? Policy(IObjectCreationOperation key) => Props(key) is { } props ? Values.MemberValue(props, "KeyPolicy") : null;

    /// <summary>Whether <paramref name="value"/> reads <c>key.KeyPolicy</c> of exactly that key: the replica reuses the primary's.</summary>
    public bool IsPolicyOf(IOperation value, IObjectCreationOperation key) =>
        TypeValueFlow.Unwrap(value) is IPropertyReferenceOperation { Property.Name: "KeyPolicy", Instance: { } instance } &&
        KeyCreation(instance) == key;

    /// <summary>Keys and replicas in source order, so that what a rule reports does not depend on callback order.</summary>
    public void SortBySource()
    {
        _keys.Sort(BySource);
        _replicas.Sort(BySource);
    }

    private static int BySource(IOperation a, IOperation b)
    {
        var byFile = string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath);
        return byFile != 0 ? byFile : a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart);
    }

    /// <summary>The construct id (second constructor argument) when it is a constant.</summary>
    public static string ConstructId(IObjectCreationOperation creation) =>
        creation.Arguments.Length > 1 && TypeValueFlow.Unwrap(creation.Arguments[1].Value).ConstantValue.Value is string id ? id : "?";

    private IObjectCreationOperation? KeyCreation(IOperation value)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var operation = TypeValueFlow.Unwrap(value);
            if (operation is IObjectCreationOperation creation && _cdk.IsKey(creation.Type))
                return creation;
            if (Values.SingleValue(operation) is not { } next)
                return null;
            value = next;
        }

        return null;
    }

    private static IOperation? Props(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "props" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                return argument.Value;
        }

        return null;
    }
}
