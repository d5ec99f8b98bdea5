using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Benchmarks.Infrastructure;

/// <summary>
/// New tree objects for the same parsed code (same text, same green nodes): the analyzers cache what a file's text says
/// per <see cref="SyntaxTree"/>, as the IDE's unchanged files keep their trees between keystrokes. A build parses every
/// file afresh, so each build-like run gets trees that no earlier run has seen, or the caches would flatter it.
/// </summary>
internal static class FreshTrees
{
    public static ImmutableArray<SyntaxTree> Of(ImmutableArray<SyntaxTree> trees)
    {
        var fresh = ImmutableArray.CreateBuilder<SyntaxTree>(trees.Length);
        foreach (var tree in trees)
            fresh.Add(tree.WithFilePath(tree.FilePath + "~").WithFilePath(tree.FilePath));
        return fresh.MoveToImmutable();
    }
}
