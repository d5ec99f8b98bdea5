using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using KmsAnalyzers.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Flow;

/// <summary>The keys and replicas a rule looks at, and the questions it asks about them, over one value model.</summary>
internal sealed class CdkScope
{
    public CdkScope(
        CdkKeyFlow flow, CdkKeyFlow live, IReadOnlyList<IObjectCreationOperation> keys, IReadOnlyList<IObjectCreationOperation> replicas,
        Action<Diagnostic> report, bool isCompilationEnd, CancellationToken cancellationToken)
    {
        Flow = flow;
        Live = live;
        Keys = keys;
        Replicas = replicas;
        Report = report;
        IsCompilationEnd = isCompilationEnd;
        CancellationToken = cancellationToken;
    }

    /// <summary>The values to judge with: the live model, or at compilation end the model with every call site.</summary>
    public CdkKeyFlow Flow { get; }

    /// <summary>The live model: at compilation end, what it already finds was reported while typing.</summary>
    public CdkKeyFlow Live { get; }

    public IReadOnlyList<IObjectCreationOperation> Keys { get; }
    public IReadOnlyList<IObjectCreationOperation> Replicas { get; }
    public Action<Diagnostic> Report { get; }

    /// <summary>Whether this is the compilation-end pass (call-site direction): report only what the live pass cannot.</summary>
    public bool IsCompilationEnd { get; }

    public CancellationToken CancellationToken { get; }
}

/// <summary>
/// The KMS keys defined with the AWS CDK (<c>new CfnKey(…)</c>, the L2 <c>new Key(…)</c>, <c>new CfnReplicaKey(…)</c>)
/// and what their properties hold, over the compilation's <see cref="ValueModel"/>: the primary behind a replica's
/// <c>PrimaryKeyArn</c> (in another stack, a property of another class, stack props), whether a key is multi-Region,
/// its policy. Shared by KMS0006 and KMS0007.
/// </summary>
internal sealed class CdkKeyFlow
{
    /// <summary>How many constructs, props and parameters a CDK key is followed through.</summary>
    internal const int MaxDepth = 12;

    private readonly CdkSymbols _cdk;

    public CdkKeyFlow(CdkSymbols cdk, ValueModel values)
    {
        _cdk = cdk;
        Values = values;
    }

    public ValueModel Values { get; }

    public CdkSymbols Cdk => _cdk;

    // The last segment of the constructs' namespace (Amazon.CDK.AWS.KMS): code that creates one names it somewhere.
    private static readonly string KmsNamespaceSegment = SdkNames.CdkKmsNamespace.Substring(SdkNames.CdkKmsNamespace.LastIndexOf('.') + 1);

    /// <summary>
    /// Registers the live pass — per named type, at its end, over the keys and replicas it creates — and the
    /// compilation-end pass over all of them, where parameters are answered from their call sites. <paramref name="report"/>
    /// is called once per pass with every rule's scope: the rules that judge CDK keys share one registration. The caller
    /// registers nothing when the compilation does not reference the CDK (<see cref="SdkReferences.MayHaveCdk"/>).
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, Action<CdkScope> report)
    {
        var compilation = start.Compilation;
        var search = SourceSearch.For(compilation);
        // Every file is read once here, on one thread, rather than by the first types' starts at once; where no file
        // names the KMS namespace, no type can create a key construct (see the symbol start), and nothing is registered.
        if (!search.AnyFileMayNameNamespace(KmsNamespaceSegment, start.CancellationToken))
            return;
        _ = search.GlobalUsingsNameNamespace(KmsNamespaceSegment, start.CancellationToken);
        // PublicationOnly: a thread that meets it while another builds it builds its own rather than wait (the driver
        // charges a callback the time it waits); the first one built is kept.
        var lazyLive = new Lazy<CdkKeyFlow?>(() =>
            CdkSymbols.TryCreate(compilation) is { } symbols ? new CdkKeyFlow(symbols, ValueModel.For(compilation)) : null,
            LazyThreadSafetyMode.PublicationOnly);
        var keys = new ConcurrentQueue<IObjectCreationOperation>();
        var replicas = new ConcurrentQueue<IObjectCreationOperation>();
        // Whether a live judgment met a parameter, which only the call sites answer (ValueModel.OpenParameters). Where
        // none did, the compilation-end model (the live one plus call sites) answers every question the same way, and
        // judging again would find nothing new.
        var metParameter = 0;
        start.RegisterSymbolStartAction(symbolStart =>
        {
            // Most types create no KMS key construct: they register nothing, so the driver keeps no per-type actions
            // for them (it copies the analyzer's actions for each type that registers any). Told from whether the
            // type's files (or a global using) name the KMS namespace: a type's name alone ("Key") or a target-typed
            // new(…) is in nearly every file. Not seen: a target-typed new(…) of a key whose target is declared only by
            // another type, in a type whose files never name the namespace.
            if (!search.MayNameNamespace((INamedTypeSymbol)symbolStart.Symbol, KmsNamespaceSegment, symbolStart.CancellationToken))
                return;
            var typeKeys = new List<IObjectCreationOperation>();
            var typeReplicas = new List<IObjectCreationOperation>();
            symbolStart.RegisterOperationAction(operation =>
            {
                var creation = (IObjectCreationOperation)operation.Operation;
                if (lazyLive.Value is not { } live)
                    return; // the CDK is not referenced
                var cdk = live.Cdk;
                var list = cdk.IsKey(creation.Type) ? typeKeys : cdk.IsReplica(creation.Type) ? typeReplicas : null;
                if (list is null)
                    return;
                search.OfferOperationModel(creation); // the flow reads the type with the driver's model
                lock (list)
                    list.Add(creation);
            }, OperationKind.ObjectCreation);
            symbolStart.RegisterSymbolEndAction(end =>
            {
                if (typeKeys.Count == 0 && typeReplicas.Count == 0)
                    return;
                typeKeys.Sort(BySource);
                typeReplicas.Sort(BySource);
                foreach (var key in typeKeys)
                    keys.Enqueue(key);
                foreach (var replica in typeReplicas)
                    replicas.Enqueue(replica);
                var live = lazyLive.Value!; // a key was collected, so the symbols exist
                var open = ValueModel.OpenParameters;
                report(new CdkScope(live, live, typeKeys, typeReplicas, end.ReportDiagnostic, false, end.CancellationToken));
                if (ValueModel.OpenParameters != open)
                    Interlocked.Exchange(ref metParameter, 1);
            });
        }, SymbolKind.NamedType);
        start.RegisterCompilationEndAction(end =>
        {
            if ((replicas.IsEmpty && keys.IsEmpty) || Volatile.Read(ref metParameter) == 0 || lazyLive.Value is not { } live)
                return;
            var allKeys = new List<IObjectCreationOperation>(keys);
            var allReplicas = new List<IObjectCreationOperation>(replicas);
            allKeys.Sort(BySource);
            allReplicas.Sort(BySource);
            var withCallSites = new CdkKeyFlow(live.Cdk, live.Values.WithCallSites(new CallSites(end.Compilation, end.CancellationToken)));
            report(new CdkScope(withCallSites, live, allKeys, allReplicas, end.ReportDiagnostic, true, end.CancellationToken));
        });
    }

    /// <summary>Whether a key is created with <c>MultiRegion</c> constant <c>true</c>.</summary>
    public bool IsMultiRegion(IObjectCreationOperation key) =>
        Props(key) is { } props && Values.MemberValue(props, SdkNames.MultiRegion) is { } value && ConstantTrue(value);

    private bool ConstantTrue(IOperation value)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var operation = ValueModel.Unwrap(value);
            if (operation.ConstantValue.HasValue)
                return operation.ConstantValue.Value is true;
            if (Next(operation) is not { } next)
                return false;
            value = next;
        }

        return false;
    }

    /// <summary>The key creation whose ARN a replica's <c>PrimaryKeyArn</c> reads, when every path agrees on one.</summary>
    public IObjectCreationOperation? PrimaryOf(IObjectCreationOperation replica)
    {
        if (Props(replica) is not { } props || Values.MemberValues(props, SdkNames.PrimaryKeyArn) is not { Count: > 0 } arns)
            return null;
        IObjectCreationOperation? primary = null;
        foreach (var arn in arns)
        {
            if (Agree(arn, 0, static (self, value, depth) =>
                    ValueModel.Unwrap(value) is IPropertyReferenceOperation { Instance: { } instance } property && CdkSymbols.IsArnAttribute(property.Property.Name)
                        ? self.KeyCreation(instance, depth + 1)
                        : null) is not { } found ||
                (primary is not null && primary.Syntax != found.Syntax))
                return null;
            primary = found;
        }

        return primary;
    }

    /// <summary>The value given to a key's policy (<c>KeyPolicy</c>, or <c>Policy</c> of the L2 <c>Key</c>), or null when it sets none.</summary>
    public IOperation? Policy(IObjectCreationOperation key) =>
        Props(key) is { } props ? Values.MemberValue(props, _cdk.PolicyMember(key.Type)) : null;

    /// <summary>Whether the policy is set at all (null when it comes from somewhere this model cannot see).</summary>
    public bool? HasPolicy(IObjectCreationOperation key)
    {
        if (Props(key) is not { } props)
            return false;
        var values = Values.MemberValues(props, _cdk.PolicyMember(key.Type));
        if (values is null)
            return ValueModel.Unwrap(props) is IObjectCreationOperation ? false : null;
        return true;
    }

    /// <summary>The key whose policy <paramref name="value"/> reads (<c>primary.KeyPolicy</c>, <c>primary.Policy</c>), if it reads one.</summary>
    public IObjectCreationOperation? PolicyOwner(IOperation value) =>
        ValueModel.Unwrap(value) is IPropertyReferenceOperation { Instance: { } instance } property &&
        property.Property.Name is SdkNames.CfnKeyPolicy or SdkNames.L2KeyPolicy && _cdk.IsKey(property.Property.ContainingType)
            ? KeyCreation(instance, 0)
            : null;

    /// <summary>Whether <paramref name="value"/> reads the policy of exactly that key: the replica reuses the primary's.</summary>
    public bool IsPolicyOf(IOperation value, IObjectCreationOperation key) => PolicyOwner(value)?.Syntax == key.Syntax;

    private static int BySource(IOperation a, IOperation b)
    {
        var byFile = string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath);
        return byFile != 0 ? byFile : a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart);
    }

    /// <summary>
    /// How a message names a key: its construct id when constant; else the variable, field or property it is stored in,
    /// or the factory method that creates it; else its type.
    /// </summary>
    public string KeyName(IObjectCreationOperation creation)
    {
        if (creation.Arguments.Length > 1 && Values.ConstantString(creation.Arguments[1].Value) is { } id)
            return id;
        for (var parent = creation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation or IVariableInitializerOperation:
                    continue;
                case IVariableDeclaratorOperation declarator:
                    return declarator.Symbol.Name;
                case ISimpleAssignmentOperation or ICoalesceAssignmentOperation:
                    var target = parent is ISimpleAssignmentOperation s ? s.Target : ((ICoalesceAssignmentOperation)parent).Target;
                    if (target is IMemberReferenceOperation member)
                        return member.Member.Name;
                    if (ValueModel.ValueSymbol(target) is { } symbol)
                        return symbol.Name;
                    break;
                case IFieldInitializerOperation { InitializedFields: { Length: > 0 } fields }:
                    return fields[0].Name;
                case IPropertyInitializerOperation { InitializedProperties: { Length: > 0 } properties }:
                    return properties[0].Name;
                case IReturnOperation:
                    if (MemberName(creation.Syntax) is { } method)
                        return method;
                    break;
            }

            break;
        }

        return creation.Type?.Name ?? SdkNames.CfnKeyTypeName;
    }

    private static string? MemberName(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case LocalFunctionStatementSyntax local:
                    return local.Identifier.ValueText;
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
            }
        }

        return null;
    }

    /// <summary>The key creation an expression evaluates to, when every value it may hold is that one creation.</summary>
    public IObjectCreationOperation? KeyCreation(IOperation value, int depth = 0) =>
        Agree(value, depth, static (self, candidate, d) =>
            ValueModel.Unwrap(candidate) is IObjectCreationOperation creation && self._cdk.IsKey(creation.Type) ? creation : null);

    /// <summary>
    /// Resolves <paramref name="value"/> with <paramref name="resolve"/>; when that fails, follows the local, field,
    /// property, parameter, call or props member it reads to every value it may hold, which must all agree.
    /// </summary>
    private IObjectCreationOperation? Agree(IOperation value, int depth, Func<CdkKeyFlow, IOperation, int, IObjectCreationOperation?> resolve)
    {
        if (depth > MaxDepth)
            return null;
        if (resolve(this, value, depth) is { } found)
            return found;
        if (Alternatives(ValueModel.Unwrap(value)) is not { Count: > 0 } alternatives)
            return null;
        IObjectCreationOperation? agreed = null;
        foreach (var alternative in alternatives)
        {
            if (Agree(alternative, depth + 1, resolve) is not { } result || (agreed is not null && agreed.Syntax != result.Syntax))
                return null;
            agreed = result;
        }

        return agreed;
    }

    /// <summary>Every value a read may hold: a symbol's values, or a member of an object the model can see created.</summary>
    public IReadOnlyList<IOperation>? Alternatives(IOperation operation)
    {
        if (ValueModel.ValueSymbol(operation) is { } symbol && Values.IsWrittenOnlyHere(symbol))
            return Values.ValuesOf(symbol);
        if (operation is IPropertyReferenceOperation { Instance: { } instance, Property: { Parameters.IsEmpty: true } property } &&
            !_cdk.IsConstruct(property.ContainingType))
            return Values.MemberValues(instance, property.Name);
        return null;
    }

    /// <summary>The one value a read holds: a symbol written once, or a props member set once.</summary>
    public IOperation? Next(IOperation operation) => Alternatives(operation) is { Count: 1 } values ? values[0] : null;

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
