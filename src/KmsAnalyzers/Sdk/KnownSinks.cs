using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>The identifier forms a sink accepts, as the KMS API reference states them per parameter (see kms-sinks.json).</summary>
[Flags]
internal enum KeyForms
{
    None = 0,
    KeyId = 1,
    KeyArn = 2,
    AliasName = 4,
    AliasArn = 8,
}

internal sealed class PropertySink
{
    public PropertySink(string typeMetadataName, string property, KeyForms accepts)
    {
        TypeMetadataName = typeMetadataName;
        Property = property;
        Accepts = KnownSinks.IsEncryptionSdkKeyring(typeMetadataName) ? KeyForms.KeyArn : accepts;
        DisplayName = SimpleName(typeMetadataName) + "." + property;
    }

    public string TypeMetadataName { get; }
    public string Property { get; }
    public KeyForms Accepts { get; }
    public string DisplayName { get; }

    internal static string SimpleName(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);
}

internal sealed class ParameterSink
{
    public ParameterSink(string typeMetadataName, string method, string parameter, KeyForms accepts)
    {
        TypeMetadataName = typeMetadataName;
        Method = method;
        Parameter = parameter;
        Accepts = accepts;
        DisplayName = PropertySink.SimpleName(typeMetadataName) + "." +
            (method == ".ctor" ? PropertySink.SimpleName(typeMetadataName) : method) + "(" + parameter + ")";
    }

    public string TypeMetadataName { get; }
    public string Method { get; }
    public string Parameter { get; }
    public KeyForms Accepts { get; }
    public string DisplayName { get; }
}

/// <summary>
/// Members of AWS SDK types that take a KMS key identifier, matched by metadata name so that the analyzer
/// references no AWS assembly and works with SDK v3 and v4 alike.
/// </summary>
internal static partial class KnownSinks
{
    public const string KmsInterface = "Amazon.KeyManagementService.IAmazonKeyManagementService";
    public const string KmsClient = "Amazon.KeyManagementService.AmazonKeyManagementServiceClient";

    private static readonly Dictionary<string, PropertySink[]> PropertiesByName;
    private static readonly Dictionary<string, ParameterSink[]> ParametersByName;

    // A static constructor runs after the field initializers of every part, including the generated table.
    static KnownSinks()
    {
        PropertiesByName = GroupBy(PropertySinks, static s => s.Property);
        ParametersByName = GroupBy(ParameterSinks, static s => s.Parameter);
    }

    public static IReadOnlyList<PropertySink> AllProperties => PropertySinks;
    public static IReadOnlyList<ParameterSink> AllParameters => ParameterSinks;

    public static PropertySink? FindProperty(IPropertySymbol property)
    {
        if (!PropertiesByName.TryGetValue(property.Name, out var candidates))
            return null;
        foreach (var sink in candidates)
        {
            for (var type = property.ContainingType; type is not null; type = type.BaseType)
            {
                if (SymbolNames.HasMetadataName(type, sink.TypeMetadataName))
                    return sink;
            }
        }

        return null;
    }

    public static ParameterSink? FindParameter(IParameterSymbol parameter)
    {
        if (!ParametersByName.TryGetValue(parameter.Name, out var candidates) ||
            parameter.ContainingSymbol is not IMethodSymbol method)
            return null;
        var methodName = method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name;
        foreach (var sink in candidates)
        {
            if (!SameOperation(methodName, sink.Method))
                continue;
            var type = method.ContainingType;
            if (SymbolNames.HasMetadataName(type, sink.TypeMetadataName) ||
                (sink.TypeMetadataName == KmsInterface && SymbolNames.HasMetadataName(type, KmsClient)))
                return sink;
        }

        return null;
    }

    /// <summary>
    /// AWS Encryption SDK keyrings accept any identifier to encrypt, but decrypt only encrypted data keys whose recorded
    /// key ARN equals the configured string, so for the fix they take key ARNs only (docs/rules/KMS0001.md, "Encryption SDK").
    /// </summary>
    internal static bool IsEncryptionSdkKeyring(string typeMetadataName) =>
        typeMetadataName.StartsWith("AWS.Cryptography.MaterialProviders.CreateAwsKms", StringComparison.Ordinal) &&
        typeMetadataName.EndsWith("KeyringInput", StringComparison.Ordinal);

    /// <summary>Whether an alias name may stand where <paramref name="accepts"/> is required.</summary>
    public static bool AcceptsAliasName(KeyForms accepts) => (accepts & KeyForms.AliasName) != 0;

    // "DescribeKeyAsync" in the table also covers the synchronous "DescribeKey" of SDK v3 and the net472 build.
    private static bool SameOperation(string methodName, string sinkMethod)
    {
        if (methodName == sinkMethod)
            return true;
        return sinkMethod.EndsWith(SdkNames.AsyncSuffix, StringComparison.Ordinal) &&
            methodName.Length == sinkMethod.Length - SdkNames.AsyncSuffix.Length &&
            string.CompareOrdinal(methodName, 0, sinkMethod, 0, methodName.Length) == 0;
    }

    private static Dictionary<string, T[]> GroupBy<T>(T[] items, Func<T, string> key)
    {
        var lists = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!lists.TryGetValue(key(item), out var list))
                lists[key(item)] = list = new List<T>();
            list.Add(item);
        }

        var result = new Dictionary<string, T[]>(StringComparer.Ordinal);
        foreach (var pair in lists)
            result[pair.Key] = pair.Value.ToArray();
        return result;
    }
}
