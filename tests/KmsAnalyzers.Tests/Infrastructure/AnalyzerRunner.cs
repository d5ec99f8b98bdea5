using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KmsAnalyzers.Tests.Infrastructure;

/// <summary>Runs analyzers over sources outside the verifier, catching analyzer exceptions instead of failing on them.</summary>
public static class AnalyzerRunner
{
    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions, Compilation Compilation);

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(async () =>
        (await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(AwsSdkStubs.Reference));

    public static Task<ImmutableArray<MetadataReference>> GetReferencesAsync() => References.Value;

    public static Task<Result> RunAsync(DiagnosticAnalyzer analyzer, params string[] sources) =>
        RunAsync(ImmutableArray.Create(analyzer), sources.Select((s, i) => ("/0/Test" + i + ".cs", s)).ToArray(), ImmutableArray<AdditionalText>.Empty);

    public static async Task<Result> RunAsync(
        ImmutableArray<DiagnosticAnalyzer> analyzers, (string Path, string Source)[] sources, ImmutableArray<AdditionalText> additionalFiles,
        bool concurrent = true)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, parseOptions, s.Path)).ToArray();
        return await RunAsync(analyzers, trees, additionalFiles, concurrent);
    }

    public static async Task<Result> RunAsync(
        ImmutableArray<DiagnosticAnalyzer> analyzers, SyntaxTree[] trees, ImmutableArray<AdditionalText> additionalFiles, bool concurrent = true)
    {
        var compilation = CSharpCompilation.Create(
            "Test", trees, await GetReferencesAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: concurrent));
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles), (e, _, _) => exceptions.Enqueue(e), concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return new Result(diagnostics, exceptions.ToArray(), compilation);
    }
}
