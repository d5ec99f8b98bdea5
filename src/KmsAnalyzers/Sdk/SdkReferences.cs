using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Sdk;

/// <summary>
/// Which SDK families a compilation may see, told from the file names of its references (and the namespaces its own
/// source declares) without binding anything, and their types looked up in the SDK's own assemblies only.
/// Why: the first symbol question of a compilation binds its references (an assembly symbol for each of some 200
/// framework assemblies) and the first <c>GetTypeByMetadataName</c> loads their namespaces. That work is the
/// compiler's too, but the driver charges the analyzer that asks first, including the time it waits while the compiler
/// does it: KMS0003's compilation start was charged 0.15–0.25 s (<c>-p:ReportAnalyzer=true</c>) in a 760-line project
/// that references AWSSDK.Core but not the KMS SDK. So the analyzers decide from names at compilation start and ask
/// for symbols only in a callback that needs them, when the compiler has bound the references already.
/// </summary>
internal sealed class SdkReferences
{
    private static readonly ConditionalWeakTable<Compilation, SdkReferences> Cache = new();

    private readonly Compilation _compilation;
    private IAssemblySymbol[]? _searched;

    private SdkReferences(Compilation compilation, bool kms, bool aws, bool cdk)
    {
        _compilation = compilation;
        MayHaveKmsSdk = kms;
        MayHaveAwsSdk = aws;
        MayHaveCdk = cdk;
    }

    /// <summary>The KMS client (<c>AWSSDK.KeyManagementService</c>): other services' SDKs have no KMS call to judge.</summary>
    public bool MayHaveKmsSdk { get; }

    /// <summary>The AWS SDK for .NET or the AWS Encryption SDK (<c>AWSSDK.*</c>, <c>AWS.*</c>), or a reference of unknown name.</summary>
    public bool MayHaveAwsSdk { get; }

    /// <summary>The AWS CDK (<c>Amazon.CDK*</c>), or a reference of unknown name.</summary>
    public bool MayHaveCdk { get; }

    public static SdkReferences Of(Compilation compilation) => Cache.GetValue(compilation, static c => Read(c));

    /// <summary>
    /// The SDK type of that metadata name, from the compilation's source or an SDK assembly (the first that has it);
    /// null when none has it. Binds the references on first use: ask from a callback, not at compilation start.
    /// </summary>
    public INamedTypeSymbol? GetType(string metadataName)
    {
        foreach (var assembly in LazyInitializer.EnsureInitialized(ref _searched, Searched)!)
        {
            if (assembly.GetTypeByMetadataName(metadataName) is { } type)
                return type;
        }

        return null;
    }

    private IAssemblySymbol[] Searched()
    {
        var searched = new List<IAssemblySymbol> { _compilation.Assembly };
        foreach (var reference in _compilation.References)
        {
            // The name first: the symbol of every framework reference is a wrapper made on request (a few ms a compilation).
            if (Name(reference) is { } name && Family(name) == SdkFamily.None)
                continue;
            if (_compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly &&
                Family(assembly.Identity.Name) != SdkFamily.None)
                searched.Add(assembly);
        }

        return searched.ToArray();
    }

    private static SdkReferences Read(Compilation compilation)
    {
        bool kms = false, aws = false, cdk = false;
        // A script's #r directives count, but only a script has them: finding them builds the declaration table of
        // every file (8 ms a compilation on the benchmark's 200 files, charged to the asker).
        foreach (var reference in IsScript(compilation) ? compilation.References : compilation.ExternalReferences)
        {
            var family = Name(reference) is { } name ? Family(name) : SdkFamily.Unknown;
            kms |= family is SdkFamily.Kms or SdkFamily.Unknown;
            aws |= family is SdkFamily.Kms or SdkFamily.Aws or SdkFamily.Unknown;
            cdk |= family is SdkFamily.Cdk or SdkFamily.Unknown;
        }

        // Stand-ins for the SDK in source (tests, samples); types are matched by name, so they count.
        if (!(kms && aws && cdk) && DeclaresSdkNamespace(compilation))
            kms = aws = cdk = true;
        return new SdkReferences(compilation, kms, aws, cdk);
    }

    private static bool IsScript(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.Options.Kind != SourceCodeKind.Regular)
                return true;
        }

        return false;
    }

    // The assembly's simple name without binding: the file name, the name in a metadata image, a project's assembly name.
    private static string? Name(MetadataReference reference)
    {
        switch (reference)
        {
            case CompilationReference project:
                return project.Compilation.AssemblyName;
            case PortableExecutableReference { FilePath: { Length: > 0 } path }:
                return Path.GetFileNameWithoutExtension(path);
            case PortableExecutableReference image:
                try
                {
                    var metadata = image.GetMetadata();
                    var module = metadata is AssemblyMetadata assembly ? assembly.GetModules()[0] : (ModuleMetadata)metadata;
                    return Path.GetFileNameWithoutExtension(module.Name);
                }
                catch (Exception e) when (e is BadImageFormatException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    private enum SdkFamily
    {
        None,
        Unknown,
        Kms,
        Aws,
        Cdk,
    }

    private static SdkFamily Family(string name) =>
        name.Equals(SdkNames.KmsSdkAssembly, StringComparison.OrdinalIgnoreCase) ? SdkFamily.Kms
        : name.StartsWith(SdkNames.AwsSdkAssemblyPrefix, StringComparison.OrdinalIgnoreCase) ||
          name.StartsWith(SdkNames.EncryptionSdkAssemblyPrefix, StringComparison.Ordinal) ? SdkFamily.Aws
        : name.StartsWith(SdkNames.CdkAssemblyPrefix, StringComparison.OrdinalIgnoreCase) ||
          name.Equals(SdkNames.ConstructsAssembly, StringComparison.OrdinalIgnoreCase) ? SdkFamily.Cdk
        : SdkFamily.None;

    // The compilation's declaration table, which binds nothing: a test or a sample that declares `namespace Amazon.…`.
    private static bool DeclaresSdkNamespace(Compilation compilation) =>
        compilation.ContainsSymbolsWithName(SdkNames.AmazonNamespace, SymbolFilter.Namespace) ||
        compilation.ContainsSymbolsWithName(SdkNames.EncryptionSdkNamespace, SymbolFilter.Namespace);
}
