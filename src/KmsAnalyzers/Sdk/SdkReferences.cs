using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>
/// Which SDK families a compilation may see, read from the names of its references and the top-level namespaces of its
/// own source before any type lookup. The first <c>GetTypeByMetadataName</c> of a compilation loads the namespaces of
/// every referenced assembly, and the analyzer that asks first is charged for it: KMS0003's lookup cost 0.2 s
/// (<c>-p:ReportAnalyzer=true</c>) in a 760-line project that does not reference the KMS SDK at all. Asked here first,
/// a compilation without the AWS SDK or the CDK costs our analyzers nothing. Source that declares an <c>Amazon</c>
/// or <c>AWS</c> namespace (stand-ins for the SDK) counts as a reference.
/// </summary>
internal sealed class SdkReferences
{
    private static readonly ConditionalWeakTable<Compilation, SdkReferences> Cache = new();

    private SdkReferences(bool aws, bool cdk)
    {
        MayHaveAwsSdk = aws;
        MayHaveCdk = cdk;
    }

    /// <summary>The AWS SDK for .NET or the AWS Encryption SDK: assemblies named <c>AWSSDK.*</c> or <c>AWS.*</c>.</summary>
    public bool MayHaveAwsSdk { get; }

    /// <summary>The AWS CDK: assemblies named <c>Amazon.CDK*</c>.</summary>
    public bool MayHaveCdk { get; }

    public static SdkReferences Of(Compilation compilation) => Cache.GetValue(compilation, static c => Read(c));

    private static SdkReferences Read(Compilation compilation)
    {
        bool aws = false, cdk = false;
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            var name = identity.Name;
            aws |= name.StartsWith(SdkNames.AwsSdkAssemblyPrefix, StringComparison.Ordinal) ||
                   name.StartsWith(SdkNames.EncryptionSdkAssemblyPrefix, StringComparison.Ordinal);
            cdk |= name.StartsWith(SdkNames.CdkAssemblyPrefix, StringComparison.Ordinal);
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

        return new SdkReferences(aws, cdk);
    }
}
