using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using KmsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Cli;

/// <summary>
/// The analyzers and code fixes of the tool's own KmsAnalyzers assemblies, found by reflection so that every rule
/// added to them is run without a change here.
/// </summary>
internal static class KmsRules
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Create<DiagnosticAnalyzer>(
        typeof(DiagnosticIds).Assembly, t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)));

    public static ImmutableArray<CodeFixProvider> Fixers { get; } = Create<CodeFixProvider>(
        typeof(TextChangeFixAllProvider).Assembly, t => t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)));

    /// <summary>Every descriptor our analyzers can report, by id (the first descriptor of an id wins).</summary>
    public static ImmutableSortedDictionary<string, DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableSortedDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public static string Version { get; } =
        typeof(DiagnosticIds).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(DiagnosticIds).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    private static ImmutableArray<T> Create<T>(Assembly assembly, Func<Type, bool> exported) where T : class =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && exported(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
