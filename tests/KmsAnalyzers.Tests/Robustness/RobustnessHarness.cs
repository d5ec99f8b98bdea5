using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Infrastructure;
using KmsAnalyzers.Tests.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>What an input compiles against: the SDK stubs, the real AWSSDK.KeyManagementService 4.1.0, or the real AWS CDK.</summary>
internal enum References
{
    Stubs,
    RealKmsSdk,
    RealCdk,
}

/// <summary>One input for the robustness suites: C# files, AdditionalFiles and an optional .editorconfig.</summary>
internal sealed record RobustInput(
    string Name,
    (string Path, string Text)[] Sources,
    (string Path, string Text)[]? AdditionalFiles = null,
    string? EditorConfig = null,
    OutputKind OutputKind = OutputKind.DynamicallyLinkedLibrary,
    References References = References.Stubs,
    string[]? PreprocessorSymbols = null)
{
    public static RobustInput Single(string name, string source, string? aliasMap = null, string? editorConfig = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string[]? preprocessorSymbols = null) =>
        new(name, new[] { ("/0/Test0.cs", source) },
            aliasMap is null ? null : new[] { ("/0/kms-aliases.json", aliasMap) },
            editorConfig, outputKind, PreprocessorSymbols: preprocessorSymbols);
}

/// <summary>What the suites count, so the totals can be quoted ("N inputs, 0 crashes").</summary>
internal sealed class Tally
{
    private long _inputs;
    private long _diagnostics;
    private long _fixActions;
    private long _fixAlls;
    private readonly ConcurrentQueue<string> _crashes = new();
    private readonly ConcurrentQueue<string> _problems = new();

    public long Inputs => Interlocked.Read(ref _inputs);
    public long Diagnostics => Interlocked.Read(ref _diagnostics);
    public long FixActions => Interlocked.Read(ref _fixActions);
    public long FixAlls => Interlocked.Read(ref _fixAlls);
    public IReadOnlyCollection<string> Crashes => _crashes;
    public IReadOnlyCollection<string> Problems => _problems;

    public void Input() => Interlocked.Increment(ref _inputs);
    public void Diagnostic(int count) => Interlocked.Add(ref _diagnostics, count);
    public void FixAction() => Interlocked.Increment(ref _fixActions);
    public void FixAll() => Interlocked.Increment(ref _fixAlls);
    public void Crash(string input, string where, Exception exception) => _crashes.Enqueue(input + " | " + where + " | " + exception);
    public void Problem(string input, string what) => _problems.Enqueue(input + " | " + what);

    public void Print(ITestOutputHelper output, string label)
    {
        output.WriteLine(
            $"{label}: {Inputs} inputs, {Diagnostics} diagnostics, {FixActions} fix actions applied, {FixAlls} Fix All runs, " +
            $"{_crashes.Count} crashes, {_problems.Count} wrong results");
        foreach (var crash in _crashes.Take(20))
            output.WriteLine("CRASH: " + crash);
        foreach (var problem in _problems.Take(50))
            output.WriteLine("WRONG: " + problem);
    }

    /// <summary>Fails when fewer fixes were applied than the input guarantees (a sweep that fixed nothing proves nothing).</summary>
    public void AssertFixedAtLeast(long fixActions, long fixAlls)
    {
        if (FixActions < fixActions || FixAlls < fixAlls)
            throw new Xunit.Sdk.XunitException(
                $"expected at least {fixActions} fix actions and {fixAlls} Fix All runs applied, got {FixActions} and {FixAlls}");
    }

    /// <summary>Fails with the first crashes and wrong results in the message.</summary>
    public void AssertClean()
    {
        if (_crashes.IsEmpty && _problems.IsEmpty)
            return;
        var text = new StringBuilder();
        text.AppendLine($"{_crashes.Count} crashes, {_problems.Count} wrong results over {Inputs} inputs.");
        foreach (var crash in _crashes.Take(5))
            text.AppendLine("CRASH: " + crash);
        foreach (var problem in _problems.Take(20))
            text.AppendLine("WRONG: " + problem);
        throw new Xunit.Sdk.XunitException(text.ToString());
    }
}

/// <summary>The analyzers and their diagnostics for one project snapshot.</summary>
internal sealed record Analysis(Project Project, Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Shared machinery of the robustness suites. Projects live in an <see cref="AdhocWorkspace"/> so that the code fix
/// providers get real <see cref="Document"/>s whose syntax trees are the ones the analyzers saw; analyzers run through
/// <see cref="CompilationWithAnalyzers"/> with an exception callback, so an analyzer exception is recorded instead of
/// being turned into an AD0001 warning.
/// </summary>
internal static class Harness
{
    /// <summary>Every analyzer of KmsAnalyzers.dll, so a new rule is covered without touching these suites.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = CreateAnalyzers();

    /// <summary>Every code fix provider of KmsAnalyzers.CodeFixes.dll.</summary>
    public static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(UseAliasCodeFixProvider).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Fresh instances of every analyzer of KmsAnalyzers.dll.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() => typeof(KmsAnalyzers.Rules.KmsCodeAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly AdhocWorkspace Workspace = new();

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> RealKmsSdkReferences = new(() =>
        Task.Run(() => SdkSmokeTests.SdkV4.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)));

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> RealCdkReferences = new(() =>
        Task.Run(() => SdkSmokeTests.Cdk.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)));

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static CodeFixProvider? FixerFor(string diagnosticId) =>
        Fixers.FirstOrDefault(f => f.FixableDiagnosticIds.Contains(diagnosticId));

    /// <summary>The sample app (samples/LegacyKmsApp): its C# files and its alias map, read from the repository.</summary>
    public static RobustInput SampleApp() => Sample("LegacyKmsApp", References.RealKmsSdk);

    /// <summary>The CDK sample (samples/KeyInfrastructure), for the key-policy rules.</summary>
    public static RobustInput CdkSampleApp() => Sample("KeyInfrastructure", References.RealCdk);

    private static RobustInput Sample(string name, References references)
    {
        var folder = Path.Combine(RepositoryRoot, "samples", name);
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
                        !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ("/" + name + "/" + Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToArray();
        var maps = Directory.GetFiles(folder, "kms-aliases*.json")
            .Select(f => ("/" + name + "/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray();
        return new RobustInput(name, sources, maps, null, OutputKind.ConsoleApplication, references);
    }

    public static async Task<Project> CreateProjectAsync(RobustInput input)
    {
        var references = input.References switch
        {
            References.RealKmsSdk => await RealKmsSdkReferences.Value,
            References.RealCdk => await RealCdkReferences.Value,
            _ => await AnalyzerRunner.GetReferencesAsync(),
        };
        var projectId = ProjectId.CreateNewId(input.Name);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: input.PreprocessorSymbols);
        var compilationOptions = new CSharpCompilationOptions(input.OutputKind, nullableContextOptions: NullableContextOptions.Enable);
        var solution = Workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Robust", "Robust", LanguageNames.CSharp, filePath: "/0/Robust.csproj",
            compilationOptions: compilationOptions, parseOptions: parseOptions, metadataReferences: references));
        foreach (var (path, text) in input.Sources)
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, path), Path.GetFileName(path), SourceText.From(text, Encoding.UTF8), filePath: path);
        foreach (var (path, text) in input.AdditionalFiles ?? Array.Empty<(string, string)>())
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, path), Path.GetFileName(path), SourceText.From(text, Encoding.UTF8), filePath: path);
        if (input.EditorConfig is not null)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(input.EditorConfig, Encoding.UTF8), filePath: "/.editorconfig");
        return solution.GetProject(projectId)!;
    }

    /// <summary>
    /// Runs every analyzer on the whole project, or only on <paramref name="document"/> the way the IDE analyzes an open
    /// file on each keystroke. Analyzer exceptions (and any AD0001) are recorded in <paramref name="tally"/>.
    /// </summary>
    public static async Task<Analysis> AnalyzeAsync(Project project, Tally tally, string inputName, bool concurrent = true, Document? document = null)
    {
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions, (e, analyzer, _) => exceptions.Enqueue(new AnalyzerCrash(analyzer.GetType().Name, e)),
            concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, options);
        ImmutableArray<Diagnostic> diagnostics;
        if (document is null)
        {
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            var tree = (await document.GetSyntaxTreeAsync().ConfigureAwait(false))!;
            var model = compilation.GetSemanticModel(tree);
            var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).ConfigureAwait(false);
            var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
            diagnostics = syntax.AddRange(semantic);
        }

        foreach (var exception in exceptions)
            tally.Crash(inputName, "analyzer", exception);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            tally.Crash(inputName, "AD0001", new InvalidOperationException(diagnostic.ToString()));
        var ours = diagnostics.Where(d => d.Id.StartsWith("KMS", StringComparison.Ordinal)).ToImmutableArray();
        tally.Diagnostic(ours.Length);
        return new Analysis(project, compilation, ours);
    }

    /// <summary>Runs <paramref name="analyzers"/> over a plain compilation with explicit options; exceptions are recorded.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeCompilationAsync(
        Compilation compilation, AnalyzerOptions options, bool concurrent, ImmutableArray<DiagnosticAnalyzer> analyzers, Tally tally, string inputName)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options, (e, analyzer, _) => exceptions.Enqueue(new AnalyzerCrash(analyzer.GetType().Name, e)),
            concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var exception in exceptions)
            tally.Crash(inputName, "analyzer", exception);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            tally.Crash(inputName, "AD0001", new InvalidOperationException(diagnostic.ToString()));
        var ours = diagnostics.Where(d => d.Id.StartsWith("KMS", StringComparison.Ordinal)).ToImmutableArray();
        tally.Diagnostic(ours.Length);
        return ours;
    }

    public static Task<ImmutableArray<MetadataReference>> StubReferencesAsync() => AnalyzerRunner.GetReferencesAsync();

    /// <summary>The code actions one provider registers for one diagnostic; exceptions are recorded.</summary>
    public static async Task<List<CodeAction>> GetActionsAsync(Document document, Diagnostic diagnostic, Tally tally, string inputName)
    {
        var actions = new List<CodeAction>();
        if (FixerFor(diagnostic.Id) is not { } fixer || diagnostic.Location.SourceTree is null)
            return actions;
        try
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            tally.Crash(inputName, "RegisterCodeFixesAsync " + diagnostic.Id + " at " + diagnostic.Location.SourceSpan, e);
        }

        return actions;
    }

    /// <summary>Applies a code action to a copy of the solution; null when it threw (recorded) or made no change.</summary>
    public static async Task<Solution?> ApplyAsync(CodeAction action, Solution before, Tally tally, string inputName)
    {
        try
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            tally.FixAction();
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
            if (apply is null)
                return null;
            // Force every changed document, as the IDE's preview does.
            foreach (var projectChanges in apply.ChangedSolution.GetChanges(before).GetProjectChanges())
            {
                foreach (var id in projectChanges.GetChangedDocuments())
                    await projectChanges.NewProject.GetDocument(id)!.GetSyntaxRootAsync().ConfigureAwait(false);
            }

            return apply.ChangedSolution;
        }
        catch (Exception e)
        {
            tally.Crash(inputName, "code action '" + action.Title + "' (" + action.EquivalenceKey + ")", e);
            return null;
        }
    }

    /// <summary>For every diagnostic of <paramref name="analysis"/> inside <paramref name="document"/>: register the fixes and apply each one.</summary>
    public static async Task RunEveryFixAsync(Analysis analysis, Document document, Tally tally, string inputName)
    {
        var tree = await document.GetSyntaxTreeAsync().ConfigureAwait(false);
        foreach (var diagnostic in analysis.Diagnostics)
        {
            if (diagnostic.Location.SourceTree != tree)
                continue;
            foreach (var action in await GetActionsAsync(document, diagnostic, tally, inputName).ConfigureAwait(false))
                await ApplyAsync(action, document.Project.Solution, tally, inputName).ConfigureAwait(false);
        }
    }

    /// <summary>Fix All in document scope through the provider's own FixAllProvider; null when it offered nothing or threw.</summary>
    public static async Task<Solution?> FixAllInDocumentAsync(
        Document document, CodeFixProvider fixer, string? equivalenceKey, ImmutableArray<Diagnostic> diagnostics, Tally tally, string inputName)
    {
        try
        {
            var fixAllProvider = fixer.GetFixAllProvider();
            if (fixAllProvider is null)
                return null;
            var context = new FixAllContext(document, fixer, FixAllScope.Document, equivalenceKey, fixer.FixableDiagnosticIds,
                new FixedDiagnostics(diagnostics), CancellationToken.None);
            var action = await fixAllProvider.GetFixAsync(context).ConfigureAwait(false);
            tally.FixAll();
            return action is null ? null : await ApplyAsync(action, document.Project.Solution, tally, inputName).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            tally.Crash(inputName, "Fix All (" + equivalenceKey + ")", e);
            return null;
        }
    }

    /// <summary>Prefix ends at every token end of <paramref name="text"/>, plus the whole text.</summary>
    public static List<int> TokenEnds(string text, CSharpParseOptions? options = null)
    {
        var root = CSharpSyntaxTree.ParseText(text, options ?? new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var ends = new SortedSet<int> { 0, text.Length };
        foreach (var token in root.DescendantTokens(descendIntoTrivia: true))
        {
            if (!token.IsKind(SyntaxKind.EndOfFileToken) && token.Span.Length > 0)
                ends.Add(token.Span.End);
        }

        return ends.ToList();
    }

    /// <summary>Offsets inside string literals that hold "arn:" or "mrk-": the ARN as it is typed character by character.</summary>
    public static List<int> OffsetsInsideKeyLiterals(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var offsets = new List<int>();
        foreach (var token in root.DescendantTokens())
        {
            var tokenText = token.Text;
            if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken) &&
                !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) &&
                !token.IsKind(SyntaxKind.Utf8StringLiteralToken))
                continue;
            if (!tokenText.Contains("arn:", StringComparison.Ordinal) && !tokenText.Contains("mrk-", StringComparison.Ordinal))
                continue;
            for (var i = token.SpanStart + 1; i < token.Span.End; i++)
                offsets.Add(i);
        }

        return offsets;
    }

    /// <summary>Spans of tokens to delete one at a time, chosen by a seeded generator.</summary>
    public static List<TextSpan> RandomTokenSpans(string text, int count, int seed)
    {
        var tokens = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot()
            .DescendantTokens().Where(t => t.Span.Length > 0).Select(t => t.Span).ToList();
        var random = new Random(seed);
        var chosen = new List<TextSpan>();
        for (var i = 0; i < count && tokens.Count > 0; i++)
            chosen.Add(tokens[random.Next(tokens.Count)]);
        return chosen;
    }

    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} {Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}) {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KmsAnalyzers.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("KmsAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Gives Fix All the diagnostics that were computed for the snapshot, as the IDE's diagnostic service would.</summary>
    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return _diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree is null));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}

/// <summary>An analyzer exception, named after the analyzer that threw it.</summary>
internal sealed class AnalyzerCrash : Exception
{
    public AnalyzerCrash(string analyzer, Exception inner)
        : base(analyzer + " threw " + inner.GetType().Name + ": " + inner.Message, inner)
    {
    }
}
