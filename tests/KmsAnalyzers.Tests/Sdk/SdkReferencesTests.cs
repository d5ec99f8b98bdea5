using System.Linq;
using System.Threading.Tasks;
using KmsAnalyzers.Sdk;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KmsAnalyzers.Tests.Sdk;

/// <summary>The gate every analyzer asks at compilation start, from reference names alone: which SDK families a compilation can see.</summary>
public sealed class SdkReferencesTests
{
    private static async Task<SdkReferences> Of(string source, params MetadataReference[] extra)
    {
        var references = (await AnalyzerRunner.GetReferencesAsync()).Where(r => r != AwsSdkStubs.Reference).Concat(extra);
        return SdkReferences.Of(CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(source) }, references));
    }

    [Fact]
    public async Task Plain_code_sees_no_sdk_and_references_or_source_namespaces_open_the_gate()
    {
        var plain = await Of("namespace App { class C { string S = \"arn:aws:kms:eu-west-1:210987654321:key/x\"; } }");
        Assert.False(plain.MayHaveAwsSdk);
        Assert.False(plain.MayHaveCdk);
        Assert.False(plain.MayHaveKmsSdk);

        var aws = await Of("class C { }", AwsSdkStubs.Reference); // assembly AWSSDK.KeyManagementService
        Assert.True(aws.MayHaveAwsSdk);
        Assert.True(aws.MayHaveKmsSdk);

        var otherService = await Of("class C { }", StubCompiler.Compile("AWSSDK.S3", "namespace Amazon.S3 { public class AmazonS3Client { } }"));
        Assert.True(otherService.MayHaveAwsSdk); // KMS0004/KMS0005: other services have KMS key members
        Assert.False(otherService.MayHaveKmsSdk); // KMS0003/KMS0008: no KMS client to call
        Assert.False(aws.MayHaveCdk);

        var cdk = await Of("class C { }", CdkStubs.Reference); // assembly Amazon.CDK.Stubs
        Assert.False(cdk.MayHaveAwsSdk);
        Assert.True(cdk.MayHaveCdk);

        var standIns = await Of("namespace Amazon.KeyManagementService { public interface IAmazonKeyManagementService { } }");
        Assert.True(standIns.MayHaveAwsSdk);
        Assert.True(standIns.MayHaveCdk);

        var encryptionSdk = await Of("namespace AWS.Cryptography.MaterialProviders { public class CreateAwsKmsKeyringInput { } }");
        Assert.True(encryptionSdk.MayHaveAwsSdk);
        Assert.True(encryptionSdk.MayHaveKmsSdk); // source stand-ins count for every family
        Assert.Equal("CreateAwsKmsKeyringInput", encryptionSdk.GetType("AWS.Cryptography.MaterialProviders.CreateAwsKmsKeyringInput")?.Name);

        // Types are looked up in the SDK's assemblies and the source only.
        Assert.NotNull(aws.GetType("Amazon.KeyManagementService.IAmazonKeyManagementService"));
        Assert.Null(aws.GetType("System.IO.MemoryStream"));
        Assert.Null(plain.GetType("Amazon.KeyManagementService.IAmazonKeyManagementService"));
    }
}
