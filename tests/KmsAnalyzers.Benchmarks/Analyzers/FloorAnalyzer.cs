using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Benchmarks.Analyzers;

/// <summary>
/// The floor: an analyzer that registers the same kinds of callbacks as KmsAnalyzers (operation actions on every
/// constant-string kind; per named type a symbol-start action with operation actions on declarators, initializers,
/// assignments, returns and invocations and a symbol end; an additional-file action; a syntax-tree action) and does
/// nothing in them but an ordinal check. What the analyzer driver charges for those registrations is the least any
/// implementation of the rules can cost; the target is that ours stay within 1.5× of it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public class FloorAnalyzer : DiagnosticAnalyzer
{
    private readonly bool _reports;

    public FloorAnalyzer()
        : this(reports: false)
    {
    }

    /// <param name="reports">Report a diagnostic at every literal holding <c>arn:aws:kms</c>, as our rules do.</param>
    protected FloorAnalyzer(bool reports) => _reports = reports;

    // Never reported, but an analyzer with no enabled descriptor is skipped by the driver.
    private static readonly DiagnosticDescriptor Rule = new(
        "FLOOR0001", "Floor", "Floor {0}", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static long _hits;

    /// <summary>How many checks matched, so that no check can be optimized away.</summary>
    public static long Hits => Interlocked.Read(ref _hits);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        var reports = _reports;
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationAction(
                c =>
                {
                    var value = c.Operation is IUtf8StringOperation utf8 ? utf8.Value : c.Operation.ConstantValue.Value as string;
                    if (value is not null && value.IndexOf("arn:", StringComparison.Ordinal) >= 0)
                    {
                        Interlocked.Increment(ref _hits);
                        if (reports && value.IndexOf("arn:aws:kms", StringComparison.Ordinal) >= 0)
                            c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), "arn"));
                    }
                },
                OperationKind.Literal, OperationKind.Binary, OperationKind.InterpolatedString, OperationKind.Utf8String);

            start.RegisterSymbolStartAction(static symbolStart =>
            {
                var type = new TypeCounter();
                symbolStart.RegisterOperationAction(
                    c =>
                    {
                        if (c.Operation is IInvocationOperation invocation &&
                            invocation.TargetMethod.Name.StartsWith("Decrypt", StringComparison.Ordinal))
                            Interlocked.Increment(ref type.Count);
                    },
                    OperationKind.VariableDeclarator, OperationKind.FieldInitializer, OperationKind.PropertyInitializer,
                    OperationKind.SimpleAssignment, OperationKind.Return, OperationKind.Invocation);
                symbolStart.RegisterSymbolEndAction(c =>
                {
                    if (type.Count > 0)
                        Interlocked.Add(ref _hits, type.Count);
                });
            }, SymbolKind.NamedType);

            start.RegisterAdditionalFileAction(static c =>
            {
                if (c.AdditionalFile.Path.EndsWith(".json", StringComparison.Ordinal))
                    Interlocked.Increment(ref _hits);
            });

            start.RegisterSyntaxTreeAction(static c =>
            {
                if (c.Tree.FilePath.IndexOf("kms", StringComparison.Ordinal) >= 0)
                    Interlocked.Increment(ref _hits);
            });
        });
    }

    private sealed class TypeCounter
    {
        public int Count;
    }
}

/// <summary>
/// The floor, plus a diagnostic at every literal that holds <c>arn:aws:kms</c>. In a fresh compilation the first
/// reported diagnostic makes the driver work out suppressions (<c>SuppressMessage</c> attributes up the symbol chain
/// and in the assembly), and the execution-time telemetry charges that to the reporting callback: this variant shows
/// what any analyzer that reports pays, in the IDE case above all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReportingFloorAnalyzer : FloorAnalyzer
{
    public ReportingFloorAnalyzer()
        : base(reports: true)
    {
    }
}
