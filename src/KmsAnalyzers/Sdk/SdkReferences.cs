using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>
/// Which SDK families a compilation may see, and their types looked up in the SDK's own assemblies only. A compilation's
/// <c>GetTypeByMetadataName</c> searches every reference and loads the namespaces of each, and the analyzer that asks
/// first is charged for it: KMS0003's lookup of the KMS client interface cost 0.15–0.2 s (<c>-p:ReportAnalyzer=true</c>)
/// in a 760-line project that references AWSSDK.Core but not the KMS SDK. Here the references are told apart by
/// assembly name (<c>AWSSDK.*</c>, <c>AWS.*</c>, <c>Amazon.CDK*</c>, <c>Constructs</c>) and only those, with the
/// compilation's own source, are searched. Source that declares an <c>Amazon</c> or <c>AWS</c> namespace (stand-ins
/// for the SDK) counts as a reference.
/// </summary>
internal sealed class SdkReferences
{
    private static readonly ConditionalWeakTable<Compilation, SdkReferences> Cache = new();

    private readonly IAssemblySymbol[] _searched;

    private SdkReferences(bool aws, bool cdk, IAssemblySymbol[] searched)
    {
        MayHaveAwsSdk = aws;
        MayHaveCdk = cdk;
        _searched = searched;
    }

    /// <summary>The AWS SDK for .NET or the AWS Encryption SDK: assemblies named <c>AWSSDK.*</c> or <c>AWS.*</c>.</summary>
    public bool MayHaveAwsSdk { get; }

    /// <summary>The AWS CDK: assemblies named <c>Amazon.CDK*</c>.</summary>
    public bool MayHaveCdk { get; }

    public static SdkReferences Of(Compilation compilation) => Cache.GetValue(compilation, static c => Read(c));

    /// <summary>
    /// The SDK type of that metadata name, from the compilation's source or an SDK assembly (the first that has it);
    /// null when no searched assembly has it.
    /// </summary>
    public INamedTypeSymbol? GetType(string metadataName)
    {
        foreach (var assembly in _searched)
        {
            if (assembly.GetTypeByMetadataName(metadataName) is { } type)
                return type;
        }

        return null;
    }

    private static SdkReferences Read(Compilation compilation)
    {
        bool aws = false, cdk = false;
        var searched = new List<IAssemblySymbol> { compilation.Assembly };
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly)
                continue;
            var name = assembly.Identity.Name;
            var isAws = name.StartsWith(SdkNames.AwsSdkAssemblyPrefix, StringComparison.Ordinal) ||
                        name.StartsWith(SdkNames.EncryptionSdkAssemblyPrefix, StringComparison.Ordinal);
            var isCdk = name.StartsWith(SdkNames.CdkAssemblyPrefix, StringComparison.Ordinal) ||
                        name.Equals(SdkNames.ConstructsAssembly, StringComparison.Ordinal);
            if (isAws || isCdk)
                searched.Add(assembly);
            aws |= isAws;
            cdk |= isCdk && !name.Equals(SdkNames.ConstructsAssembly, StringComparison.Ordinal);
        }

        if (!aws || !cdk)
        {
            foreach (var ns in compilation.SourceModule.GlobalNamespace.GetNamespaceMembers())
            {
                if (ns.Name is SdkNames.AmazonNamespace)
                    aws = cdk = true;
                else if (ns.Name is SdkNames.EncryptionSdkNamespace)
                    aws = true;
            }
        }

        return new SdkReferences(aws, cdk, searched.ToArray());
    }
}
