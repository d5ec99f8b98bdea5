using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Benchmarks.Analyzers;

// A wrapper run in process, never loaded by a compiler: the analyzer it wraps configures itself and registers its actions
// (RS1001, RS1025, RS1026), on the start contexts this wrapper hands it (RS1012).
#pragma warning disable RS1001, RS1012, RS1025, RS1026

/// <summary>
/// One kind of callback of an analyzer, run as an analyzer of its own (<c>analyzers --quick --by-callback</c>), so that
/// the driver's own telemetry says what each kind costs: the CPU replay times callbacks on one thread over bound code,
/// and it misattributes what the driver charges (binding that a callback triggers, reporting, garbage collections).
/// </summary>
/// <remarks>
/// Each slice runs the analyzer's compilation start on its own and keeps the registrations of one kind (one syntax or
/// operation kind, symbol start, compilation end…): state that the kinds share (a lazily built table) is built by each
/// slice that needs it, so the slices add up to a little more than the analyzer. For attribution, not a target.
/// </remarks>
internal sealed class CallbackSlice : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;
    private readonly string _kind;

    private CallbackSlice(DiagnosticAnalyzer inner, string kind)
    {
        _inner = inner;
        _kind = kind;
    }

    /// <summary>The analyzer and the kind of callback, as the benchmark prints it.</summary>
    public string Name => _inner.GetType().Name + ": " + _kind;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Slicing(context, _kind));

    /// <summary>
    /// One slice per kind of callback that <paramref name="analyzer"/> registers for <paramref name="compilation"/>,
    /// found by running its initialization and compilation start against contexts that only record; none for an
    /// analyzer that registers actions outside a compilation start (it is measured whole).
    /// </summary>
    public static IReadOnlyList<CallbackSlice> Of(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
    {
        var recorder = new Slicing(null, null) { Compilation = compilation, Options = options };
        analyzer.Initialize(recorder);
        return recorder.HasTopLevelActions ? Array.Empty<CallbackSlice>() : recorder.Kinds.Select(kind => new CallbackSlice(analyzer, kind)).ToList();
    }

    /// <summary>
    /// The analyzer-level context: forwards the settings, and each compilation start with a context that forwards the
    /// registrations of one kind (or, without a target, records every kind).
    /// </summary>
    private sealed class Slicing : AnalysisContext
    {
        private readonly AnalysisContext? _target;
        private readonly string? _kind;

        public Slicing(AnalysisContext? target, string? kind)
        {
            _target = target;
            _kind = kind;
        }

        public SortedSet<string> Kinds { get; } = new(StringComparer.Ordinal);
        public bool HasTopLevelActions { get; private set; }
        public Compilation? Compilation { get; init; }
        public AnalyzerOptions? Options { get; init; }

        public override void EnableConcurrentExecution() => _target?.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _target?.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
        {
            if (_target is null)
                action(new SlicingStart(null, null, Compilation!, Options!, Kinds));
            else
                _target.RegisterCompilationStartAction(start => action(new SlicingStart(start, _kind, start.Compilation, start.Options, Kinds)));
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => TopLevel();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => TopLevel();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => TopLevel();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => TopLevel();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => TopLevel();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => TopLevel();

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => TopLevel();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => TopLevel();

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => TopLevel();

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => TopLevel();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => TopLevel();

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => TopLevel();

        // Only recorded: an analyzer with such actions is not sliced (Of).
        private void TopLevel() => HasTopLevelActions = _target is null ? true : throw new InvalidOperationException("An analyzer with actions outside a compilation start is not sliced.");
    }

    private sealed class SlicingStart : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext? _target;
        private readonly string? _kind;
        private readonly SortedSet<string> _kinds;

        public SlicingStart(CompilationStartAnalysisContext? target, string? kind, Compilation compilation, AnalyzerOptions options, SortedSet<string> kinds)
            : base(compilation, options, CancellationToken.None)
        {
            _target = target;
            _kind = kind;
            _kinds = kinds;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Keep("compilation end", () => _target!.RegisterCompilationEndAction(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Keep("semantic model", () => _target!.RegisterSemanticModelAction(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            Keep("symbol", () => _target!.RegisterSymbolAction(action, symbolKinds));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            Keep("code block start", () => _target!.RegisterCodeBlockStartAction(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Keep("code block", () => _target!.RegisterCodeBlockAction(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Keep("syntax tree", () => _target!.RegisterSyntaxTreeAction(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Keep("additional file", () => _target!.RegisterAdditionalFileAction(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            foreach (var kind in syntaxKinds)
                Keep(SyntaxName(kind), () => _target!.RegisterSyntaxNodeAction(action, kind));
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
            foreach (var kind in operationKinds)
                Keep(OperationName(kind), () => _target!.RegisterOperationAction(action, kind));
        }

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            Keep("operation block start", () => _target!.RegisterOperationBlockStartAction(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            Keep("operation block", () => _target!.RegisterOperationBlockAction(action));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            Keep("symbol start " + symbolKind, () => _target!.RegisterSymbolStartAction(action, symbolKind));

        private void Keep(string kind, Action register)
        {
            if (_target is null)
                _kinds.Add(kind);
            else if (kind == _kind)
                register();
        }
    }

    private static string SyntaxName<TLanguageKindEnum>(TLanguageKindEnum kind) => "syntax " + kind;

    private static string OperationName(OperationKind kind) => "operation " + kind;
}
