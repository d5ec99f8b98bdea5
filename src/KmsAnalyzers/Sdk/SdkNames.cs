using System;

namespace KmsAnalyzers.Sdk;

/// <summary>
/// The names of the AWS SDK for .NET, its dependency-injection setup, the AWS Encryption SDK and the AWS CDK that the
/// flow, the rules and the fixes match by name: spelled here once, so a change of the SDK surface is a change of this
/// folder (types matched by symbol are in <see cref="KmsSymbols"/> and <see cref="CdkSymbols"/>).
/// </summary>
internal static class SdkNames
{
    // Assembly and top-level namespace names: whether a compilation can see an SDK at all (SdkReferences).
    public const string KmsSdkAssembly = "AWSSDK.KeyManagementService";

    /// <summary>The word in the KMS SDK's namespace and client type names (<c>Amazon.KeyManagementService</c>, <c>IAmazonKeyManagementService</c>).</summary>
    public const string KmsSdkWord = "KeyManagementService";
    public const string AwsSdkAssemblyPrefix = "AWSSDK.";
    public const string EncryptionSdkAssemblyPrefix = "AWS.";
    public const string CdkAssemblyPrefix = "Amazon.CDK";
    public const string ConstructsAssembly = "Constructs";
    public const string AmazonNamespace = "Amazon";
    public const string EncryptionSdkNamespace = "AWS";

    // AWS SDK for .NET: client configuration, requests and responses.
    public const string AmazonWebServiceRequest = "Amazon.Runtime.AmazonWebServiceRequest";
    public const string RegionEndpoint = "Amazon.RegionEndpoint";
    public const string ClientConfig = "Amazon.Runtime.ClientConfig";
    public const string CreateKeyRequest = "Amazon.KeyManagementService.Model.CreateKeyRequest";
    public const string RegionEndpointMember = "RegionEndpoint";
    public const string ServiceUrlMember = "ServiceURL";
    public const string GetBySystemName = "GetBySystemName";
    public const string CiphertextBlob = "CiphertextBlob";
    public const string PrivateKeyCiphertextBlob = "PrivateKeyCiphertextBlob";
    public const string ReplicateKey = "ReplicateKey";
    public const string AsyncSuffix = "Async";

    // AWS Encryption SDK (Material Providers): keyrings and key stores that take KMS keys.
    public const string KmsKeyringInput = "AWS.Cryptography.MaterialProviders.CreateAwsKmsKeyringInput";
    public const string KeyStoreKmsConfiguration = "AWS.Cryptography.KeyStore.KMSConfiguration";

    // AWSSDK.Extensions.NETCore.Setup and the Microsoft.Extensions it extends.
    public const string ServiceCollectionExtensions = "Microsoft.Extensions.DependencyInjection.ServiceCollectionExtensions";
    public const string ConfigurationExtensions = "Microsoft.Extensions.Configuration.ConfigurationExtensions";
    public const string AddAwsService = "AddAWSService";
    public const string TryAddAwsService = "TryAddAWSService";
    public const string AddDefaultAwsOptions = "AddDefaultAWSOptions";
    public const string TryAddDefaultAwsOptions = "TryAddDefaultAWSOptions";
    public const string AwsOptions = "AWSOptions";
    public const string AwsOptionsRegion = "Region";
    public const string GetAwsOptions = "GetAWSOptions";
    public const string DefaultAwsOptionsSection = "AWS";
    public const string FromKeyedServicesAttribute = "FromKeyedServicesAttribute";

    // The container's own registrations (Microsoft.Extensions.DependencyInjection.Abstractions): a client instance or a
    // factory registered for the KMS interface.
    public const string ServiceCollectionServiceExtensions = "Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions";
    public const string ServiceCollectionDescriptorExtensions = "Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions";
    public static readonly string[] ContainerRegistrations =
        { "AddSingleton", "AddScoped", "AddTransient", "TryAddSingleton", "TryAddScoped", "TryAddTransient" };

    // AWS CDK v2 (Amazon.CDK.Lib).
    public const string CdkKmsNamespace = "Amazon.CDK.AWS.KMS";
    public const string CfnKey = CdkKmsNamespace + ".CfnKey";
    public const string CfnKeyProps = CdkKmsNamespace + ".CfnKeyProps";
    public const string CfnReplicaKey = CdkKmsNamespace + ".CfnReplicaKey";
    public const string L2Key = CdkKmsNamespace + ".Key";
    public const string L2KeyProps = CdkKmsNamespace + ".KeyProps";
    public const string Construct = "Constructs.Construct";
    public const string CfnKeyTypeName = "CfnKey";
    public const string MultiRegion = "MultiRegion";
    public const string PrimaryKeyArn = "PrimaryKeyArn";
    public const string CfnKeyPolicy = "KeyPolicy";
    public const string L2KeyPolicy = "Policy";
    public const string CdkAws = "Aws";
    public const string CdkAwsQualified = "Amazon.CDK.Aws";
    public const string CdkRegionToken = "REGION";

    /// <summary>The operation a client method performs: <c>DecryptAsync</c> and <c>Decrypt</c> are both <c>Decrypt</c>.</summary>
    public static string OperationName(string methodName) =>
        methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length) : methodName;
}
