using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>
/// The KMS client operations that take a key identifier, and where they take it, derived from the sink table
/// (kms-sinks.json): a request property (<c>EncryptRequest.KeyId</c>, <c>ReEncryptRequest.DestinationKeyId</c>) or a
/// string parameter of a convenience overload (<c>DescribeKeyAsync(keyId)</c>). KMS0003 owns the decrypt entry points'
/// keys; every other key member that accepts an ARN (the form that names a Region) is KMS0008's.
/// </summary>
internal static class KmsOperations
{
    private const string ModelNamespace = "Amazon.KeyManagementService.Model.";
    private const string RequestSuffix = "Request";

    /// <summary>Request type name (<c>EncryptRequest</c>) → its KMS0008 key members.</summary>
    private static readonly Dictionary<string, PropertySink[]> KeyMembersByRequest = new(StringComparer.Ordinal);

    /// <summary>Method names (with and without <c>Async</c>) of every KMS0003 or KMS0008 operation: the cheap first test of an invocation.</summary>
    private static readonly HashSet<string> KeyOperationNames = new(StringComparer.Ordinal);
    private static readonly HashSet<string> CrossRegionKeyOperationNames = new(StringComparer.Ordinal);

    static KmsOperations()
    {
        var members = new Dictionary<string, List<PropertySink>>(StringComparer.Ordinal);
        foreach (var sink in KnownSinks.AllProperties)
        {
            if (!sink.TypeMetadataName.StartsWith(ModelNamespace, StringComparison.Ordinal) ||
                !sink.TypeMetadataName.EndsWith(RequestSuffix, StringComparison.Ordinal) || !NamesRegion(sink.Accepts))
                continue;
            var requestName = sink.TypeMetadataName.Substring(ModelNamespace.Length);
            var operation = requestName.Substring(0, requestName.Length - RequestSuffix.Length);
            if (DecryptKeyProperty(operation) == sink.Property)
                continue; // KMS0003's
            if (!members.TryGetValue(requestName, out var list))
                members[requestName] = list = new List<PropertySink>(1);
            list.Add(sink);
            AddOperation(CrossRegionKeyOperationNames, operation);
        }

        foreach (var pair in members)
            KeyMembersByRequest[pair.Key] = pair.Value.ToArray();
        foreach (var sink in KnownSinks.AllParameters)
        {
            if (sink.TypeMetadataName == KnownSinks.KmsInterface && NamesRegion(sink.Accepts))
                AddOperation(CrossRegionKeyOperationNames, SdkNames.OperationName(sink.Method));
        }

        KeyOperationNames.UnionWith(CrossRegionKeyOperationNames);
        foreach (var decrypt in new[] { "Decrypt", "Decapsulate", "ReEncrypt" })
            AddOperation(KeyOperationNames, decrypt);
        foreach (var name in KeyOperationNames)
        {
            KeyOperationLengths |= 1UL << name.Length; // every name is shorter than 64
            KeyOperationInitials |= 1u << (name[0] - 'A'); // and starts with an upper-case letter
        }
    }

    // The lengths and initials of KeyOperationNames: every invocation of a compilation asks, and these two tests
    // reject most other names before the name is hashed.
    private static readonly ulong KeyOperationLengths;
    private static readonly uint KeyOperationInitials;

    /// <summary>Whether a method of this name may be a KMS0003 or KMS0008 operation (the client's type is checked apart).</summary>
    public static bool IsKeyOperation(string methodName) =>
        methodName.Length is > 0 and < 64 && (KeyOperationLengths & (1UL << methodName.Length)) != 0 &&
        (uint)(methodName[0] - 'A') < 26 && (KeyOperationInitials & (1u << (methodName[0] - 'A'))) != 0 &&
        KeyOperationNames.Contains(methodName);

    /// <summary>Whether a client method of this name encrypts (the ciphertext it returns was made in the client's Region).</summary>
    public static bool IsEncryptOperation(string methodName) => SdkNames.OperationName(methodName) is
        "Encrypt" or "GenerateDataKey" or "GenerateDataKeyWithoutPlaintext" or "GenerateDataKeyPair" or "GenerateDataKeyPairWithoutPlaintext" or "ReEncrypt";

    /// <summary>Whether a method of this name takes a key that KMS0008 checks.</summary>
    public static bool IsCrossRegionKeyOperation(string methodName) => CrossRegionKeyOperationNames.Contains(methodName);

    /// <summary>The request property naming the key a decrypt entry point decrypts with (KMS0003), or null for other methods.</summary>
    public static string? DecryptKeyProperty(string methodName) => methodName switch
    {
        "Decrypt" or "DecryptAsync" or "Decapsulate" or "DecapsulateAsync" => "KeyId",
        "ReEncrypt" or "ReEncryptAsync" => "SourceKeyId",
        _ => null,
    };

    /// <summary>The KMS0008 key members of a KMS request type; empty for other types.</summary>
    public static IReadOnlyList<PropertySink> KeyMembers(ITypeSymbol? requestType) =>
        requestType is not null && KmsSymbols.IsKmsModel(requestType) && KeyMembersByRequest.TryGetValue(requestType.Name, out var members)
            ? members
            : Array.Empty<PropertySink>();

    // Only an ARN names a Region; a member that takes key ids or alias names alone cannot point at another Region.
    private static bool NamesRegion(KeyForms accepts) => (accepts & (KeyForms.KeyArn | KeyForms.AliasArn)) != 0;

    private static void AddOperation(HashSet<string> names, string operation)
    {
        names.Add(operation);
        names.Add(operation + SdkNames.AsyncSuffix);
    }
}
