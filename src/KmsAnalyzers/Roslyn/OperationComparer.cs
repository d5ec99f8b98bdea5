using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Roslyn;

/// <summary>
/// Operations compared by reference but hashed by where they are written: the default hash of an object that has none
/// yet goes through the runtime's slow path, and a walk hashes thousands of operations that nothing hashed before
/// (a third of KMS0007's time on a 500-statement policy).
/// </summary>
internal sealed class OperationComparer : IEqualityComparer<IOperation>
{
    public static readonly OperationComparer Instance = new();

    private OperationComparer()
    {
    }

    public bool Equals(IOperation? x, IOperation? y) => ReferenceEquals(x, y);

    public int GetHashCode(IOperation operation)
    {
        var span = operation.Syntax.Span;
        return unchecked((span.Start * 31 + span.Length) * 31 + (int)operation.Kind);
    }
}
