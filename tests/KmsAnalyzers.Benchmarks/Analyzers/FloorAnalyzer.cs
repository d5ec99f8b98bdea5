using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmsAnalyzers.Benchmarks.Analyzers;

/// <summary>
/// The floor (issue 16): the least any KMS analyzer must visit. One analyzer with syntax-node actions on string
/// literals (regular, verbatim, raw, UTF-8) and interpolated strings, doing an ordinal check for <c>arn:</c> and
/// <c>mrk-</c> in their text, and operation actions on invocations and object creations, doing an ordinal check of the
/// method or type name (a decrypt call, a CDK key construct). It does not copy our callback kinds: whatever we register
/// beyond it (assignments, declarators, initializers, returns, symbol starts and ends) is cost to remove. What the
/// driver charges for these registrations is the baseline of the targets (ours ≤ 1.5× of it).
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

    // Never reported by the plain floor, but an analyzer with no enabled descriptor is skipped by the driver.
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
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var node = c.Node;
                var hit = node is InterpolatedStringExpressionSyntax interpolated
                    ? AnyTextHolds(interpolated)
                    : Holds(((LiteralExpressionSyntax)node).Token.ValueText);
                if (!hit)
                    return;
                Interlocked.Increment(ref _hits);
                if (reports && node is LiteralExpressionSyntax literal && literal.Token.ValueText.IndexOf("arn:aws:kms", StringComparison.Ordinal) >= 0)
                    c.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(), "arn"));
            },
            SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringExpression);

        context.RegisterOperationAction(
            static c =>
            {
                var name = c.Operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod.Name,
                    IObjectCreationOperation creation => creation.Type?.Name,
                    _ => null,
                };
                if (name is not null && (name.StartsWith("Decrypt", StringComparison.Ordinal) || name.StartsWith("CfnKey", StringComparison.Ordinal)))
                    Interlocked.Increment(ref _hits);
            },
            OperationKind.Invocation, OperationKind.ObjectCreation);
    }

    private static bool Holds(string text) =>
        text.IndexOf("arn:", StringComparison.Ordinal) >= 0 || text.IndexOf("mrk-", StringComparison.Ordinal) >= 0;

    private static bool AnyTextHolds(InterpolatedStringExpressionSyntax interpolated)
    {
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text && Holds(text.TextToken.ValueText))
                return true;
        }

        return false;
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
