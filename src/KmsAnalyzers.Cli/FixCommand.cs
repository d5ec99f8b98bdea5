using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Spectre.Console;

namespace KmsAnalyzers.Cli;

internal sealed record FixOptions(string Path, string[] AliasMaps, bool DeriveAliases, bool DryRun, string? PlanDirectory, bool Restore, string Sdk);

/// <summary>
/// <c>fix</c>: applies the preferred fix of every finding through each fix's own Fix All provider (the one the IDE
/// uses), solution-wide, rule after rule, and again until nothing changes (a fix can make another finding fixable);
/// then shows what changed per file, writes the files (unless <c>--dry-run</c>) and the alias plan.
/// </summary>
internal static class FixCommand
{
    private const int MaxRounds = 5;

    /// <summary>What <c>--derive-aliases</c> adds to every project: the same option a user would put in a .globalconfig.</summary>
    internal const string DeriveAliasesConfig = "is_global = true\nglobal_level = 1000\nkms_analyzers.derive_alias_names = preferred\n";

    public static async Task<int> RunAsync(FixOptions options, CancellationToken cancellationToken)
    {
        var reporter = new Reporter();
        reporter.Progress($"kms-analyzers {KmsRules.Version}: {KmsRules.Fixers.Length} code fixes; .NET SDK {options.Sdk}");
        var extraMaps = new List<string>();
        foreach (var pattern in options.AliasMaps)
        {
            var matches = ExpandPattern(pattern);
            if (matches.Count == 0)
            {
                reporter.Error($"--aliases '{pattern}' matches no file.");
                return Program.LoadError;
            }

            extraMaps.AddRange(matches);
        }

        using var input = await reporter.WithProgressAsync("Loading " + options.Path,
            () => InputLoader.LoadAsync(options.Path, options.Restore, extraMaps, options.DeriveAliases ? DeriveAliasesConfig : null, reporter, cancellationToken)).ConfigureAwait(false);
        if (input is null)
            return Program.LoadError;

        var analysis = new Analysis();
        var original = input.Solution;
        var before = Analysis.Findings(original, await reporter.WithProgressAsync("Analyzing",
            () => analysis.RunAsync(original, input.IsAnalyzable, reporter, cancellationToken)).ConfigureAwait(false));

        var uses = new List<AliasUse>();
        var current = await reporter.WithProgressAsync("Fixing",
            () => FixAllAsync(original, input, analysis, uses, reporter, cancellationToken)).ConfigureAwait(false);

        var afterDiagnostics = await analysis.RunAsync(current, input.IsAnalyzable, reporter, cancellationToken).ConfigureAwait(false);
        var after = Analysis.Findings(current, afterDiagnostics);
        var changes = await ChangedFilesAsync(original, current, cancellationToken).ConfigureAwait(false);

        WriteSummary(reporter, input, changes, before, after, options.DryRun);
        if (!options.DryRun)
        {
            foreach (var change in changes)
                Write(change.Path, change.NewText);
        }

        var maps = new AliasMaps(AliasMapFiles(input).Concat(extraMaps));
        var plan = new AliasPlan(uses, maps);
        var inputName = InputLoader.Relative(input.BaseDirectory, Path.GetFullPath(options.Path));
        if (inputName == ".")
            inputName = Path.GetFileName(Path.GetFullPath(options.Path).TrimEnd(Path.DirectorySeparatorChar));
        var markdown = plan.ToMarkdown(inputName, input.BaseDirectory, options.DryRun);
        if (!options.DryRun || options.PlanDirectory is not null)
        {
            var directory = options.PlanDirectory ?? input.BaseDirectory;
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, AliasPlan.FileName + ".md"), markdown, new UTF8Encoding(false));
            File.WriteAllBytes(Path.Combine(directory, AliasPlan.FileName + ".json"), plan.ToJson(inputName, input.BaseDirectory, options.DryRun));
            reporter.Progress($"Alias plan written to {Path.Combine(directory, AliasPlan.FileName)}.md and .json");
        }

        WritePlanSummary(reporter, plan, options.DryRun && options.PlanDirectory is null ? markdown : null);
        Report.WriteProblems(reporter, input, analysis);
        if (input.HasProblems)
            return Program.LoadError;
        return after.Count > 0 ? Program.FindingsRemain : Program.Clean;
    }

    /// <summary>
    /// Rounds of Fix All: in each, every code fix (in the order of the first rule it fixes, so that a constant is
    /// fixed where it is defined before the calls that use it) fixes all its findings in the solution.
    /// </summary>
    private static async Task<Solution> FixAllAsync(Solution solution, LoadedInput input, Analysis analysis, List<AliasUse> uses, Reporter reporter, CancellationToken cancellationToken)
    {
        var fixers = KmsRules.Fixers.OrderBy(f => f.FixableDiagnosticIds.Min(StringComparer.Ordinal), StringComparer.Ordinal).ToList();
        for (var round = 1; round <= MaxRounds; round++)
        {
            var changedInRound = false;
            foreach (var fixer in fixers)
            {
                var ids = fixer.FixableDiagnosticIds.ToImmutableHashSet(StringComparer.Ordinal);
                var all = await analysis.RunAsync(solution, input.IsAnalyzable, reporter, cancellationToken).ConfigureAwait(false);
                var fixable = OnePerFile(solution, all, ids);
                if (fixable.Values.All(d => d.IsEmpty))
                    continue;

                reporter.Progress($"Round {round}: {fixer.GetType().Name} on {fixable.Values.Sum(d => d.Length)} finding(s) of {string.Join(", ", ids.OrderBy(i => i, StringComparer.Ordinal))}");
                var replaced = await ReplacedByDiagnosticAsync(solution, fixable, cancellationToken).ConfigureAwait(false);
                var next = await ApplyFixAllAsync(solution, fixer, fixable, cancellationToken).ConfigureAwait(false);
                if (next is null)
                    continue;
                var changed = next.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)).ToList();
                if (changed.Count == 0)
                    continue;

                await RecordAliasUsesAsync(solution, next, changed, replaced, input.BaseDirectory, uses, cancellationToken).ConfigureAwait(false);
                solution = await ShareTextAcrossTargetFrameworksAsync(next, changed, cancellationToken).ConfigureAwait(false);
                changedInRound = true;
            }

            if (!changedInRound)
                break;
        }

        return solution;
    }

    /// <summary>
    /// The findings to fix, per project; a file compiled into several projects (one per target framework) is fixed
    /// through the first of them only, and its new text then given to the others.
    /// </summary>
    private static Dictionary<ProjectId, ImmutableArray<Diagnostic>> OnePerFile(Solution solution, List<ProjectDiagnostics> all, ImmutableHashSet<string> ids)
    {
        var owner = new Dictionary<string, ProjectId>(StringComparer.Ordinal);
        var result = new Dictionary<ProjectId, ImmutableArray<Diagnostic>>();
        foreach (var (projectId, diagnostics) in all)
        {
            var keep = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (var diagnostic in diagnostics)
            {
                if (!ids.Contains(diagnostic.Id) || diagnostic.Location.SourceTree?.FilePath is not { } path)
                    continue;
                if (!owner.TryGetValue(path, out var first))
                    owner[path] = first = projectId;
                if (first == projectId)
                    keep.Add(diagnostic);
            }

            result[projectId] = keep.ToImmutable();
        }

        return result;
    }

    private static async Task<Solution?> ApplyFixAllAsync(Solution solution, CodeFixProvider fixer, Dictionary<ProjectId, ImmutableArray<Diagnostic>> fixable, CancellationToken cancellationToken)
    {
        var provider = fixer.GetFixAllProvider();
        if (provider is null)
            return null;
        var first = fixable.First(p => !p.Value.IsEmpty);
        var project = solution.GetProject(first.Key)!;

        // Our providers take no key as "each finding's preferred fix" (the one Fix All and dotnet format apply);
        // for any other provider, the key of the first finding's first action, as dotnet format chooses it.
        string? key = null;
        if (provider is not TextChangeFixAllProvider)
        {
            key = await FirstActionKeyAsync(project, fixer, first.Value[0], cancellationToken).ConfigureAwait(false);
            if (key is null)
                return null;
        }

        var context = new FixAllContext(project, fixer, FixAllScope.Solution, key, fixer.FixableDiagnosticIds, new FixedDiagnostics(fixable), cancellationToken);
        var action = await provider.GetFixAsync(context).ConfigureAwait(false);
        if (action is null)
            return null;
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        return operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
    }

    private static async Task<string?> FirstActionKeyAsync(Project project, CodeFixProvider fixer, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Location.SourceTree is not { } tree || project.GetDocument(tree) is not { } document)
            return null;
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken);
        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions.FirstOrDefault()?.EquivalenceKey;
    }

    /// <summary>What each finding's fix will replace, read before the fix runs.</summary>
    private static async Task<Dictionary<DocumentId, List<(TextSpan Span, List<ReplacedIdentifier> Replaced)>>> ReplacedByDiagnosticAsync(
        Solution solution, Dictionary<ProjectId, ImmutableArray<Diagnostic>> fixable, CancellationToken cancellationToken)
    {
        var result = new Dictionary<DocumentId, List<(TextSpan, List<ReplacedIdentifier>)>>();
        foreach (var (projectId, diagnostics) in fixable)
        {
            var project = solution.GetProject(projectId)!;
            foreach (var diagnostic in diagnostics)
            {
                foreach (var location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations))
                {
                    if (!location.IsInSource || project.GetDocument(location.SourceTree) is not { } document)
                        continue;
                    var replaced = await ReplacedIdentifiers.AtAsync(document, location.SourceSpan, cancellationToken).ConfigureAwait(false);
                    if (replaced.Count == 0)
                        continue;
                    if (!result.TryGetValue(document.Id, out var list))
                        result[document.Id] = list = new List<(TextSpan, List<ReplacedIdentifier>)>();
                    list.Add((location.SourceSpan, replaced));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Every edit that writes an alias: the alias, and what the edited place held (the identifiers of the findings
    /// whose spans the edit touches, else the old value at the edit).
    /// </summary>
    private static async Task RecordAliasUsesAsync(
        Solution before, Solution after, List<DocumentId> changed, Dictionary<DocumentId, List<(TextSpan Span, List<ReplacedIdentifier> Replaced)>> replacedByDocument,
        string baseDirectory, List<AliasUse> uses, CancellationToken cancellationToken)
    {
        foreach (var id in changed)
        {
            var oldDocument = before.GetDocument(id)!;
            var oldText = await oldDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var newText = await after.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var file = InputLoader.Relative(baseDirectory, oldDocument.FilePath ?? oldDocument.Name);
            var shift = 0;
            foreach (var change in newText.GetTextChanges(oldText))
            {
                var newStart = change.Span.Start + shift;
                shift += (change.NewText?.Length ?? 0) - change.Span.Length;
                var aliases = ReplacedIdentifiers.AliasNamesIn(change.NewText ?? "");
                if (aliases.Count == 0)
                    continue;
                var replaced = replacedByDocument.TryGetValue(id, out var list)
                    ? list.Where(r => r.Span.IntersectsWith(change.Span) || change.Span.Contains(r.Span)).SelectMany(r => r.Replaced).Distinct().ToList()
                    : new List<ReplacedIdentifier>();
                if (replaced.Count == 0)
                    replaced = await ReplacedIdentifiers.AtAsync(oldDocument, change.Span, cancellationToken).ConfigureAwait(false);
                var line = newText.Lines.GetLineFromPosition(Math.Min(newStart, newText.Length)).LineNumber + 1;
                foreach (var alias in aliases)
                {
                    // One alias for several identifiers (a value built of two ARNs) pairs it with each.
                    foreach (var identifier in replaced.Count > 0 ? replaced : new List<ReplacedIdentifier> { new(null, null, null, null) })
                        uses.Add(new AliasUse(alias, identifier, file, line));
                }
            }
        }
    }

    /// <summary>Gives the fixed text of a file to every project that compiles it (the other target frameworks).</summary>
    private static async Task<Solution> ShareTextAcrossTargetFrameworksAsync(Solution solution, List<DocumentId> changed, CancellationToken cancellationToken)
    {
        foreach (var id in changed)
        {
            var document = solution.GetDocument(id)!;
            if (document.FilePath is null)
                continue;
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            foreach (var sibling in solution.GetDocumentIdsWithFilePath(document.FilePath))
            {
                if (sibling != id)
                    solution = solution.WithDocumentText(sibling, text);
            }
        }

        return solution;
    }

    internal sealed record FileChange(string Path, SourceText OldText, SourceText NewText, int Edits, int LinesRemoved, int LinesAdded);

    private static async Task<List<FileChange>> ChangedFilesAsync(Solution original, Solution current, CancellationToken cancellationToken)
    {
        var result = new List<FileChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var projectChange in current.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChange.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var path = original.GetDocument(id)?.FilePath;
                if (path is null || !seen.Add(path))
                    continue;
                var oldText = await original.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var newText = await current.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var edits = newText.GetTextChanges(oldText);
                if (edits.Count == 0)
                    continue;
                int removed = 0, added = 0, shift = 0;
                foreach (var edit in edits)
                {
                    var oldLines = oldText.Lines.GetLinePositionSpan(edit.Span);
                    removed += oldLines.End.Line - oldLines.Start.Line + 1;
                    var newSpan = new TextSpan(edit.Span.Start + shift, edit.NewText?.Length ?? 0);
                    var newLines = newText.Lines.GetLinePositionSpan(newSpan);
                    added += newLines.End.Line - newLines.Start.Line + 1;
                    shift += newSpan.Length - edit.Span.Length;
                }

                result.Add(new FileChange(path, oldText, newText, edits.Count, removed, added));
            }
        }

        return result.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }

    private static void WriteSummary(Reporter reporter, LoadedInput input, List<FileChange> changes, List<Finding> before, List<Finding> after, bool dryRun)
    {
        var console = reporter.Out;
        var table = new Table().Border(TableBorder.Rounded).Title(dryRun ? "Changes kms-analyzers fix would make (dry run: nothing written)" : "Changes made by kms-analyzers fix");
        table.AddColumn("File");
        table.AddColumn(new TableColumn("Edits").RightAligned());
        table.AddColumn(new TableColumn("Lines").RightAligned());
        table.AddColumn("Findings fixed");
        foreach (var change in changes)
        {
            var fixedByRule = before.Where(f => f.FilePath == change.Path).GroupBy(f => f.Id)
                .Select(g => (Id: g.Key, Count: g.Count() - after.Count(a => a.FilePath == change.Path && a.Id == g.Key)))
                .Where(x => x.Count > 0)
                .OrderBy(x => x.Id, StringComparer.Ordinal)
                .Select(x => $"{x.Id} x{x.Count}");
            table.AddRow(
                Markup.Escape(InputLoader.Relative(input.BaseDirectory, change.Path)),
                change.Edits.ToString(CultureInfo.InvariantCulture),
                $"[red]-{change.LinesRemoved}[/] [green]+{change.LinesAdded}[/]",
                Markup.Escape(string.Join(", ", fixedByRule)));
        }

        if (changes.Count == 0)
            table.AddRow("(no file changed)", "0", "", "");
        console.Write(table);
        console.MarkupLine($"Findings: {before.Count} before, {after.Count} after{(dryRun ? " (dry run)" : "")}.");
        foreach (var f in after)
            console.MarkupLine($"  remains: {Markup.Escape(InputLoader.Relative(input.BaseDirectory, f.FilePath))}({f.StartLine},{f.StartColumn}): {f.Id}: {Markup.Escape(f.Message)}");
    }

    private static void WritePlanSummary(Reporter reporter, AliasPlan plan, string? markdown)
    {
        var console = reporter.Out;
        var commands = plan.CreateCommands.ToList();
        console.MarkupLine($"Alias plan: {plan.Aliases.Count} alias(es) referenced, {plan.Aliases.Count(a => a.InAliasMaps)} shown by the alias maps, {commands.Count} to create.");
        if (markdown is not null)
        {
            console.WriteLine();
            console.WriteLine(markdown);
        }
        else
        {
            foreach (var command in commands)
                console.WriteLine("  " + command);
        }
    }

    /// <summary>Writes the fixed text in the file's own encoding (a BOM stays a BOM, none stays none).</summary>
    private static void Write(string path, SourceText text)
    {
        var encoding = text.Encoding ?? new UTF8Encoding(false);
        using var writer = new StreamWriter(path, append: false, encoding);
        text.Write(writer);
    }

    private static List<string> ExpandPattern(string pattern)
    {
        var full = Path.GetFullPath(pattern);
        var directory = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        if (name.IndexOfAny(new[] { '*', '?' }) < 0)
            return File.Exists(full) ? new List<string> { full } : new List<string>();
        return Directory.Exists(directory) ? Directory.GetFiles(directory, name).OrderBy(f => f, StringComparer.Ordinal).ToList() : new List<string>();
    }

    private static IEnumerable<string> AliasMapFiles(LoadedInput input) =>
        input.Solution.Projects.Where(input.IsAnalyzable)
            .SelectMany(p => p.AdditionalDocuments)
            .Select(d => d.FilePath)
            .OfType<string>()
            .Where(KmsAnalyzers.Options.AliasMapFile.IsAliasMapPath);

    /// <summary>The diagnostics computed once per pass, handed to the Fix All providers.</summary>
    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly Dictionary<ProjectId, ImmutableArray<Diagnostic>> _byProject;

        public FixedDiagnostics(Dictionary<ProjectId, ImmutableArray<Diagnostic>> byProject) => _byProject = byProject;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return _byProject.TryGetValue(document.Project.Id, out var all) ? all.Where(d => d.Location.SourceTree == tree) : Array.Empty<Diagnostic>();
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_byProject.TryGetValue(project.Id, out var all) ? all : Array.Empty<Diagnostic>());
    }
}
