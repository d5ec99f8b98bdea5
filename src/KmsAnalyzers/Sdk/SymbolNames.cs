using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>Compares symbols with metadata names without building strings.</summary>
internal static class SymbolNames
{
    /// <summary>Whether <paramref name="type"/> is <c>Namespace.Type</c> (top-level types only; SDK types are).</summary>
    public static bool HasMetadataName(INamedTypeSymbol? type, string metadataName)
    {
        if (type is null || type.ContainingType is not null)
            return false;
        var end = metadataName.Length;
        var dot = metadataName.LastIndexOf('.');
        if (!Equals(type.MetadataName, metadataName, dot + 1, end))
            return false;

        INamespaceSymbol? ns = type.ContainingNamespace;
        end = dot;
        while (ns is { IsGlobalNamespace: false })
        {
            if (end < 0)
                return false;
            dot = metadataName.LastIndexOf('.', end - 1);
            if (!Equals(ns.Name, metadataName, dot + 1, end))
                return false;
            end = dot;
            ns = ns.ContainingNamespace;
        }

        return end < 0;
    }

    /// <summary>Whether <paramref name="type"/> is, derives from or implements the type named <paramref name="metadataName"/>.</summary>
    public static bool IsOrInherits(ITypeSymbol? type, string metadataName)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (HasMetadataName(t, metadataName))
                return true;
        }

        if (type is null)
            return false;
        foreach (var i in type.AllInterfaces)
        {
            if (HasMetadataName(i, metadataName))
                return true;
        }

        return false;
    }

    private static bool Equals(string name, string s, int start, int end) =>
        name.Length == end - start && string.CompareOrdinal(name, 0, s, start, name.Length) == 0;
}
