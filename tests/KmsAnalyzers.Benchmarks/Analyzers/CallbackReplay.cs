using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using KmsAnalyzers.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Benchmarks.Analyzers;

/// <summary>
/// The operations of a bound compilation, grouped by the named type whose members hold them: what the analyzer driver
/// hands to operation callbacks, built once so that a replay costs only the callbacks.
/// </summary>
internal sealed class ReplayCorpus
{
    private ReplayCorpus(Compilation compilation, AnalyzerOptions options, ImmutableArray<SyntaxTree> trees, List<TypeOperations> types)
    {
        Compilation = compilation;
        Options = options;
        Trees = trees;
        Types = types;
        Operations = types.Sum(t => t.Operations.Count);
    }

    public Compilation Compilation { get; }
    public AnalyzerOptions Options { get; }
    public ImmutableArray<SyntaxTree> Trees { get; }
    public List<TypeOperations> Types { get; }
    public int Operations { get; }

    private List<(SemanticModel Model, List<SyntaxNode> Nodes)>? _nodes;

    /// <summary>Every syntax node of every tree with the tree's semantic model, for syntax-node actions (built on first use).</summary>
    public List<(SemanticModel Model, List<SyntaxNode> Nodes)> Nodes =>
        _nodes ??= Trees.Select(t => (Compilation.GetSemanticModel(t), t.GetRoot().DescendantNodes().ToList())).ToList();

    private Dictionary<INamedTypeSymbol, List<(SemanticModel Model, List<SyntaxNode> Nodes)>>? _typeNodes;
    private Dictionary<SyntaxTree, SemanticModel>? _models;

    /// <summary>
    /// The nodes of <paramref name="type"/>'s declarations, without its nested types' (which register for themselves),
    /// for the syntax-node actions a symbol start registers; the models are <see cref="Nodes"/>'.
    /// </summary>
    public List<(SemanticModel Model, List<SyntaxNode> Nodes)> NodesOf(INamedTypeSymbol type)
    {
        _typeNodes ??= new Dictionary<INamedTypeSymbol, List<(SemanticModel, List<SyntaxNode>)>>(SymbolEqualityComparer.Default);
        if (_typeNodes.TryGetValue(type, out var known))
            return known;
        var models = _models ??= Nodes.ToDictionary(n => n.Model.SyntaxTree, n => n.Model);
        var result = new List<(SemanticModel, List<SyntaxNode>)>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            if (!models.TryGetValue(declaration.SyntaxTree, out var model))
                continue;
            var nodes = declaration.DescendantNodes(node => node == declaration || node is not BaseTypeDeclarationSyntax and not DelegateDeclarationSyntax)
                .Where(node => node is not BaseTypeDeclarationSyntax and not DelegateDeclarationSyntax)
                .ToList();
            result.Add((model, nodes));
        }

        return _typeNodes[type] = result;
    }

    public static ReplayCorpus Create(Compilation compilation, AnalyzerOptions options, IEnumerable<SyntaxTree> trees)
    {
        var selected = trees.ToImmutableArray();
        var byType = new ConcurrentDictionary<INamedTypeSymbol, List<(IOperation, ISymbol)>>(SymbolEqualityComparer.Default);
        Parallel.ForEach(selected, tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                ISymbol? owner = null;
                SyntaxNode? body = null;
                switch (node)
                {
                    case BaseMethodDeclarationSyntax method:
                        (owner, body) = (model.GetDeclaredSymbol(method), method);
                        break;
                    case AccessorDeclarationSyntax accessor:
                        (owner, body) = (model.GetDeclaredSymbol(accessor), accessor);
                        break;
                    case PropertyDeclarationSyntax { ExpressionBody: { } arrow } property:
                        (owner, body) = ((model.GetDeclaredSymbol(property) as IPropertySymbol)?.GetMethod, arrow);
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } initializer } property:
                        (owner, body) = (model.GetDeclaredSymbol(property), initializer);
                        break;
                    case VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: FieldDeclarationSyntax } field:
                        (owner, body) = (model.GetDeclaredSymbol(field), initializer);
                        break;
                }

                if (owner?.ContainingType is not { } type || body is null || model.GetOperation(body) is not { } root)
                    continue;
                var list = byType.GetOrAdd(type, _ => new List<(IOperation, ISymbol)>());
                lock (list)
                {
                    foreach (var operation in root.DescendantsAndSelf())
                        list.Add((operation, owner));
                }
            }
        });

        var types = byType.Select(p => new TypeOperations(p.Key, p.Value))
            .OrderBy(t => t.Type.Locations[0].SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(t => t.Type.Locations[0].SourceSpan.Start)
            .ToList();

        // Types with no executable code still get their symbol-start and symbol-end callbacks.
        foreach (var tree in selected)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type && !byType.ContainsKey(type))
                    types.Add(new TypeOperations(type, new List<(IOperation, ISymbol)>()));
            }
        }

        return new ReplayCorpus(compilation, options, selected, types);
    }
}

internal sealed record TypeOperations(INamedTypeSymbol Type, List<(IOperation Operation, ISymbol Owner)> Operations);

/// <summary>What one replay pass of one analyzer cost on its thread, and (when timed) each kind of callback.</summary>
internal sealed record ReplayPass(
    TimeSpan ThreadCpu,
    IReadOnlyDictionary<string, TimeSpan> PerCallback,
    IReadOnlyDictionary<string, long> Calls,
    int Diagnostics);

/// <summary>
/// A minimal analyzer host that replays a <see cref="ReplayCorpus"/> through one analyzer's callbacks on the calling
/// thread: compilation start, syntax-tree actions, and per named type the symbol-start actions, every operation action
/// for the type's operations, and the symbol-end actions. A pass is measured in thread CPU time, which other processes
/// on a busy machine do not inflate, and the cost of the loop itself is measured by a pass with an analyzer that
/// registers nothing, so that <c>pass − empty pass</c> is the callbacks' own cost: the same quantity as the driver's
/// execution-time telemetry. Additional-file actions are not replayed (their context has no public constructor; they
/// run once per file).
/// </summary>
internal static class CallbackReplay
{
    /// <summary>
    /// All <paramref name="analyzers"/> over <paramref name="corpus"/> the way the driver runs them: type by type, every
    /// analyzer over the same operations while they are in the cache (the driver builds a method's operations and runs
    /// every analyzer over them at once). Per type, the operations are touched first, the dispatch loop alone is timed,
    /// then each analyzer in turn (rotating which goes first) is timed in thread CPU time less that loop.
    /// </summary>
    public static (Dictionary<string, TimeSpan> Cost, int Diagnostics) RunInterleaved(ReplayCorpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var diagnostics = 0;
        Action<Diagnostic> report = _ => diagnostics++;
        Func<Diagnostic, bool> isSupported = static _ => true;
        var cancellationToken = CancellationToken.None;
        var compilation = corpus.Compilation;
        var options = corpus.Options;
        var count = analyzers.Length;
        var cost = new TimeSpan[count];
        var starts = new CompilationStartCapture[count];
        var symbolStarts = new List<SymbolStartCapture>[count];
        for (var i = 0; i < count; i++)
        {
            var root = new CaptureContext();
            analyzers[i].Initialize(root);
            var before = ThreadCpu.Now();
            starts[i] = new CompilationStartCapture(compilation, options, cancellationToken);
            foreach (var action in root.CompilationStart)
                action(starts[i]);
            starts[i].Merge(root);
            cost[i] += ThreadCpu.Now() - before;
            symbolStarts[i] = new List<SymbolStartCapture>();
        }

#pragma warning disable CS0618 // The public context constructors are marked obsolete for hosts; this is a host.
        foreach (var tree in corpus.Trees)
        {
            for (var i = 0; i < count; i++)
            {
                if (starts[i].TreeActions.Count == 0)
                    continue;
                var before = ThreadCpu.Now();
                foreach (var action in starts[i].TreeActions)
                    action(new SyntaxTreeAnalysisContext(tree, options, report, isSupported, cancellationToken));
                cost[i] += ThreadCpu.Now() - before;
            }
        }

        // Syntax-node actions, tree by tree, less the cost of walking the nodes alone.
        var noNodeActions = new Dictionary<int, List<Action<SyntaxNodeAnalysisContext>>>();
        if (Array.Exists(starts, s => s.NodeActions.Count > 0))
        {
            foreach (var (model, nodes) in corpus.Nodes)
            {
                var loopStart = ThreadCpu.Now();
                DispatchNodes(model, nodes, noNodeActions, options, report, isSupported, cancellationToken);
                var loop = ThreadCpu.Now() - loopStart;
                for (var i = 0; i < count; i++)
                {
                    if (starts[i].NodeActions.Count == 0)
                        continue;
                    var before = ThreadCpu.Now();
                    DispatchNodes(model, nodes, starts[i].NodeActions, options, report, isSupported, cancellationToken);
                    cost[i] += ThreadCpu.Now() - before - loop;
                }
            }
        }

        var none = new Dictionary<OperationKind, List<Action<OperationAnalysisContext>>>();
        var noSymbolStarts = new List<SymbolStartCapture>();
        var touched = 0L;
        for (var t = 0; t < corpus.Types.Count; t++)
        {
            var type = corpus.Types[t];
            foreach (var (operation, _) in type.Operations)
                touched += (int)operation.Kind;

            for (var i = 0; i < count; i++)
            {
                symbolStarts[i].Clear();
                if (starts[i].NamedTypeStart.Count == 0)
                    continue;
                var before = ThreadCpu.Now();
                foreach (var action in starts[i].NamedTypeStart)
                {
                    var symbolStart = new SymbolStartCapture(type.Type, compilation, options, cancellationToken);
                    action(symbolStart);
                    symbolStarts[i].Add(symbolStart);
                    if (symbolStart.NodeActions.Count > 0)
                    {
                        foreach (var (model, nodes) in corpus.NodesOf(type.Type))
                            DispatchNodes(model, nodes, symbolStart.NodeActions, options, report, isSupported, cancellationToken);
                    }
                }

                cost[i] += ThreadCpu.Now() - before;
            }

            var loopStart = ThreadCpu.Now();
            Dispatch(type, none, noSymbolStarts, compilation, options, report, isSupported, cancellationToken);
            var loop = ThreadCpu.Now() - loopStart;

            for (var k = 0; k < count; k++)
            {
                var i = (t + k) % count;
                if (starts[i].OperationActions.Count == 0 && symbolStarts[i].TrueForAll(static s => s.OperationActions.Count == 0))
                    continue;
                var before = ThreadCpu.Now();
                Dispatch(type, starts[i].OperationActions, symbolStarts[i], compilation, options, report, isSupported, cancellationToken);
                cost[i] += ThreadCpu.Now() - before - loop;
            }

            for (var i = 0; i < count; i++)
            {
                if (symbolStarts[i].Count == 0)
                    continue;
                var before = ThreadCpu.Now();
                foreach (var symbolStart in symbolStarts[i])
                {
                    foreach (var action in symbolStart.EndActions)
                        action(new SymbolAnalysisContext(type.Type, compilation, options, report, isSupported, cancellationToken));
                }

                cost[i] += ThreadCpu.Now() - before;
            }
        }

        for (var i = 0; i < count; i++)
        {
            var before = ThreadCpu.Now();
            foreach (var action in starts[i].EndActions)
                action(new CompilationAnalysisContext(compilation, options, report, isSupported, cancellationToken));
            cost[i] += ThreadCpu.Now() - before;
        }
#pragma warning restore CS0618

        GC.KeepAlive(touched);
        var result = new Dictionary<string, TimeSpan>();
        for (var i = 0; i < count; i++)
            result[analyzers[i].GetType().Name] = cost[i];
        return (result, diagnostics);
    }

    private static void DispatchNodes(
        SemanticModel model, List<SyntaxNode> nodes, Dictionary<int, List<Action<SyntaxNodeAnalysisContext>>> actions,
        AnalyzerOptions options, Action<Diagnostic> report, Func<Diagnostic, bool> isSupported, CancellationToken cancellationToken)
    {
#pragma warning disable CS0618 // A host constructs the contexts.
        var touched = 0;
        foreach (var node in nodes)
        {
            touched += node.RawKind;
            if (!actions.TryGetValue(node.RawKind, out var list))
                continue;
            foreach (var action in list)
                action(new SyntaxNodeAnalysisContext(node, null, model, options, report, isSupported, cancellationToken));
        }
#pragma warning restore CS0618
        GC.KeepAlive(touched);
    }

    private static void Dispatch(
        TypeOperations type, Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> actions, List<SymbolStartCapture> symbolStarts,
        Compilation compilation, AnalyzerOptions options, Action<Diagnostic> report, Func<Diagnostic, bool> isSupported, CancellationToken cancellationToken)
    {
#pragma warning disable CS0618 // A host constructs the contexts.
        foreach (var (operation, owner) in type.Operations)
        {
            var kind = operation.Kind;
            if (actions.TryGetValue(kind, out var list))
            {
                foreach (var action in list)
                    action(new OperationAnalysisContext(operation, owner, compilation, options, report, isSupported, cancellationToken));
            }

            foreach (var symbolStart in symbolStarts)
            {
                if (!symbolStart.OperationActions.TryGetValue(kind, out var typeActions))
                    continue;
                foreach (var action in typeActions)
                    action(new OperationAnalysisContext(operation, owner, compilation, options, report, isSupported, cancellationToken));
            }
        }
#pragma warning restore CS0618
    }

    /// <summary>
    /// One pass of <paramref name="analyzer"/> alone over <paramref name="corpus"/>; with <paramref name="perCallback"/>,
    /// each call timed on the wall clock, for attribution by kind of callback.
    /// </summary>
    public static ReplayPass Run(ReplayCorpus corpus, DiagnosticAnalyzer analyzer, bool perCallback = false)
    {
        var diagnostics = 0;
        Action<Diagnostic> report = _ => diagnostics++;
        Func<Diagnostic, bool> isSupported = static _ => true;
        var cancellationToken = CancellationToken.None;
        var compilation = corpus.Compilation;
        var options = corpus.Options;

        var root = new CaptureContext();
        analyzer.Initialize(root);
        var ticks = perCallback ? new long[Slots] : null;
        var calls = perCallback ? new long[Slots] : null;

        var cpuBefore = ThreadCpu.Now();
        var before = Stopwatch.GetTimestamp();
        var start = new CompilationStartCapture(compilation, options, cancellationToken);
        foreach (var action in root.CompilationStart)
            action(start);
        start.Merge(root);
        Tally(ticks, calls, CompilationStartSlot, before);

#pragma warning disable CS0618 // The public context constructors are marked obsolete for hosts; this is a host.
        foreach (var tree in corpus.Trees)
        {
            foreach (var action in start.TreeActions)
            {
                before = Stopwatch.GetTimestamp();
                action(new SyntaxTreeAnalysisContext(tree, options, report, isSupported, cancellationToken));
                Tally(ticks, calls, SyntaxTreeSlot, before);
            }
        }

        if (start.NodeActions.Count > 0)
        {
            foreach (var (model, nodes) in corpus.Nodes)
            {
                foreach (var node in nodes)
                {
                    if (!start.NodeActions.TryGetValue(node.RawKind, out var nodeActions))
                        continue;
                    foreach (var action in nodeActions)
                    {
                        before = Stopwatch.GetTimestamp();
                        action(new SyntaxNodeAnalysisContext(node, null, model, options, report, isSupported, cancellationToken));
                        Tally(ticks, calls, SyntaxNodeSlot, before);
                    }
                }
            }
        }

        var operationActions = start.OperationActions;
        var symbolStarts = new List<SymbolStartCapture>();
        foreach (var type in corpus.Types)
        {
            symbolStarts.Clear();
            foreach (var action in start.NamedTypeStart)
            {
                before = Stopwatch.GetTimestamp();
                var symbolStart = new SymbolStartCapture(type.Type, compilation, options, cancellationToken);
                action(symbolStart);
                symbolStarts.Add(symbolStart);
                Tally(ticks, calls, SymbolStartSlot, before);
                if (symbolStart.NodeActions.Count == 0)
                    continue;
                foreach (var (model, nodes) in corpus.NodesOf(type.Type))
                {
                    foreach (var node in nodes)
                    {
                        if (!symbolStart.NodeActions.TryGetValue(node.RawKind, out var nodeActions))
                            continue;
                        foreach (var nodeAction in nodeActions)
                        {
                            before = Stopwatch.GetTimestamp();
                            nodeAction(new SyntaxNodeAnalysisContext(node, null, model, options, report, isSupported, cancellationToken));
                            Tally(ticks, calls, SyntaxNodeSlot, before);
                        }
                    }
                }
            }

            foreach (var (operation, owner) in type.Operations)
            {
                var kind = operation.Kind;
                if (operationActions.TryGetValue(kind, out var actions))
                {
                    foreach (var action in actions)
                    {
                        before = Stopwatch.GetTimestamp();
                        action(new OperationAnalysisContext(operation, owner, compilation, options, report, isSupported, cancellationToken));
                        Tally(ticks, calls, (int)kind, before);
                    }
                }

                foreach (var symbolStart in symbolStarts)
                {
                    if (!symbolStart.OperationActions.TryGetValue(kind, out var typeActions))
                        continue;
                    foreach (var action in typeActions)
                    {
                        before = Stopwatch.GetTimestamp();
                        action(new OperationAnalysisContext(operation, owner, compilation, options, report, isSupported, cancellationToken));
                        Tally(ticks, calls, InTypeOffset + (int)kind, before);
                    }
                }
            }

            foreach (var symbolStart in symbolStarts)
            {
                foreach (var action in symbolStart.EndActions)
                {
                    before = Stopwatch.GetTimestamp();
                    action(new SymbolAnalysisContext(type.Type, compilation, options, report, isSupported, cancellationToken));
                    Tally(ticks, calls, SymbolEndSlot, before);
                }
            }
        }

        foreach (var action in start.EndActions)
        {
            before = Stopwatch.GetTimestamp();
            action(new CompilationAnalysisContext(compilation, options, report, isSupported, cancellationToken));
            Tally(ticks, calls, CompilationEndSlot, before);
        }
#pragma warning restore CS0618

        var cpu = ThreadCpu.Now() - cpuBefore;
        var perCallbackTimes = new Dictionary<string, TimeSpan>();
        var callCounts = new Dictionary<string, long>();
        if (ticks is not null)
        {
            for (var slot = 0; slot < Slots; slot++)
            {
                if (calls![slot] == 0)
                    continue;
                perCallbackTimes[SlotName(slot)] = TimeSpan.FromSeconds(ticks[slot] / (double)Stopwatch.Frequency);
                callCounts[SlotName(slot)] = calls[slot];
            }
        }

        return new ReplayPass(cpu, perCallbackTimes, callCounts, diagnostics);
    }

    private const int InTypeOffset = 1024;
    private const int CompilationStartSlot = 2048;
    private const int SyntaxTreeSlot = 2049;
    private const int SymbolStartSlot = 2050;
    private const int SymbolEndSlot = 2051;
    private const int SyntaxNodeSlot = 2052;
    private const int CompilationEndSlot = 2053;
    private const int Slots = 2054;

    private static void Tally(long[]? ticks, long[]? calls, int slot, long before)
    {
        if (ticks is null)
            return;
        ticks[slot] += Stopwatch.GetTimestamp() - before;
        calls![slot]++;
    }

    private static string SlotName(int slot) => slot switch
    {
        CompilationStartSlot => "compilation start",
        SyntaxTreeSlot => "syntax tree",
        SymbolStartSlot => "symbol start (named type)",
        SymbolEndSlot => "symbol end",
        SyntaxNodeSlot => "syntax node",
        CompilationEndSlot => "compilation end",
        >= InTypeOffset => "in type: " + (OperationKind)(slot - InTypeOffset),
        _ => ((OperationKind)slot).ToString(),
    };

    private sealed class CaptureContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStart { get; } = new();
        public Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> OperationActions { get; } = new();
        public List<Action<SymbolStartAnalysisContext>> NamedTypeStart { get; } = new();
        public List<Action<SyntaxTreeAnalysisContext>> TreeActions { get; } = new();
        public Dictionary<int, List<Action<SyntaxNodeAnalysisContext>>> NodeActions { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStart.Add(action);
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Add(OperationActions, action, operationKinds);
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => AddSymbolStart(NamedTypeStart, action, symbolKind);
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => TreeActions.Add(action);
        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) { }
        public override void EnableConcurrentExecution() { }
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) { }
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Unsupported();
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Unsupported();
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Unsupported();
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Unsupported();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Unsupported();
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => AddNode(NodeActions, action, syntaxKinds);
    }

    private sealed class CompilationStartCapture : CompilationStartAnalysisContext
    {
        public CompilationStartCapture(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            : base(compilation, options, cancellationToken)
        {
        }

        public Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> OperationActions { get; } = new();
        public List<Action<SymbolStartAnalysisContext>> NamedTypeStart { get; } = new();
        public List<Action<SyntaxTreeAnalysisContext>> TreeActions { get; } = new();
        public Dictionary<int, List<Action<SyntaxNodeAnalysisContext>>> NodeActions { get; } = new();
        public List<Action<CompilationAnalysisContext>> EndActions { get; } = new();

        public void Merge(CaptureContext root)
        {
            foreach (var (kind, actions) in root.NodeActions)
            {
                if (!NodeActions.TryGetValue(kind, out var list))
                    NodeActions[kind] = list = new List<Action<SyntaxNodeAnalysisContext>>();
                list.AddRange(actions);
            }

            foreach (var (kind, actions) in root.OperationActions)
                Add(OperationActions, actions, kind);
            NamedTypeStart.AddRange(root.NamedTypeStart);
            TreeActions.AddRange(root.TreeActions);
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Add(OperationActions, action, operationKinds);
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => AddSymbolStart(NamedTypeStart, action, symbolKind);
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => TreeActions.Add(action);
        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) { }
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => EndActions.Add(action);
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Unsupported();
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Unsupported();
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Unsupported();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Unsupported();
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => AddNode(NodeActions, action, syntaxKinds);
    }

    private sealed class SymbolStartCapture : SymbolStartAnalysisContext
    {
#pragma warning disable CS0618 // A host constructs the context.
        public SymbolStartCapture(ISymbol symbol, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            : base(symbol, compilation, options, cancellationToken)
#pragma warning restore CS0618
        {
        }

        public Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> OperationActions { get; } = new();
        public Dictionary<int, List<Action<SyntaxNodeAnalysisContext>>> NodeActions { get; } = new();
        public List<Action<SymbolAnalysisContext>> EndActions { get; } = new();

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Add(OperationActions, action, operationKinds);
        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => EndActions.Add(action);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Unsupported();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Unsupported();
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => AddNode(NodeActions, action, syntaxKinds);
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Unsupported();
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Unsupported();
    }

    private static void Add(Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> map, Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds)
    {
        foreach (var kind in kinds)
            Add(map, new List<Action<OperationAnalysisContext>> { action }, kind);
    }

    private static void Add(Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> map, List<Action<OperationAnalysisContext>> actions, OperationKind kind)
    {
        if (!map.TryGetValue(kind, out var list))
            map[kind] = list = new List<Action<OperationAnalysisContext>>();
        list.AddRange(actions);
    }

    private static void AddNode<TLanguageKindEnum>(Dictionary<int, List<Action<SyntaxNodeAnalysisContext>>> map, Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> kinds)
        where TLanguageKindEnum : struct
    {
        foreach (var kind in kinds)
        {
            var raw = Convert.ToInt32(kind, System.Globalization.CultureInfo.InvariantCulture);
            if (!map.TryGetValue(raw, out var list))
                map[raw] = list = new List<Action<SyntaxNodeAnalysisContext>>();
            list.Add(action);
        }
    }

    private static void AddSymbolStart(List<Action<SymbolStartAnalysisContext>> list, Action<SymbolStartAnalysisContext> action, SymbolKind kind)
    {
        if (kind != SymbolKind.NamedType)
            Unsupported();
        list.Add(action);
    }

    private static void Unsupported() => throw new NotSupportedException("The replay host supports the callbacks KmsAnalyzers and the floor register.");
}
