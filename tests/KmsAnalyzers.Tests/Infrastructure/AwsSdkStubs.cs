using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Testing;

namespace KmsAnalyzers.Tests.Infrastructure;

/// <summary>
/// Compile-only stand-ins for the parts of the AWS SDK for .NET that the analyzers look at, so tests do not
/// depend on the real AWSSDK packages. Namespaces, type names, member names, parameter names/order,
/// constructor overloads and property types mirror AWSSDK.Core / AWSSDK.KeyManagementService / AWSSDK.S3 /
/// AWSSDK.DynamoDBv2 4.1.0 (checked by reflection); the remaining sink types are taken from the SDK sources.
/// </summary>
/// <remarks>
/// Deliberate deviations from the v4 net8.0 assemblies:
/// <list type="bullet">
/// <item>The synchronous twins (<c>Encrypt</c>, <c>Decrypt</c>, <c>ReEncrypt</c>, <c>GenerateDataKey</c>,
/// <c>GenerateDataKeyWithoutPlaintext</c>, <c>DescribeKey</c>, <c>CreateGrant</c>) exist only in the v3 and the
/// v4 net472 builds; they are here so tests can model SDK v3 code.</item>
/// <item>Only a subset of members is declared (what the analyzers inspect plus what typical application code
/// calls); bodies throw.</item>
/// <item>Like the real SDK, the stubs carry no nullable annotations (<c>#nullable disable</c>), so test code with
/// nullable enabled sees the same oblivious types it would see with the real packages.</item>
/// <item>The stub assembly is named <c>AWSSDK.KeyManagementService</c> although it also holds the AWSSDK.Core types
/// and other services' sink types: analyzers match SDK symbols by namespace and type name, and use assembly names
/// only to tell, before binding, whether an SDK is referenced at all (<c>SdkReferences</c>).</item>
/// </list>
/// </remarks>
internal static class AwsSdkStubs
{
    public const string Source = """
        // Stub declarations mirroring the public shape of the AWS SDK for .NET (AWSSDK.Core / AWSSDK.KeyManagementService
        // 4.1.0, plus single sink types of other AWS packages). Compile-time only: every body throws.
        // The real SDK assemblies carry no nullable annotations, so these stubs are nullable-oblivious as well.
        #nullable disable

        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Amazon
        {
            public class RegionEndpoint
            {
                public static readonly RegionEndpoint AFSouth1 = new RegionEndpoint("af-south-1", "Africa (Cape Town)", "aws");
                public static readonly RegionEndpoint APEast1 = new RegionEndpoint("ap-east-1", "Asia Pacific (Hong Kong)", "aws");
                public static readonly RegionEndpoint APEast2 = new RegionEndpoint("ap-east-2", "Asia Pacific (Taipei)", "aws");
                public static readonly RegionEndpoint APNortheast1 = new RegionEndpoint("ap-northeast-1", "Asia Pacific (Tokyo)", "aws");
                public static readonly RegionEndpoint APNortheast2 = new RegionEndpoint("ap-northeast-2", "Asia Pacific (Seoul)", "aws");
                public static readonly RegionEndpoint APNortheast3 = new RegionEndpoint("ap-northeast-3", "Asia Pacific (Osaka)", "aws");
                public static readonly RegionEndpoint APSouth1 = new RegionEndpoint("ap-south-1", "Asia Pacific (Mumbai)", "aws");
                public static readonly RegionEndpoint APSouth2 = new RegionEndpoint("ap-south-2", "Asia Pacific (Hyderabad)", "aws");
                public static readonly RegionEndpoint APSoutheast1 = new RegionEndpoint("ap-southeast-1", "Asia Pacific (Singapore)", "aws");
                public static readonly RegionEndpoint APSoutheast2 = new RegionEndpoint("ap-southeast-2", "Asia Pacific (Sydney)", "aws");
                public static readonly RegionEndpoint APSoutheast3 = new RegionEndpoint("ap-southeast-3", "Asia Pacific (Jakarta)", "aws");
                public static readonly RegionEndpoint APSoutheast4 = new RegionEndpoint("ap-southeast-4", "Asia Pacific (Melbourne)", "aws");
                public static readonly RegionEndpoint APSoutheast5 = new RegionEndpoint("ap-southeast-5", "Asia Pacific (Malaysia)", "aws");
                public static readonly RegionEndpoint APSoutheast6 = new RegionEndpoint("ap-southeast-6", "Asia Pacific (New Zealand)", "aws");
                public static readonly RegionEndpoint APSoutheast7 = new RegionEndpoint("ap-southeast-7", "Asia Pacific (Thailand)", "aws");
                public static readonly RegionEndpoint CACentral1 = new RegionEndpoint("ca-central-1", "Canada (Central)", "aws");
                public static readonly RegionEndpoint CAWest1 = new RegionEndpoint("ca-west-1", "Canada West (Calgary)", "aws");
                public static readonly RegionEndpoint EUCentral1 = new RegionEndpoint("eu-central-1", "Europe (Frankfurt)", "aws");
                public static readonly RegionEndpoint EUCentral2 = new RegionEndpoint("eu-central-2", "Europe (Zurich)", "aws");
                public static readonly RegionEndpoint EUNorth1 = new RegionEndpoint("eu-north-1", "Europe (Stockholm)", "aws");
                public static readonly RegionEndpoint EUSouth1 = new RegionEndpoint("eu-south-1", "Europe (Milan)", "aws");
                public static readonly RegionEndpoint EUSouth2 = new RegionEndpoint("eu-south-2", "Europe (Spain)", "aws");
                public static readonly RegionEndpoint EUWest1 = new RegionEndpoint("eu-west-1", "Europe (Ireland)", "aws");
                public static readonly RegionEndpoint EUWest2 = new RegionEndpoint("eu-west-2", "Europe (London)", "aws");
                public static readonly RegionEndpoint EUWest3 = new RegionEndpoint("eu-west-3", "Europe (Paris)", "aws");
                public static readonly RegionEndpoint ILCentral1 = new RegionEndpoint("il-central-1", "Israel (Tel Aviv)", "aws");
                public static readonly RegionEndpoint MECentral1 = new RegionEndpoint("me-central-1", "Middle East (UAE)", "aws");
                public static readonly RegionEndpoint MESouth1 = new RegionEndpoint("me-south-1", "Middle East (Bahrain)", "aws");
                public static readonly RegionEndpoint MEWest1 = new RegionEndpoint("me-west-1", "Middle East (Saudi Arabia)", "aws");
                public static readonly RegionEndpoint MXCentral1 = new RegionEndpoint("mx-central-1", "Mexico (Central)", "aws");
                public static readonly RegionEndpoint SAEast1 = new RegionEndpoint("sa-east-1", "South America (Sao Paulo)", "aws");
                public static readonly RegionEndpoint SAWest1 = new RegionEndpoint("sa-west-1", "South America (Chile)", "aws");
                public static readonly RegionEndpoint USEast1 = new RegionEndpoint("us-east-1", "US East (N. Virginia)", "aws");
                public static readonly RegionEndpoint USEast2 = new RegionEndpoint("us-east-2", "US East (Ohio)", "aws");
                public static readonly RegionEndpoint USWest1 = new RegionEndpoint("us-west-1", "US West (N. California)", "aws");
                public static readonly RegionEndpoint USWest2 = new RegionEndpoint("us-west-2", "US West (Oregon)", "aws");
                public static readonly RegionEndpoint CNNorth1 = new RegionEndpoint("cn-north-1", "China (Beijing)", "aws-cn");
                public static readonly RegionEndpoint CNNorthWest1 = new RegionEndpoint("cn-northwest-1", "China (Ningxia)", "aws-cn");
                public static readonly RegionEndpoint EUSCDeEast1 = new RegionEndpoint("eusc-de-east-1", "AWS European Sovereign Cloud (Germany)", "aws-eusc");
                public static readonly RegionEndpoint USIsoEast1 = new RegionEndpoint("us-iso-east-1", "US ISO East", "aws-iso");
                public static readonly RegionEndpoint USIsoWest1 = new RegionEndpoint("us-iso-west-1", "US ISO WEST", "aws-iso");
                public static readonly RegionEndpoint USIsobEast1 = new RegionEndpoint("us-isob-east-1", "US ISOB East (Ohio)", "aws-iso-b");
                public static readonly RegionEndpoint USIsobWest1 = new RegionEndpoint("us-isob-west-1", "US ISOB West", "aws-iso-b");
                public static readonly RegionEndpoint EUIsoeWest1 = new RegionEndpoint("eu-isoe-west-1", "EU ISOE West", "aws-iso-e");
                public static readonly RegionEndpoint USIsofEast1 = new RegionEndpoint("us-isof-east-1", "US ISOF EAST", "aws-iso-f");
                public static readonly RegionEndpoint USIsofSouth1 = new RegionEndpoint("us-isof-south-1", "US ISOF SOUTH", "aws-iso-f");
                public static readonly RegionEndpoint USGovCloudEast1 = new RegionEndpoint("us-gov-east-1", "AWS GovCloud (US-East)", "aws-us-gov");
                public static readonly RegionEndpoint USGovCloudWest1 = new RegionEndpoint("us-gov-west-1", "AWS GovCloud (US-West)", "aws-us-gov");

                private RegionEndpoint(string systemName, string displayName, string partitionName)
                {
                    SystemName = systemName;
                    DisplayName = displayName;
                    PartitionName = partitionName;
                }

                public static IEnumerable<RegionEndpoint> EnumerableAllRegions => throw null!;
                public static IEnumerable<string> AllPartitionRegionRegex => throw null!;
                public string SystemName { get; }
                public string DisplayName { get; }
                public string PartitionName { get; }
                public string PartitionDnsSuffix => throw null!;
                public string PartitionRegionRegex => throw null!;
                public string HostnameTemplate => throw null!;
                public static RegionEndpoint GetBySystemName(string systemName) => throw null!;
                public override string ToString() => throw null!;
            }

            public class Arn
            {
                public string Partition { get; set; }
                public string Service { get; set; }
                public string Region { get; set; }
                public string AccountId { get; set; }
                public string Resource { get; set; }
                public static Arn Parse(string arnString) => throw null!;
                public static bool TryParse(string arnString, out Arn arn) => throw null!;
                public static bool IsArn(string arn) => throw null!;
                public override string ToString() => throw null!;
                public override bool Equals(object o) => throw null!;
                public override int GetHashCode() => throw null!;
            }

            public static class AWSConfigs
            {
                public const string AWSRegionKey = "AWSRegion";
                public static string AWSRegion { get; set; }
                public static string AWSProfileName { get; set; }
                public static RegionEndpoint RegionEndpoint { get; set; }
            }
        }

        namespace Amazon.Runtime
        {
            public class ConstantClass
            {
                protected ConstantClass(string value) => Value = value;
                public string Value { get; }
                public override string ToString() => throw null!;
                public string ToString(IFormatProvider provider) => throw null!;
                public override bool Equals(object obj) => throw null!;
                public virtual bool Equals(ConstantClass obj) => throw null!;
                public override int GetHashCode() => throw null!;
                public static implicit operator string(ConstantClass value) => throw null!;
                public static bool operator ==(ConstantClass a, ConstantClass b) => throw null!;
                public static bool operator !=(ConstantClass a, ConstantClass b) => throw null!;
                public static bool operator ==(ConstantClass a, string b) => throw null!;
                public static bool operator !=(ConstantClass a, string b) => throw null!;
                public static bool operator ==(string a, ConstantClass b) => throw null!;
                public static bool operator !=(string a, ConstantClass b) => throw null!;
            }

            public class ImmutableCredentials
            {
                public ImmutableCredentials(string awsAccessKeyId, string awsSecretAccessKey, string token) => throw null!;
                public ImmutableCredentials(string awsAccessKeyId, string awsSecretAccessKey, string token, string accountId) => throw null!;
                public string AccessKey => throw null!;
                public string SecretKey => throw null!;
                public string Token => throw null!;
                public bool UseToken => throw null!;
                public string AccountId => throw null!;
            }

            public abstract class AWSCredentials : Amazon.Runtime.Identity.BaseIdentity
            {
                protected AWSCredentials() { }
                public abstract ImmutableCredentials GetCredentials();
                public virtual Task<ImmutableCredentials> GetCredentialsAsync() => throw null!;
            }

            public class BasicAWSCredentials : AWSCredentials
            {
                public BasicAWSCredentials(string accessKey, string secretKey) => throw null!;
                public BasicAWSCredentials(string accessKey, string secretKey, string accountId) => throw null!;
                public override ImmutableCredentials GetCredentials() => throw null!;
            }

            public class SessionAWSCredentials : AWSCredentials
            {
                public SessionAWSCredentials(string awsAccessKeyId, string awsSecretAccessKey, string token) => throw null!;
                public SessionAWSCredentials(string awsAccessKeyId, string awsSecretAccessKey, string token, string accountId) => throw null!;
                public override ImmutableCredentials GetCredentials() => throw null!;
            }

            public class AnonymousAWSCredentials : AWSCredentials
            {
                public override ImmutableCredentials GetCredentials() => throw null!;
            }

            public static class FallbackRegionFactory
            {
                public static RegionEndpoint GetRegionEndpoint() => throw null!;
                public static RegionEndpoint GetRegionEndpoint(bool includeInstanceMetadata) => throw null!;
                public static void Reset() => throw null!;
            }

            public interface IClientConfig
            {
                RegionEndpoint RegionEndpoint { get; }
                string RegionEndpointServiceName { get; }
                string ServiceURL { get; }
                string AuthenticationRegion { get; }
                string AuthenticationServiceName { get; }
                bool UseFIPSEndpoint { get; }
                bool UseDualstackEndpoint { get; }
                bool IgnoreConfiguredEndpointUrls { get; }
                bool UseHttp { get; }
                int MaxErrorRetry { get; }
                TimeSpan? Timeout { get; }
                string ServiceVersion { get; }
                string UserAgent { get; }
            }

            public abstract class ClientConfig : IClientConfig
            {
                // Real: protected ClientConfig(Amazon.Runtime.Internal.IDefaultConfigurationProvider); not modelled.
                protected ClientConfig() { }
                public virtual RegionEndpoint RegionEndpoint { get; set; }
                public abstract string RegionEndpointServiceName { get; }
                public virtual string ServiceURL { get; set; }
                public virtual string AuthenticationRegion { get; set; }
                public virtual string AuthenticationServiceName { get; set; }
                public virtual bool UseFIPSEndpoint { get; set; }
                public virtual bool UseDualstackEndpoint { get; set; }
                public virtual bool IgnoreConfiguredEndpointUrls { get; set; }
                public virtual bool UseHttp { get; set; }
                public virtual int MaxErrorRetry { get; set; }
                public virtual TimeSpan? Timeout { get; set; }
                public abstract string ServiceVersion { get; }
                public abstract string UserAgent { get; }
                public virtual void Validate() => throw null!;
            }

            // Real v4 (net8.0+) also declares static abstract CreateDefaultClientConfig/CreateDefaultServiceClient; not modelled.
            public interface IAmazonService
            {
                IClientConfig Config { get; }
            }

            public abstract class AmazonServiceClient : IDisposable
            {
                protected AmazonServiceClient(AWSCredentials credentials, ClientConfig config) => throw null!;
                protected AmazonServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, ClientConfig config) => throw null!;
                protected AmazonServiceClient(string awsAccessKeyId, string awsSecretAccessKey, ClientConfig config) => throw null!;
                protected AmazonServiceClient(ClientConfig config) => throw null!;
                public IClientConfig Config => throw null!;
                public void Dispose() => throw null!;
            }

            public abstract class AmazonWebServiceRequest
            {
                protected AmazonWebServiceRequest() { }
            }

            public class ResponseMetadata
            {
                public string RequestId { get; set; }
                public IDictionary<string, string> Metadata => throw null!;
            }

            public class AmazonWebServiceResponse
            {
                public ResponseMetadata ResponseMetadata { get; set; }
                public long ContentLength { get; set; }
                public HttpStatusCode HttpStatusCode { get; set; }
            }

            public interface IPaginatedEnumerable<TResult> : IAsyncEnumerable<TResult>
            {
            }

            public class AmazonClientException : Exception
            {
                public AmazonClientException(string message) => throw null!;
                public AmazonClientException(string message, Exception innerException) => throw null!;
            }

            public class AmazonServiceException : Exception
            {
                public AmazonServiceException() => throw null!;
                public AmazonServiceException(string message) => throw null!;
                public AmazonServiceException(string message, Exception innerException) => throw null!;
                public AmazonServiceException(Exception innerException) => throw null!;
                public string ErrorCode { get; set; }
                public string RequestId { get; set; }
                public HttpStatusCode StatusCode { get; set; }
            }
        }

        namespace Amazon.Runtime.Identity
        {
            public abstract class BaseIdentity
            {
                protected BaseIdentity() { }
                public virtual DateTime? Expiration { get; set; }
            }
        }

        namespace Amazon.KeyManagementService
        {
            using Amazon.KeyManagementService.Model;
            using Amazon.Runtime;

            public class DataKeySpec : ConstantClass
            {
                public static readonly DataKeySpec AES_128 = new DataKeySpec("AES_128");
                public static readonly DataKeySpec AES_256 = new DataKeySpec("AES_256");
                public DataKeySpec(string value) : base(value) { }
                public static DataKeySpec FindValue(string value) => throw null!;
                public static implicit operator DataKeySpec(string value) => throw null!;
            }

            public class EncryptionAlgorithmSpec : ConstantClass
            {
                public static readonly EncryptionAlgorithmSpec RSAES_OAEP_SHA_1 = new EncryptionAlgorithmSpec("RSAES_OAEP_SHA_1");
                public static readonly EncryptionAlgorithmSpec RSAES_OAEP_SHA_256 = new EncryptionAlgorithmSpec("RSAES_OAEP_SHA_256");
                public static readonly EncryptionAlgorithmSpec SM2PKE = new EncryptionAlgorithmSpec("SM2PKE");
                public static readonly EncryptionAlgorithmSpec SYMMETRIC_DEFAULT = new EncryptionAlgorithmSpec("SYMMETRIC_DEFAULT");
                public EncryptionAlgorithmSpec(string value) : base(value) { }
                public static EncryptionAlgorithmSpec FindValue(string value) => throw null!;
                public static implicit operator EncryptionAlgorithmSpec(string value) => throw null!;
            }

            public class KeySpec : ConstantClass
            {
                public static readonly KeySpec ECC_NIST_EDWARDS25519 = new KeySpec("ECC_NIST_EDWARDS25519");
                public static readonly KeySpec ECC_NIST_P256 = new KeySpec("ECC_NIST_P256");
                public static readonly KeySpec ECC_NIST_P384 = new KeySpec("ECC_NIST_P384");
                public static readonly KeySpec ECC_NIST_P521 = new KeySpec("ECC_NIST_P521");
                public static readonly KeySpec ECC_SECG_P256K1 = new KeySpec("ECC_SECG_P256K1");
                public static readonly KeySpec HMAC_224 = new KeySpec("HMAC_224");
                public static readonly KeySpec HMAC_256 = new KeySpec("HMAC_256");
                public static readonly KeySpec HMAC_384 = new KeySpec("HMAC_384");
                public static readonly KeySpec HMAC_512 = new KeySpec("HMAC_512");
                public static readonly KeySpec ML_DSA_44 = new KeySpec("ML_DSA_44");
                public static readonly KeySpec ML_DSA_65 = new KeySpec("ML_DSA_65");
                public static readonly KeySpec ML_DSA_87 = new KeySpec("ML_DSA_87");
                public static readonly KeySpec ML_KEM_1024 = new KeySpec("ML_KEM_1024");
                public static readonly KeySpec ML_KEM_512 = new KeySpec("ML_KEM_512");
                public static readonly KeySpec ML_KEM_768 = new KeySpec("ML_KEM_768");
                public static readonly KeySpec RSA_2048 = new KeySpec("RSA_2048");
                public static readonly KeySpec RSA_3072 = new KeySpec("RSA_3072");
                public static readonly KeySpec RSA_4096 = new KeySpec("RSA_4096");
                public static readonly KeySpec SM2 = new KeySpec("SM2");
                public static readonly KeySpec SYMMETRIC_DEFAULT = new KeySpec("SYMMETRIC_DEFAULT");
                public KeySpec(string value) : base(value) { }
                public static KeySpec FindValue(string value) => throw null!;
                public static implicit operator KeySpec(string value) => throw null!;
            }

            public class KeyUsageType : ConstantClass
            {
                public static readonly KeyUsageType ENCAPSULATE_DECAPSULATE = new KeyUsageType("ENCAPSULATE_DECAPSULATE");
                public static readonly KeyUsageType ENCRYPT_DECRYPT = new KeyUsageType("ENCRYPT_DECRYPT");
                public static readonly KeyUsageType GENERATE_VERIFY_MAC = new KeyUsageType("GENERATE_VERIFY_MAC");
                public static readonly KeyUsageType KEY_AGREEMENT = new KeyUsageType("KEY_AGREEMENT");
                public static readonly KeyUsageType SIGN_VERIFY = new KeyUsageType("SIGN_VERIFY");
                public KeyUsageType(string value) : base(value) { }
                public static KeyUsageType FindValue(string value) => throw null!;
                public static implicit operator KeyUsageType(string value) => throw null!;
            }

            public class MultiRegionKeyType : ConstantClass
            {
                public static readonly MultiRegionKeyType PRIMARY = new MultiRegionKeyType("PRIMARY");
                public static readonly MultiRegionKeyType REPLICA = new MultiRegionKeyType("REPLICA");
                public MultiRegionKeyType(string value) : base(value) { }
                public static MultiRegionKeyType FindValue(string value) => throw null!;
                public static implicit operator MultiRegionKeyType(string value) => throw null!;
            }

            public class KeyState : ConstantClass
            {
                public static readonly KeyState Creating = new KeyState("Creating");
                public static readonly KeyState Disabled = new KeyState("Disabled");
                public static readonly KeyState Enabled = new KeyState("Enabled");
                public static readonly KeyState PendingDeletion = new KeyState("PendingDeletion");
                public static readonly KeyState PendingImport = new KeyState("PendingImport");
                public static readonly KeyState PendingReplicaDeletion = new KeyState("PendingReplicaDeletion");
                public static readonly KeyState Unavailable = new KeyState("Unavailable");
                public static readonly KeyState Updating = new KeyState("Updating");
                public KeyState(string value) : base(value) { }
                public static KeyState FindValue(string value) => throw null!;
                public static implicit operator KeyState(string value) => throw null!;
            }

            public class OriginType : ConstantClass
            {
                public static readonly OriginType AWS_CLOUDHSM = new OriginType("AWS_CLOUDHSM");
                public static readonly OriginType AWS_KMS = new OriginType("AWS_KMS");
                public static readonly OriginType EXTERNAL = new OriginType("EXTERNAL");
                public static readonly OriginType EXTERNAL_KEY_STORE = new OriginType("EXTERNAL_KEY_STORE");
                public OriginType(string value) : base(value) { }
                public static OriginType FindValue(string value) => throw null!;
                public static implicit operator OriginType(string value) => throw null!;
            }

            public class DataKeyPairSpec : ConstantClass
            {
                public static readonly DataKeyPairSpec ECC_NIST_EDWARDS25519 = new DataKeyPairSpec("ECC_NIST_EDWARDS25519");
                public static readonly DataKeyPairSpec ECC_NIST_P256 = new DataKeyPairSpec("ECC_NIST_P256");
                public static readonly DataKeyPairSpec ECC_NIST_P384 = new DataKeyPairSpec("ECC_NIST_P384");
                public static readonly DataKeyPairSpec ECC_NIST_P521 = new DataKeyPairSpec("ECC_NIST_P521");
                public static readonly DataKeyPairSpec ECC_SECG_P256K1 = new DataKeyPairSpec("ECC_SECG_P256K1");
                public static readonly DataKeyPairSpec ML_KEM_1024 = new DataKeyPairSpec("ML_KEM_1024");
                public static readonly DataKeyPairSpec ML_KEM_512 = new DataKeyPairSpec("ML_KEM_512");
                public static readonly DataKeyPairSpec ML_KEM_768 = new DataKeyPairSpec("ML_KEM_768");
                public static readonly DataKeyPairSpec RSA_2048 = new DataKeyPairSpec("RSA_2048");
                public static readonly DataKeyPairSpec RSA_3072 = new DataKeyPairSpec("RSA_3072");
                public static readonly DataKeyPairSpec RSA_4096 = new DataKeyPairSpec("RSA_4096");
                public static readonly DataKeyPairSpec SM2 = new DataKeyPairSpec("SM2");
                public DataKeyPairSpec(string value) : base(value) { }
                public static DataKeyPairSpec FindValue(string value) => throw null!;
                public static implicit operator DataKeyPairSpec(string value) => throw null!;
            }

            public class SigningAlgorithmSpec : ConstantClass
            {
                public static readonly SigningAlgorithmSpec ECDSA_SHA_256 = new SigningAlgorithmSpec("ECDSA_SHA_256");
                public static readonly SigningAlgorithmSpec ECDSA_SHA_384 = new SigningAlgorithmSpec("ECDSA_SHA_384");
                public static readonly SigningAlgorithmSpec ECDSA_SHA_512 = new SigningAlgorithmSpec("ECDSA_SHA_512");
                public static readonly SigningAlgorithmSpec ED25519_PH_SHA_512 = new SigningAlgorithmSpec("ED25519_PH_SHA_512");
                public static readonly SigningAlgorithmSpec ED25519_SHA_512 = new SigningAlgorithmSpec("ED25519_SHA_512");
                public static readonly SigningAlgorithmSpec ML_DSA_SHAKE_256 = new SigningAlgorithmSpec("ML_DSA_SHAKE_256");
                public static readonly SigningAlgorithmSpec RSASSA_PKCS1_V1_5_SHA_256 = new SigningAlgorithmSpec("RSASSA_PKCS1_V1_5_SHA_256");
                public static readonly SigningAlgorithmSpec RSASSA_PKCS1_V1_5_SHA_384 = new SigningAlgorithmSpec("RSASSA_PKCS1_V1_5_SHA_384");
                public static readonly SigningAlgorithmSpec RSASSA_PKCS1_V1_5_SHA_512 = new SigningAlgorithmSpec("RSASSA_PKCS1_V1_5_SHA_512");
                public static readonly SigningAlgorithmSpec RSASSA_PSS_SHA_256 = new SigningAlgorithmSpec("RSASSA_PSS_SHA_256");
                public static readonly SigningAlgorithmSpec RSASSA_PSS_SHA_384 = new SigningAlgorithmSpec("RSASSA_PSS_SHA_384");
                public static readonly SigningAlgorithmSpec RSASSA_PSS_SHA_512 = new SigningAlgorithmSpec("RSASSA_PSS_SHA_512");
                public static readonly SigningAlgorithmSpec SM2DSA = new SigningAlgorithmSpec("SM2DSA");
                public SigningAlgorithmSpec(string value) : base(value) { }
                public static SigningAlgorithmSpec FindValue(string value) => throw null!;
                public static implicit operator SigningAlgorithmSpec(string value) => throw null!;
            }

            public class MessageType : ConstantClass
            {
                public static readonly MessageType DIGEST = new MessageType("DIGEST");
                public static readonly MessageType EXTERNAL_MU = new MessageType("EXTERNAL_MU");
                public static readonly MessageType RAW = new MessageType("RAW");
                public MessageType(string value) : base(value) { }
                public static MessageType FindValue(string value) => throw null!;
                public static implicit operator MessageType(string value) => throw null!;
            }

            public class MacAlgorithmSpec : ConstantClass
            {
                public static readonly MacAlgorithmSpec HMAC_SHA_224 = new MacAlgorithmSpec("HMAC_SHA_224");
                public static readonly MacAlgorithmSpec HMAC_SHA_256 = new MacAlgorithmSpec("HMAC_SHA_256");
                public static readonly MacAlgorithmSpec HMAC_SHA_384 = new MacAlgorithmSpec("HMAC_SHA_384");
                public static readonly MacAlgorithmSpec HMAC_SHA_512 = new MacAlgorithmSpec("HMAC_SHA_512");
                public MacAlgorithmSpec(string value) : base(value) { }
                public static MacAlgorithmSpec FindValue(string value) => throw null!;
                public static implicit operator MacAlgorithmSpec(string value) => throw null!;
            }

            public class CustomerMasterKeySpec : ConstantClass
            {
                public static readonly CustomerMasterKeySpec ECC_NIST_P256 = new CustomerMasterKeySpec("ECC_NIST_P256");
                public static readonly CustomerMasterKeySpec ECC_NIST_P384 = new CustomerMasterKeySpec("ECC_NIST_P384");
                public static readonly CustomerMasterKeySpec ECC_NIST_P521 = new CustomerMasterKeySpec("ECC_NIST_P521");
                public static readonly CustomerMasterKeySpec ECC_SECG_P256K1 = new CustomerMasterKeySpec("ECC_SECG_P256K1");
                public static readonly CustomerMasterKeySpec HMAC_224 = new CustomerMasterKeySpec("HMAC_224");
                public static readonly CustomerMasterKeySpec HMAC_256 = new CustomerMasterKeySpec("HMAC_256");
                public static readonly CustomerMasterKeySpec HMAC_384 = new CustomerMasterKeySpec("HMAC_384");
                public static readonly CustomerMasterKeySpec HMAC_512 = new CustomerMasterKeySpec("HMAC_512");
                public static readonly CustomerMasterKeySpec RSA_2048 = new CustomerMasterKeySpec("RSA_2048");
                public static readonly CustomerMasterKeySpec RSA_3072 = new CustomerMasterKeySpec("RSA_3072");
                public static readonly CustomerMasterKeySpec RSA_4096 = new CustomerMasterKeySpec("RSA_4096");
                public static readonly CustomerMasterKeySpec SM2 = new CustomerMasterKeySpec("SM2");
                public static readonly CustomerMasterKeySpec SYMMETRIC_DEFAULT = new CustomerMasterKeySpec("SYMMETRIC_DEFAULT");
                public CustomerMasterKeySpec(string value) : base(value) { }
                public static CustomerMasterKeySpec FindValue(string value) => throw null!;
                public static implicit operator CustomerMasterKeySpec(string value) => throw null!;
            }

            public class GrantOperation : ConstantClass
            {
                public static readonly GrantOperation CreateGrant = new GrantOperation("CreateGrant");
                public static readonly GrantOperation Decapsulate = new GrantOperation("Decapsulate");
                public static readonly GrantOperation Decrypt = new GrantOperation("Decrypt");
                public static readonly GrantOperation DeriveSharedSecret = new GrantOperation("DeriveSharedSecret");
                public static readonly GrantOperation DescribeKey = new GrantOperation("DescribeKey");
                public static readonly GrantOperation Encapsulate = new GrantOperation("Encapsulate");
                public static readonly GrantOperation Encrypt = new GrantOperation("Encrypt");
                public static readonly GrantOperation GenerateDataKey = new GrantOperation("GenerateDataKey");
                public static readonly GrantOperation GenerateDataKeyPair = new GrantOperation("GenerateDataKeyPair");
                public static readonly GrantOperation GenerateDataKeyPairWithoutPlaintext = new GrantOperation("GenerateDataKeyPairWithoutPlaintext");
                public static readonly GrantOperation GenerateDataKeyWithoutPlaintext = new GrantOperation("GenerateDataKeyWithoutPlaintext");
                public static readonly GrantOperation GenerateMac = new GrantOperation("GenerateMac");
                public static readonly GrantOperation GetPublicKey = new GrantOperation("GetPublicKey");
                public static readonly GrantOperation ReEncryptFrom = new GrantOperation("ReEncryptFrom");
                public static readonly GrantOperation ReEncryptTo = new GrantOperation("ReEncryptTo");
                public static readonly GrantOperation RetireGrant = new GrantOperation("RetireGrant");
                public static readonly GrantOperation Sign = new GrantOperation("Sign");
                public static readonly GrantOperation Verify = new GrantOperation("Verify");
                public static readonly GrantOperation VerifyMac = new GrantOperation("VerifyMac");
                public GrantOperation(string value) : base(value) { }
                public static GrantOperation FindValue(string value) => throw null!;
                public static implicit operator GrantOperation(string value) => throw null!;
            }

            public class AmazonKeyManagementServiceConfig : ClientConfig
            {
                public AmazonKeyManagementServiceConfig() { }
                public override string RegionEndpointServiceName => throw null!;
                public override string ServiceVersion => throw null!;
                public override string UserAgent => throw null!;
            }

            public class AmazonKeyManagementServiceRequest : AmazonWebServiceRequest
            {
            }

            public class AmazonKeyManagementServiceException : AmazonServiceException
            {
                public AmazonKeyManagementServiceException() { }
                public AmazonKeyManagementServiceException(string message) { }
                public AmazonKeyManagementServiceException(string message, Exception innerException) { }
                public AmazonKeyManagementServiceException(Exception innerException) { }
            }

            public interface IAmazonKeyManagementService : IAmazonService, IDisposable
            {
                IKeyManagementServicePaginatorFactory Paginators { get; }

                Task<CancelKeyDeletionResponse> CancelKeyDeletionAsync(CancelKeyDeletionRequest request, CancellationToken cancellationToken = default);
                Task<CancelKeyDeletionResponse> CancelKeyDeletionAsync(string keyId, CancellationToken cancellationToken = default);
                Task<CreateAliasResponse> CreateAliasAsync(CreateAliasRequest request, CancellationToken cancellationToken = default);
                Task<CreateAliasResponse> CreateAliasAsync(string aliasName, string targetKeyId, CancellationToken cancellationToken = default);
                Task<CreateGrantResponse> CreateGrantAsync(CreateGrantRequest request, CancellationToken cancellationToken = default);
                Task<CreateKeyResponse> CreateKeyAsync(CreateKeyRequest request, CancellationToken cancellationToken = default);
                Task<DecapsulateResponse> DecapsulateAsync(DecapsulateRequest request, CancellationToken cancellationToken = default);
                Task<DecryptResponse> DecryptAsync(DecryptRequest request, CancellationToken cancellationToken = default);
                Task<DeleteAliasResponse> DeleteAliasAsync(DeleteAliasRequest request, CancellationToken cancellationToken = default);
                Task<DeleteAliasResponse> DeleteAliasAsync(string aliasName, CancellationToken cancellationToken = default);
                Task<DeleteImportedKeyMaterialResponse> DeleteImportedKeyMaterialAsync(DeleteImportedKeyMaterialRequest request, CancellationToken cancellationToken = default);
                Task<DeriveSharedSecretResponse> DeriveSharedSecretAsync(DeriveSharedSecretRequest request, CancellationToken cancellationToken = default);
                Task<DescribeKeyResponse> DescribeKeyAsync(DescribeKeyRequest request, CancellationToken cancellationToken = default);
                Task<DescribeKeyResponse> DescribeKeyAsync(string keyId, CancellationToken cancellationToken = default);
                Task<DisableKeyResponse> DisableKeyAsync(DisableKeyRequest request, CancellationToken cancellationToken = default);
                Task<DisableKeyResponse> DisableKeyAsync(string keyId, CancellationToken cancellationToken = default);
                Task<DisableKeyRotationResponse> DisableKeyRotationAsync(DisableKeyRotationRequest request, CancellationToken cancellationToken = default);
                Task<DisableKeyRotationResponse> DisableKeyRotationAsync(string keyId, CancellationToken cancellationToken = default);
                Task<EnableKeyResponse> EnableKeyAsync(EnableKeyRequest request, CancellationToken cancellationToken = default);
                Task<EnableKeyResponse> EnableKeyAsync(string keyId, CancellationToken cancellationToken = default);
                Task<EnableKeyRotationResponse> EnableKeyRotationAsync(EnableKeyRotationRequest request, CancellationToken cancellationToken = default);
                Task<EnableKeyRotationResponse> EnableKeyRotationAsync(string keyId, CancellationToken cancellationToken = default);
                Task<EncapsulateResponse> EncapsulateAsync(EncapsulateRequest request, CancellationToken cancellationToken = default);
                Task<EncryptResponse> EncryptAsync(EncryptRequest request, CancellationToken cancellationToken = default);
                Task<GenerateDataKeyResponse> GenerateDataKeyAsync(GenerateDataKeyRequest request, CancellationToken cancellationToken = default);
                Task<GenerateDataKeyPairResponse> GenerateDataKeyPairAsync(GenerateDataKeyPairRequest request, CancellationToken cancellationToken = default);
                Task<GenerateDataKeyPairWithoutPlaintextResponse> GenerateDataKeyPairWithoutPlaintextAsync(GenerateDataKeyPairWithoutPlaintextRequest request, CancellationToken cancellationToken = default);
                Task<GenerateDataKeyWithoutPlaintextResponse> GenerateDataKeyWithoutPlaintextAsync(GenerateDataKeyWithoutPlaintextRequest request, CancellationToken cancellationToken = default);
                Task<GenerateMacResponse> GenerateMacAsync(GenerateMacRequest request, CancellationToken cancellationToken = default);
                Task<GenerateRandomResponse> GenerateRandomAsync(GenerateRandomRequest request, CancellationToken cancellationToken = default);
                Task<GenerateRandomResponse> GenerateRandomAsync(int? numberOfBytes, CancellationToken cancellationToken = default);
                Task<GetKeyLastUsageResponse> GetKeyLastUsageAsync(GetKeyLastUsageRequest request, CancellationToken cancellationToken = default);
                Task<GetKeyPolicyResponse> GetKeyPolicyAsync(GetKeyPolicyRequest request, CancellationToken cancellationToken = default);
                Task<GetKeyPolicyResponse> GetKeyPolicyAsync(string keyId, string policyName, CancellationToken cancellationToken = default);
                Task<GetKeyRotationStatusResponse> GetKeyRotationStatusAsync(GetKeyRotationStatusRequest request, CancellationToken cancellationToken = default);
                Task<GetKeyRotationStatusResponse> GetKeyRotationStatusAsync(string keyId, CancellationToken cancellationToken = default);
                Task<GetParametersForImportResponse> GetParametersForImportAsync(GetParametersForImportRequest request, CancellationToken cancellationToken = default);
                Task<GetPublicKeyResponse> GetPublicKeyAsync(GetPublicKeyRequest request, CancellationToken cancellationToken = default);
                Task<ImportKeyMaterialResponse> ImportKeyMaterialAsync(ImportKeyMaterialRequest request, CancellationToken cancellationToken = default);
                Task<ListAliasesResponse> ListAliasesAsync(ListAliasesRequest request, CancellationToken cancellationToken = default);
                Task<ListGrantsResponse> ListGrantsAsync(ListGrantsRequest request, CancellationToken cancellationToken = default);
                Task<ListKeyPoliciesResponse> ListKeyPoliciesAsync(ListKeyPoliciesRequest request, CancellationToken cancellationToken = default);
                Task<ListKeyRotationsResponse> ListKeyRotationsAsync(ListKeyRotationsRequest request, CancellationToken cancellationToken = default);
                Task<ListKeysResponse> ListKeysAsync(ListKeysRequest request, CancellationToken cancellationToken = default);
                Task<ListResourceTagsResponse> ListResourceTagsAsync(ListResourceTagsRequest request, CancellationToken cancellationToken = default);
                Task<ListRetirableGrantsResponse> ListRetirableGrantsAsync(ListRetirableGrantsRequest request, CancellationToken cancellationToken = default);
                Task<ListRetirableGrantsResponse> ListRetirableGrantsAsync(string retiringPrincipal, CancellationToken cancellationToken = default);
                Task<ListRetirableGrantsResponse> ListRetirableGrantsAsync(CancellationToken cancellationToken = default);
                Task<PutKeyPolicyResponse> PutKeyPolicyAsync(PutKeyPolicyRequest request, CancellationToken cancellationToken = default);
                Task<PutKeyPolicyResponse> PutKeyPolicyAsync(string keyId, string policy, string policyName, CancellationToken cancellationToken = default);
                Task<ReEncryptResponse> ReEncryptAsync(ReEncryptRequest request, CancellationToken cancellationToken = default);
                Task<ReplicateKeyResponse> ReplicateKeyAsync(ReplicateKeyRequest request, CancellationToken cancellationToken = default);
                Task<RetireGrantResponse> RetireGrantAsync(RetireGrantRequest request, CancellationToken cancellationToken = default);
                Task<RetireGrantResponse> RetireGrantAsync(string grantToken, CancellationToken cancellationToken = default);
                Task<RevokeGrantResponse> RevokeGrantAsync(RevokeGrantRequest request, CancellationToken cancellationToken = default);
                Task<RevokeGrantResponse> RevokeGrantAsync(string grantId, string keyId, CancellationToken cancellationToken = default);
                Task<RotateKeyOnDemandResponse> RotateKeyOnDemandAsync(RotateKeyOnDemandRequest request, CancellationToken cancellationToken = default);
                Task<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(ScheduleKeyDeletionRequest request, CancellationToken cancellationToken = default);
                Task<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(string keyId, CancellationToken cancellationToken = default);
                Task<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(string keyId, int? pendingWindowInDays, CancellationToken cancellationToken = default);
                Task<SignResponse> SignAsync(SignRequest request, CancellationToken cancellationToken = default);
                Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default);
                Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default);
                Task<UpdateAliasResponse> UpdateAliasAsync(UpdateAliasRequest request, CancellationToken cancellationToken = default);
                Task<UpdateAliasResponse> UpdateAliasAsync(string aliasName, string targetKeyId, CancellationToken cancellationToken = default);
                Task<UpdateKeyDescriptionResponse> UpdateKeyDescriptionAsync(UpdateKeyDescriptionRequest request, CancellationToken cancellationToken = default);
                Task<UpdateKeyDescriptionResponse> UpdateKeyDescriptionAsync(string keyId, string description, CancellationToken cancellationToken = default);
                Task<UpdatePrimaryRegionResponse> UpdatePrimaryRegionAsync(UpdatePrimaryRegionRequest request, CancellationToken cancellationToken = default);
                Task<VerifyResponse> VerifyAsync(VerifyRequest request, CancellationToken cancellationToken = default);
                Task<VerifyMacResponse> VerifyMacAsync(VerifyMacRequest request, CancellationToken cancellationToken = default);

                // Synchronous twins: present in the AWS SDK v3 net35/net45 builds and in the v4 net472 build only.
                EncryptResponse Encrypt(EncryptRequest request);
                DecryptResponse Decrypt(DecryptRequest request);
                ReEncryptResponse ReEncrypt(ReEncryptRequest request);
                GenerateDataKeyResponse GenerateDataKey(GenerateDataKeyRequest request);
                GenerateDataKeyWithoutPlaintextResponse GenerateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest request);
                DescribeKeyResponse DescribeKey(DescribeKeyRequest request);
                DescribeKeyResponse DescribeKey(string keyId);
                CreateGrantResponse CreateGrant(CreateGrantRequest request);
            }

            public class AmazonKeyManagementServiceClient : AmazonServiceClient, IAmazonKeyManagementService
            {
                public AmazonKeyManagementServiceClient() : base((ClientConfig)null!) { }
                public AmazonKeyManagementServiceClient(RegionEndpoint region) : base((ClientConfig)null!) { }
                public AmazonKeyManagementServiceClient(AmazonKeyManagementServiceConfig config) : base(config) { }
                public AmazonKeyManagementServiceClient(AWSCredentials credentials) : base(credentials, null!) { }
                public AmazonKeyManagementServiceClient(AWSCredentials credentials, RegionEndpoint region) : base(credentials, null!) { }
                public AmazonKeyManagementServiceClient(AWSCredentials credentials, AmazonKeyManagementServiceConfig clientConfig) : base(credentials, clientConfig) { }
                public AmazonKeyManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey) : base(awsAccessKeyId, awsSecretAccessKey, null!) { }
                public AmazonKeyManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region) : base(awsAccessKeyId, awsSecretAccessKey, null!) { }
                public AmazonKeyManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonKeyManagementServiceConfig clientConfig) : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }
                public AmazonKeyManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken) : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, null!) { }
                public AmazonKeyManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region) : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, null!) { }
                public AmazonKeyManagementServiceClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonKeyManagementServiceConfig clientConfig) : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

                public virtual IKeyManagementServicePaginatorFactory Paginators => throw null!;

                public virtual Task<CancelKeyDeletionResponse> CancelKeyDeletionAsync(CancelKeyDeletionRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<CancelKeyDeletionResponse> CancelKeyDeletionAsync(string keyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<CreateAliasResponse> CreateAliasAsync(CreateAliasRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<CreateAliasResponse> CreateAliasAsync(string aliasName, string targetKeyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<CreateGrantResponse> CreateGrantAsync(CreateGrantRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<CreateKeyResponse> CreateKeyAsync(CreateKeyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DecapsulateResponse> DecapsulateAsync(DecapsulateRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DecryptResponse> DecryptAsync(DecryptRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DeleteAliasResponse> DeleteAliasAsync(DeleteAliasRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DeleteAliasResponse> DeleteAliasAsync(string aliasName, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DeleteImportedKeyMaterialResponse> DeleteImportedKeyMaterialAsync(DeleteImportedKeyMaterialRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DeriveSharedSecretResponse> DeriveSharedSecretAsync(DeriveSharedSecretRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DescribeKeyResponse> DescribeKeyAsync(DescribeKeyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DescribeKeyResponse> DescribeKeyAsync(string keyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DisableKeyResponse> DisableKeyAsync(DisableKeyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DisableKeyResponse> DisableKeyAsync(string keyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DisableKeyRotationResponse> DisableKeyRotationAsync(DisableKeyRotationRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<DisableKeyRotationResponse> DisableKeyRotationAsync(string keyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<EnableKeyResponse> EnableKeyAsync(EnableKeyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<EnableKeyResponse> EnableKeyAsync(string keyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<EnableKeyRotationResponse> EnableKeyRotationAsync(EnableKeyRotationRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<EnableKeyRotationResponse> EnableKeyRotationAsync(string keyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<EncapsulateResponse> EncapsulateAsync(EncapsulateRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<EncryptResponse> EncryptAsync(EncryptRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GenerateDataKeyResponse> GenerateDataKeyAsync(GenerateDataKeyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GenerateDataKeyPairResponse> GenerateDataKeyPairAsync(GenerateDataKeyPairRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GenerateDataKeyPairWithoutPlaintextResponse> GenerateDataKeyPairWithoutPlaintextAsync(GenerateDataKeyPairWithoutPlaintextRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GenerateDataKeyWithoutPlaintextResponse> GenerateDataKeyWithoutPlaintextAsync(GenerateDataKeyWithoutPlaintextRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GenerateMacResponse> GenerateMacAsync(GenerateMacRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GenerateRandomResponse> GenerateRandomAsync(GenerateRandomRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GenerateRandomResponse> GenerateRandomAsync(int? numberOfBytes, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GetKeyLastUsageResponse> GetKeyLastUsageAsync(GetKeyLastUsageRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GetKeyPolicyResponse> GetKeyPolicyAsync(GetKeyPolicyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GetKeyPolicyResponse> GetKeyPolicyAsync(string keyId, string policyName, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GetKeyRotationStatusResponse> GetKeyRotationStatusAsync(GetKeyRotationStatusRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GetKeyRotationStatusResponse> GetKeyRotationStatusAsync(string keyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GetParametersForImportResponse> GetParametersForImportAsync(GetParametersForImportRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<GetPublicKeyResponse> GetPublicKeyAsync(GetPublicKeyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ImportKeyMaterialResponse> ImportKeyMaterialAsync(ImportKeyMaterialRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ListAliasesResponse> ListAliasesAsync(ListAliasesRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ListGrantsResponse> ListGrantsAsync(ListGrantsRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ListKeyPoliciesResponse> ListKeyPoliciesAsync(ListKeyPoliciesRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ListKeyRotationsResponse> ListKeyRotationsAsync(ListKeyRotationsRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ListKeysResponse> ListKeysAsync(ListKeysRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ListResourceTagsResponse> ListResourceTagsAsync(ListResourceTagsRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ListRetirableGrantsResponse> ListRetirableGrantsAsync(ListRetirableGrantsRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ListRetirableGrantsResponse> ListRetirableGrantsAsync(string retiringPrincipal, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ListRetirableGrantsResponse> ListRetirableGrantsAsync(CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<PutKeyPolicyResponse> PutKeyPolicyAsync(PutKeyPolicyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<PutKeyPolicyResponse> PutKeyPolicyAsync(string keyId, string policy, string policyName, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ReEncryptResponse> ReEncryptAsync(ReEncryptRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ReplicateKeyResponse> ReplicateKeyAsync(ReplicateKeyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<RetireGrantResponse> RetireGrantAsync(RetireGrantRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<RetireGrantResponse> RetireGrantAsync(string grantToken, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<RevokeGrantResponse> RevokeGrantAsync(RevokeGrantRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<RevokeGrantResponse> RevokeGrantAsync(string grantId, string keyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<RotateKeyOnDemandResponse> RotateKeyOnDemandAsync(RotateKeyOnDemandRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(ScheduleKeyDeletionRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(string keyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(string keyId, int? pendingWindowInDays, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<SignResponse> SignAsync(SignRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<UpdateAliasResponse> UpdateAliasAsync(UpdateAliasRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<UpdateAliasResponse> UpdateAliasAsync(string aliasName, string targetKeyId, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<UpdateKeyDescriptionResponse> UpdateKeyDescriptionAsync(UpdateKeyDescriptionRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<UpdateKeyDescriptionResponse> UpdateKeyDescriptionAsync(string keyId, string description, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<UpdatePrimaryRegionResponse> UpdatePrimaryRegionAsync(UpdatePrimaryRegionRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<VerifyResponse> VerifyAsync(VerifyRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<VerifyMacResponse> VerifyMacAsync(VerifyMacRequest request, CancellationToken cancellationToken = default) => throw null!;

                // Synchronous twins: public in the AWS SDK v3 net35/net45 builds and in the v4 net472 build only
                // (v4 net8.0/net10.0/netstandard2.0 have most of them as internal methods on the client).
                public virtual EncryptResponse Encrypt(EncryptRequest request) => throw null!;
                public virtual DecryptResponse Decrypt(DecryptRequest request) => throw null!;
                public virtual ReEncryptResponse ReEncrypt(ReEncryptRequest request) => throw null!;
                public virtual GenerateDataKeyResponse GenerateDataKey(GenerateDataKeyRequest request) => throw null!;
                public virtual GenerateDataKeyWithoutPlaintextResponse GenerateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest request) => throw null!;
                public virtual DescribeKeyResponse DescribeKey(DescribeKeyRequest request) => throw null!;
                public virtual DescribeKeyResponse DescribeKey(string keyId) => throw null!;
                public virtual CreateGrantResponse CreateGrant(CreateGrantRequest request) => throw null!;
            }
        }

        namespace Amazon.KeyManagementService.Model
        {
            using Amazon.Runtime;

            public class CancelKeyDeletionRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
            }

            public class CancelKeyDeletionResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
            }

            public class CreateGrantRequest : AmazonKeyManagementServiceRequest
            {
                public GrantConstraints Constraints { get; set; }
                public bool? DryRun { get; set; }
                public List<string> GrantTokens { get; set; }
                public string GranteePrincipal { get; set; }
                public string GranteeServicePrincipal { get; set; }
                public string KeyId { get; set; }
                public string Name { get; set; }
                public List<string> Operations { get; set; }
                public string RetiringPrincipal { get; set; }
                public string RetiringServicePrincipal { get; set; }
            }

            public class CreateGrantResponse : AmazonWebServiceResponse
            {
                public string GrantId { get; set; }
                public string GrantToken { get; set; }
            }

            public class DecapsulateRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public MemoryStream SharedSecretCiphertextBlob { get; set; }
            }

            public class DecapsulateResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public MemoryStream SharedSecret { get; set; }
            }

            public class DecryptRequest : AmazonKeyManagementServiceRequest
            {
                public MemoryStream CiphertextBlob { get; set; }
                public bool? DryRun { get; set; }
                public List<string> DryRunModifiers { get; set; }
                public EncryptionAlgorithmSpec EncryptionAlgorithm { get; set; }
                public Dictionary<string, string> EncryptionContext { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
            }

            public class DecryptResponse : AmazonWebServiceResponse
            {
                public MemoryStream CiphertextForRecipient { get; set; }
                public EncryptionAlgorithmSpec EncryptionAlgorithm { get; set; }
                public string KeyId { get; set; }
                public string KeyMaterialId { get; set; }
                public MemoryStream Plaintext { get; set; }
            }

            public class DeleteImportedKeyMaterialRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public string KeyMaterialId { get; set; }
            }

            public class DeleteImportedKeyMaterialResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public string KeyMaterialId { get; set; }
            }

            public class DeriveSharedSecretRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public MemoryStream PublicKey { get; set; }
            }

            public class DeriveSharedSecretResponse : AmazonWebServiceResponse
            {
                public MemoryStream CiphertextForRecipient { get; set; }
                public string KeyId { get; set; }
                public OriginType KeyOrigin { get; set; }
                public MemoryStream SharedSecret { get; set; }
            }

            public class DescribeKeyRequest : AmazonKeyManagementServiceRequest
            {
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
            }

            public class DescribeKeyResponse : AmazonWebServiceResponse
            {
                public KeyMetadata KeyMetadata { get; set; }
            }

            public class DisableKeyRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
            }

            public class DisableKeyResponse : AmazonWebServiceResponse { }

            public class DisableKeyRotationRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
            }

            public class DisableKeyRotationResponse : AmazonWebServiceResponse { }

            public class EnableKeyRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
            }

            public class EnableKeyResponse : AmazonWebServiceResponse { }

            public class EnableKeyRotationRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public int? RotationPeriodInDays { get; set; }
            }

            public class EnableKeyRotationResponse : AmazonWebServiceResponse { }

            public class EncapsulateRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
            }

            public class EncapsulateResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public MemoryStream SharedSecret { get; set; }
                public MemoryStream SharedSecretCiphertextBlob { get; set; }
            }

            public class EncryptRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public EncryptionAlgorithmSpec EncryptionAlgorithm { get; set; }
                public Dictionary<string, string> EncryptionContext { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public MemoryStream Plaintext { get; set; }
            }

            public class EncryptResponse : AmazonWebServiceResponse
            {
                public MemoryStream CiphertextBlob { get; set; }
                public EncryptionAlgorithmSpec EncryptionAlgorithm { get; set; }
                public string KeyId { get; set; }
            }

            public class GenerateDataKeyRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public Dictionary<string, string> EncryptionContext { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public DataKeySpec KeySpec { get; set; }
                public int? NumberOfBytes { get; set; }
            }

            public class GenerateDataKeyResponse : AmazonWebServiceResponse
            {
                public MemoryStream CiphertextBlob { get; set; }
                public MemoryStream CiphertextForRecipient { get; set; }
                public string KeyId { get; set; }
                public string KeyMaterialId { get; set; }
                public MemoryStream Plaintext { get; set; }
            }

            public class GenerateDataKeyPairRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public Dictionary<string, string> EncryptionContext { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public DataKeyPairSpec KeyPairSpec { get; set; }
            }

            public class GenerateDataKeyPairResponse : AmazonWebServiceResponse
            {
                public MemoryStream CiphertextForRecipient { get; set; }
                public string KeyId { get; set; }
                public string KeyMaterialId { get; set; }
                public DataKeyPairSpec KeyPairSpec { get; set; }
                public MemoryStream PrivateKeyCiphertextBlob { get; set; }
                public MemoryStream PrivateKeyPlaintext { get; set; }
                public MemoryStream PublicKey { get; set; }
            }

            public class GenerateDataKeyPairWithoutPlaintextRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public Dictionary<string, string> EncryptionContext { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public DataKeyPairSpec KeyPairSpec { get; set; }
            }

            public class GenerateDataKeyPairWithoutPlaintextResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public string KeyMaterialId { get; set; }
                public DataKeyPairSpec KeyPairSpec { get; set; }
                public MemoryStream PrivateKeyCiphertextBlob { get; set; }
                public MemoryStream PublicKey { get; set; }
            }

            public class GenerateDataKeyWithoutPlaintextRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public Dictionary<string, string> EncryptionContext { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public DataKeySpec KeySpec { get; set; }
                public int? NumberOfBytes { get; set; }
            }

            public class GenerateDataKeyWithoutPlaintextResponse : AmazonWebServiceResponse
            {
                public MemoryStream CiphertextBlob { get; set; }
                public string KeyId { get; set; }
                public string KeyMaterialId { get; set; }
            }

            public class GenerateMacRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public MacAlgorithmSpec MacAlgorithm { get; set; }
                public MemoryStream Message { get; set; }
            }

            public class GenerateMacResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public MemoryStream Mac { get; set; }
                public MacAlgorithmSpec MacAlgorithm { get; set; }
            }

            public class GetKeyLastUsageRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
            }

            public class GetKeyLastUsageResponse : AmazonWebServiceResponse
            {
                public DateTime? KeyCreationDate { get; set; }
                public string KeyId { get; set; }
                public DateTime? TrackingStartDate { get; set; }
            }

            public class GetKeyPolicyRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public string PolicyName { get; set; }
            }

            public class GetKeyPolicyResponse : AmazonWebServiceResponse
            {
                public string Policy { get; set; }
                public string PolicyName { get; set; }
            }

            public class GetKeyRotationStatusRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
            }

            public class GetKeyRotationStatusResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public bool? KeyRotationEnabled { get; set; }
                public DateTime? NextRotationDate { get; set; }
                public DateTime? OnDemandRotationStartDate { get; set; }
                public int? RotationPeriodInDays { get; set; }
            }

            public class GetParametersForImportRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
            }

            public class GetParametersForImportResponse : AmazonWebServiceResponse
            {
                public MemoryStream ImportToken { get; set; }
                public string KeyId { get; set; }
                public DateTime? ParametersValidTo { get; set; }
                public MemoryStream PublicKey { get; set; }
            }

            public class GetPublicKeyRequest : AmazonKeyManagementServiceRequest
            {
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
            }

            public class GetPublicKeyResponse : AmazonWebServiceResponse
            {
                public CustomerMasterKeySpec CustomerMasterKeySpec { get; set; }
                public List<string> EncapsulationAlgorithms { get; set; }
                public List<string> EncryptionAlgorithms { get; set; }
                public List<string> KeyAgreementAlgorithms { get; set; }
                public string KeyId { get; set; }
                public KeySpec KeySpec { get; set; }
                public KeyUsageType KeyUsage { get; set; }
                public MemoryStream PublicKey { get; set; }
                public List<string> SigningAlgorithms { get; set; }
            }

            public class ImportKeyMaterialRequest : AmazonKeyManagementServiceRequest
            {
                public MemoryStream EncryptedKeyMaterial { get; set; }
                public MemoryStream ImportToken { get; set; }
                public string KeyId { get; set; }
                public string KeyMaterialDescription { get; set; }
                public string KeyMaterialId { get; set; }
                public DateTime? ValidTo { get; set; }
            }

            public class ImportKeyMaterialResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public string KeyMaterialId { get; set; }
            }

            public class ListAliasesRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public int? Limit { get; set; }
                public string Marker { get; set; }
            }

            public class ListAliasesResponse : AmazonWebServiceResponse
            {
                public List<AliasListEntry> Aliases { get; set; }
                public string NextMarker { get; set; }
                public bool? Truncated { get; set; }
            }

            public class ListGrantsRequest : AmazonKeyManagementServiceRequest
            {
                public string GrantId { get; set; }
                public string GranteePrincipal { get; set; }
                public string GranteeServicePrincipal { get; set; }
                public string KeyId { get; set; }
                public int? Limit { get; set; }
                public string Marker { get; set; }
            }

            public class ListGrantsResponse : AmazonWebServiceResponse
            {
                public List<GrantListEntry> Grants { get; set; }
                public string NextMarker { get; set; }
                public bool? Truncated { get; set; }
            }

            public class ListKeyPoliciesRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public int? Limit { get; set; }
                public string Marker { get; set; }
            }

            public class ListKeyPoliciesResponse : AmazonWebServiceResponse
            {
                public string NextMarker { get; set; }
                public List<string> PolicyNames { get; set; }
                public bool? Truncated { get; set; }
            }

            public class ListKeyRotationsRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public int? Limit { get; set; }
                public string Marker { get; set; }
            }

            public class ListKeyRotationsResponse : AmazonWebServiceResponse
            {
                public string NextMarker { get; set; }
                public bool? Truncated { get; set; }
            }

            public class ListResourceTagsRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public int? Limit { get; set; }
                public string Marker { get; set; }
            }

            public class ListResourceTagsResponse : AmazonWebServiceResponse
            {
                public string NextMarker { get; set; }
                public List<Tag> Tags { get; set; }
                public bool? Truncated { get; set; }
            }

            public class PutKeyPolicyRequest : AmazonKeyManagementServiceRequest
            {
                public bool? BypassPolicyLockoutSafetyCheck { get; set; }
                public string KeyId { get; set; }
                public string Policy { get; set; }
                public string PolicyName { get; set; }
            }

            public class PutKeyPolicyResponse : AmazonWebServiceResponse { }

            public class ReplicateKeyRequest : AmazonKeyManagementServiceRequest
            {
                public bool? BypassPolicyLockoutSafetyCheck { get; set; }
                public string Description { get; set; }
                public string KeyId { get; set; }
                public string Policy { get; set; }
                public string ReplicaRegion { get; set; }
                public List<Tag> Tags { get; set; }
            }

            public class ReplicateKeyResponse : AmazonWebServiceResponse
            {
                public KeyMetadata ReplicaKeyMetadata { get; set; }
                public string ReplicaPolicy { get; set; }
                public List<Tag> ReplicaTags { get; set; }
            }

            public class RetireGrantRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public string GrantId { get; set; }
                public string GrantToken { get; set; }
                public string KeyId { get; set; }
            }

            public class RetireGrantResponse : AmazonWebServiceResponse { }

            public class RevokeGrantRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public string GrantId { get; set; }
                public string KeyId { get; set; }
            }

            public class RevokeGrantResponse : AmazonWebServiceResponse { }

            public class RotateKeyOnDemandRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
            }

            public class RotateKeyOnDemandResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
            }

            public class ScheduleKeyDeletionRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public int? PendingWindowInDays { get; set; }
            }

            public class ScheduleKeyDeletionResponse : AmazonWebServiceResponse
            {
                public DateTime? DeletionDate { get; set; }
                public string KeyId { get; set; }
                public KeyState KeyState { get; set; }
                public int? PendingWindowInDays { get; set; }
            }

            public class SignRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public MemoryStream Message { get; set; }
                public MessageType MessageType { get; set; }
                public SigningAlgorithmSpec SigningAlgorithm { get; set; }
            }

            public class SignResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public MemoryStream Signature { get; set; }
                public SigningAlgorithmSpec SigningAlgorithm { get; set; }
            }

            public class TagResourceRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public List<Tag> Tags { get; set; }
            }

            public class TagResourceResponse : AmazonWebServiceResponse { }

            public class UntagResourceRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public List<string> TagKeys { get; set; }
            }

            public class UntagResourceResponse : AmazonWebServiceResponse { }

            public class UpdateKeyDescriptionRequest : AmazonKeyManagementServiceRequest
            {
                public string Description { get; set; }
                public string KeyId { get; set; }
            }

            public class UpdateKeyDescriptionResponse : AmazonWebServiceResponse { }

            public class UpdatePrimaryRegionRequest : AmazonKeyManagementServiceRequest
            {
                public string KeyId { get; set; }
                public string PrimaryRegion { get; set; }
            }

            public class UpdatePrimaryRegionResponse : AmazonWebServiceResponse { }

            public class VerifyRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public MemoryStream Message { get; set; }
                public MessageType MessageType { get; set; }
                public MemoryStream Signature { get; set; }
                public SigningAlgorithmSpec SigningAlgorithm { get; set; }
            }

            public class VerifyResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public bool? SignatureValid { get; set; }
                public SigningAlgorithmSpec SigningAlgorithm { get; set; }
            }

            public class VerifyMacRequest : AmazonKeyManagementServiceRequest
            {
                public bool? DryRun { get; set; }
                public List<string> GrantTokens { get; set; }
                public string KeyId { get; set; }
                public MemoryStream Mac { get; set; }
                public MacAlgorithmSpec MacAlgorithm { get; set; }
                public MemoryStream Message { get; set; }
            }

            public class VerifyMacResponse : AmazonWebServiceResponse
            {
                public string KeyId { get; set; }
                public MacAlgorithmSpec MacAlgorithm { get; set; }
                public bool? MacValid { get; set; }
            }

            public class CreateAliasRequest : AmazonKeyManagementServiceRequest
            {
                public string AliasName { get; set; }
                public string TargetKeyId { get; set; }
            }

            public class CreateAliasResponse : AmazonWebServiceResponse { }

            public class UpdateAliasRequest : AmazonKeyManagementServiceRequest
            {
                public string AliasName { get; set; }
                public string TargetKeyId { get; set; }
            }

            public class UpdateAliasResponse : AmazonWebServiceResponse { }

            public class DeleteAliasRequest : AmazonKeyManagementServiceRequest
            {
                public string AliasName { get; set; }
            }

            public class DeleteAliasResponse : AmazonWebServiceResponse { }

            public class ReEncryptRequest : AmazonKeyManagementServiceRequest
            {
                public MemoryStream CiphertextBlob { get; set; }
                public EncryptionAlgorithmSpec DestinationEncryptionAlgorithm { get; set; }
                public Dictionary<string, string> DestinationEncryptionContext { get; set; }
                public string DestinationKeyId { get; set; }
                public bool? DryRun { get; set; }
                public List<string> DryRunModifiers { get; set; }
                public List<string> GrantTokens { get; set; }
                public EncryptionAlgorithmSpec SourceEncryptionAlgorithm { get; set; }
                public Dictionary<string, string> SourceEncryptionContext { get; set; }
                public string SourceKeyId { get; set; }
            }

            public class ReEncryptResponse : AmazonWebServiceResponse
            {
                public MemoryStream CiphertextBlob { get; set; }
                public EncryptionAlgorithmSpec DestinationEncryptionAlgorithm { get; set; }
                public string DestinationKeyMaterialId { get; set; }
                public string KeyId { get; set; }
                public EncryptionAlgorithmSpec SourceEncryptionAlgorithm { get; set; }
                public string SourceKeyId { get; set; }
                public string SourceKeyMaterialId { get; set; }
            }

            public class CreateKeyRequest : AmazonKeyManagementServiceRequest
            {
                public bool? BypassPolicyLockoutSafetyCheck { get; set; }
                public string CustomKeyStoreId { get; set; }
                public CustomerMasterKeySpec CustomerMasterKeySpec { get; set; }
                public string Description { get; set; }
                public KeySpec KeySpec { get; set; }
                public KeyUsageType KeyUsage { get; set; }
                public bool? MultiRegion { get; set; }
                public OriginType Origin { get; set; }
                public string Policy { get; set; }
                public List<Tag> Tags { get; set; }
                public string XksKeyId { get; set; }
            }

            public class CreateKeyResponse : AmazonWebServiceResponse
            {
                public KeyMetadata KeyMetadata { get; set; }
            }

            public class ListKeysRequest : AmazonKeyManagementServiceRequest
            {
                public int? Limit { get; set; }
                public string Marker { get; set; }
            }

            public class ListKeysResponse : AmazonWebServiceResponse
            {
                public List<KeyListEntry> Keys { get; set; }
                public string NextMarker { get; set; }
                public bool? Truncated { get; set; }
            }

            public class GenerateRandomRequest : AmazonKeyManagementServiceRequest
            {
                public string CustomKeyStoreId { get; set; }
                public int? NumberOfBytes { get; set; }
            }

            public class GenerateRandomResponse : AmazonWebServiceResponse
            {
                public MemoryStream CiphertextForRecipient { get; set; }
                public MemoryStream Plaintext { get; set; }
            }

            public class ListRetirableGrantsRequest : AmazonKeyManagementServiceRequest
            {
                public int? Limit { get; set; }
                public string Marker { get; set; }
                public string RetiringPrincipal { get; set; }
                public string RetiringServicePrincipal { get; set; }
            }

            public class ListRetirableGrantsResponse : AmazonWebServiceResponse
            {
                public List<GrantListEntry> Grants { get; set; }
                public string NextMarker { get; set; }
                public bool? Truncated { get; set; }
            }

            public class KeyMetadata
            {
                public string AWSAccountId { get; set; }
                public string Arn { get; set; }
                public string CloudHsmClusterId { get; set; }
                public DateTime? CreationDate { get; set; }
                public string CurrentKeyMaterialId { get; set; }
                public string CustomKeyStoreId { get; set; }
                public CustomerMasterKeySpec CustomerMasterKeySpec { get; set; }
                public DateTime? DeletionDate { get; set; }
                public string Description { get; set; }
                public bool? Enabled { get; set; }
                public List<string> EncapsulationAlgorithms { get; set; }
                public List<string> EncryptionAlgorithms { get; set; }
                public List<string> KeyAgreementAlgorithms { get; set; }
                public string KeyId { get; set; }
                public KeySpec KeySpec { get; set; }
                public KeyState KeyState { get; set; }
                public KeyUsageType KeyUsage { get; set; }
                public List<string> MacAlgorithms { get; set; }
                public bool? MultiRegion { get; set; }
                public MultiRegionConfiguration MultiRegionConfiguration { get; set; }
                public OriginType Origin { get; set; }
                public int? PendingDeletionWindowInDays { get; set; }
                public List<string> SigningAlgorithms { get; set; }
                public DateTime? ValidTo { get; set; }
            }

            public class MultiRegionConfiguration
            {
                public MultiRegionKeyType MultiRegionKeyType { get; set; }
                public MultiRegionKey PrimaryKey { get; set; }
                public List<MultiRegionKey> ReplicaKeys { get; set; }
            }

            public class MultiRegionKey
            {
                public string Arn { get; set; }
                public string Region { get; set; }
            }

            public class AliasListEntry
            {
                public string AliasArn { get; set; }
                public string AliasName { get; set; }
                public DateTime? CreationDate { get; set; }
                public DateTime? LastUpdatedDate { get; set; }
                public string TargetKeyId { get; set; }
            }

            public class KeyListEntry
            {
                public string KeyArn { get; set; }
                public string KeyId { get; set; }
            }

            public class GrantListEntry
            {
                public GrantConstraints Constraints { get; set; }
                public DateTime? CreationDate { get; set; }
                public string GrantId { get; set; }
                public string GranteePrincipal { get; set; }
                public string GranteeServicePrincipal { get; set; }
                public string IssuingAccount { get; set; }
                public string KeyId { get; set; }
                public string Name { get; set; }
                public List<string> Operations { get; set; }
                public string RetiringPrincipal { get; set; }
                public string RetiringServicePrincipal { get; set; }
            }

            public class Tag
            {
                public string TagKey { get; set; }
                public string TagValue { get; set; }
            }

            public class GrantConstraints
            {
                public Dictionary<string, string> EncryptionContextEquals { get; set; }
                public Dictionary<string, string> EncryptionContextSubset { get; set; }
                public string SourceArn { get; set; }
            }

            public interface IKeyManagementServicePaginatorFactory
            {
                IListAliasesPaginator ListAliases(ListAliasesRequest request);
                IListKeysPaginator ListKeys(ListKeysRequest request);
            }

            public interface IListAliasesPaginator
            {
                IPaginatedEnumerable<ListAliasesResponse> Responses { get; }
                IPaginatedEnumerable<AliasListEntry> Aliases { get; }
            }

            public interface IListKeysPaginator
            {
                IPaginatedEnumerable<ListKeysResponse> Responses { get; }
                IPaginatedEnumerable<KeyListEntry> Keys { get; }
            }

            public class NotFoundException : AmazonKeyManagementServiceException
            {
                public NotFoundException(string message) : base(message) { }
            }

            public class IncorrectKeyException : AmazonKeyManagementServiceException
            {
                public IncorrectKeyException(string message) : base(message) { }
            }

            public class InvalidCiphertextException : AmazonKeyManagementServiceException
            {
                public InvalidCiphertextException(string message) : base(message) { }
            }

            public class InvalidArnException : AmazonKeyManagementServiceException
            {
                public InvalidArnException(string message) : base(message) { }
            }

            public class KMSInvalidStateException : AmazonKeyManagementServiceException
            {
                public KMSInvalidStateException(string message) : base(message) { }
            }

            public class DisabledException : AmazonKeyManagementServiceException
            {
                public DisabledException(string message) : base(message) { }
            }
        }

        namespace Amazon.S3
        {
            using Amazon.Runtime;
            using Amazon.S3.Model;

            public class ServerSideEncryptionMethod : ConstantClass
            {
                public static readonly ServerSideEncryptionMethod None = new ServerSideEncryptionMethod("");
                public static readonly ServerSideEncryptionMethod AES256 = new ServerSideEncryptionMethod("AES256");
                public static readonly ServerSideEncryptionMethod AWSKMS = new ServerSideEncryptionMethod("aws:kms");
                public static readonly ServerSideEncryptionMethod AWSKMSDSSE = new ServerSideEncryptionMethod("aws:kms:dsse");
                public ServerSideEncryptionMethod(string value) : base(value) { }
                public static ServerSideEncryptionMethod FindValue(string value) => throw null!;
                public static implicit operator ServerSideEncryptionMethod(string value) => throw null!;
            }

            public enum HttpVerb
            {
                GET = 0,
                HEAD = 1,
                PUT = 2,
                DELETE = 3,
            }

            public class AmazonS3Config : ClientConfig
            {
                public AmazonS3Config() { }
                public bool ForcePathStyle { get; set; }
                public bool UseArnRegion { get; set; }
                public override string RegionEndpointServiceName => throw null!;
                public override string ServiceVersion => throw null!;
                public override string UserAgent => throw null!;
            }

            public interface IAmazonS3 : IAmazonService, IDisposable
            {
                Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, CancellationToken cancellationToken = default);
                Task<CopyObjectResponse> CopyObjectAsync(CopyObjectRequest request, CancellationToken cancellationToken = default);
                Task<InitiateMultipartUploadResponse> InitiateMultipartUploadAsync(InitiateMultipartUploadRequest request, CancellationToken cancellationToken = default);
                string GetPreSignedURL(GetPreSignedUrlRequest request);
                Task<string> GetPreSignedURLAsync(GetPreSignedUrlRequest request);
            }

            public class AmazonS3Client : AmazonServiceClient, IAmazonS3
            {
                public AmazonS3Client() : base((ClientConfig)null!) { }
                public AmazonS3Client(RegionEndpoint region) : base((ClientConfig)null!) { }
                public AmazonS3Client(AmazonS3Config config) : base(config) { }
                public AmazonS3Client(AWSCredentials credentials) : base(credentials, null!) { }
                public AmazonS3Client(AWSCredentials credentials, RegionEndpoint region) : base(credentials, null!) { }
                public AmazonS3Client(AWSCredentials credentials, AmazonS3Config clientConfig) : base(credentials, clientConfig) { }
                public AmazonS3Client(string awsAccessKeyId, string awsSecretAccessKey) : base(awsAccessKeyId, awsSecretAccessKey, null!) { }
                public AmazonS3Client(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region) : base(awsAccessKeyId, awsSecretAccessKey, null!) { }
                public AmazonS3Client(string awsAccessKeyId, string awsSecretAccessKey, AmazonS3Config clientConfig) : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }
                public AmazonS3Client(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken) : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, null!) { }
                public AmazonS3Client(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region) : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, null!) { }
                public AmazonS3Client(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonS3Config clientConfig) : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

                public virtual Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<CopyObjectResponse> CopyObjectAsync(CopyObjectRequest request, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<InitiateMultipartUploadResponse> InitiateMultipartUploadAsync(InitiateMultipartUploadRequest request, CancellationToken cancellationToken = default) => throw null!;
                public string GetPreSignedURL(GetPreSignedUrlRequest request) => throw null!;
                public Task<string> GetPreSignedURLAsync(GetPreSignedUrlRequest request) => throw null!;
            }
        }

        namespace Amazon.S3.Model
        {
            using Amazon.Runtime;

            public abstract class PutWithACLRequest : AmazonWebServiceRequest
            {
                protected PutWithACLRequest() { }
            }

            public class PutObjectRequest : PutWithACLRequest
            {
                public string BucketName { get; set; }
                public string Key { get; set; }
                public string ContentBody { get; set; }
                public string FilePath { get; set; }
                public Stream InputStream { get; set; }
                public string ContentType { get; set; }
                public bool? BucketKeyEnabled { get; set; }
                public ServerSideEncryptionMethod ServerSideEncryptionMethod { get; set; }
                public string ServerSideEncryptionKeyManagementServiceKeyId { get; set; }
                public string ServerSideEncryptionKeyManagementServiceEncryptionContext { get; set; }
            }

            public class CopyObjectRequest : PutWithACLRequest
            {
                public string SourceBucket { get; set; }
                public string SourceKey { get; set; }
                public string DestinationBucket { get; set; }
                public string DestinationKey { get; set; }
                public bool? BucketKeyEnabled { get; set; }
                public ServerSideEncryptionMethod ServerSideEncryptionMethod { get; set; }
                public string ServerSideEncryptionKeyManagementServiceKeyId { get; set; }
                public string ServerSideEncryptionKeyManagementServiceEncryptionContext { get; set; }
            }

            public class InitiateMultipartUploadRequest : PutWithACLRequest
            {
                public string BucketName { get; set; }
                public string Key { get; set; }
                public string ContentType { get; set; }
                public bool? BucketKeyEnabled { get; set; }
                public ServerSideEncryptionMethod ServerSideEncryptionMethod { get; set; }
                public string ServerSideEncryptionKeyManagementServiceKeyId { get; set; }
                public string ServerSideEncryptionKeyManagementServiceEncryptionContext { get; set; }
            }

            public class GetPreSignedUrlRequest : AmazonWebServiceRequest
            {
                public string BucketName { get; set; }
                public string Key { get; set; }
                public string ContentType { get; set; }
                public DateTime? Expires { get; set; }
                public HttpVerb Verb { get; set; }
                public ServerSideEncryptionMethod ServerSideEncryptionMethod { get; set; }
                public string ServerSideEncryptionKeyManagementServiceKeyId { get; set; }
            }

            public class PutObjectResponse : AmazonWebServiceResponse
            {
                public string ETag { get; set; }
                public string VersionId { get; set; }
                public bool? BucketKeyEnabled { get; set; }
                public ServerSideEncryptionMethod ServerSideEncryptionMethod { get; set; }
                public string ServerSideEncryptionKeyManagementServiceKeyId { get; set; }
            }

            public class CopyObjectResponse : AmazonWebServiceResponse
            {
                public string ETag { get; set; }
                public string VersionId { get; set; }
                public ServerSideEncryptionMethod ServerSideEncryptionMethod { get; set; }
                public string ServerSideEncryptionKeyManagementServiceKeyId { get; set; }
            }

            public class InitiateMultipartUploadResponse : AmazonWebServiceResponse
            {
                public string BucketName { get; set; }
                public string Key { get; set; }
                public string UploadId { get; set; }
                public ServerSideEncryptionMethod ServerSideEncryptionMethod { get; set; }
                public string ServerSideEncryptionKeyManagementServiceKeyId { get; set; }
            }

            public class EncryptionConfiguration
            {
                public string ReplicaKmsKeyID { get; set; }
            }

            public class SSEKMSEncryption
            {
                public bool? BucketKeyEnabled { get; set; }
                public string KMSKeyArn { get; set; }
            }
        }

        namespace Amazon.DynamoDBv2
        {
            using Amazon.Runtime;

            public class SSEType : ConstantClass
            {
                public static readonly SSEType AES256 = new SSEType("AES256");
                public static readonly SSEType KMS = new SSEType("KMS");
                public SSEType(string value) : base(value) { }
                public static SSEType FindValue(string value) => throw null!;
                public static implicit operator SSEType(string value) => throw null!;
            }
        }

        namespace Amazon.DynamoDBv2.Model
        {
            public class SSESpecification
            {
                public bool? Enabled { get; set; }
                public string KMSMasterKeyId { get; set; }
                public SSEType SSEType { get; set; }
            }
        }

        // ---- Packages not restorable here: shapes from the aws-sdk-net / MPL sources (not reflection-checked).

        namespace Amazon.Lambda
        {
            public class AmazonLambdaRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
            }
        }

        namespace Amazon.Lambda.Model
        {
            public class CreateFunctionRequest : AmazonLambdaRequest
            {
                public string FunctionName { get; set; }
                public string Role { get; set; }
                public string Handler { get; set; }
                public string KMSKeyArn { get; set; }
            }

            public class UpdateFunctionConfigurationRequest : AmazonLambdaRequest
            {
                public string FunctionName { get; set; }
                public string KMSKeyArn { get; set; }
            }
        }

        namespace Amazon.CloudWatchLogs
        {
            public class AmazonCloudWatchLogsRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
            }
        }

        namespace Amazon.CloudWatchLogs.Model
        {
            public class CreateLogGroupRequest : AmazonCloudWatchLogsRequest
            {
                public CreateLogGroupRequest() { }
                public CreateLogGroupRequest(string logGroupName) { }
                public string LogGroupName { get; set; }
                public string KmsKeyId { get; set; }
            }
        }

        namespace Amazon.SecretsManager
        {
            public class AmazonSecretsManagerRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
            }
        }

        namespace Amazon.SecretsManager.Model
        {
            public class CreateSecretRequest : AmazonSecretsManagerRequest
            {
                public string Name { get; set; }
                public string Description { get; set; }
                public string SecretString { get; set; }
                public string KmsKeyId { get; set; }
            }
        }

        namespace Amazon.SimpleSystemsManagement
        {
            public class AmazonSimpleSystemsManagementRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
            }

            public class ParameterType : Amazon.Runtime.ConstantClass
            {
                public static readonly ParameterType SecureString = new ParameterType("SecureString");
                public static readonly ParameterType String = new ParameterType("String");
                public static readonly ParameterType StringList = new ParameterType("StringList");
                public ParameterType(string value) : base(value) { }
                public static ParameterType FindValue(string value) => throw null!;
                public static implicit operator ParameterType(string value) => throw null!;
            }
        }

        namespace Amazon.SimpleSystemsManagement.Model
        {
            public class PutParameterRequest : AmazonSimpleSystemsManagementRequest
            {
                public string Name { get; set; }
                public string Value { get; set; }
                public ParameterType Type { get; set; }
                public string KeyId { get; set; }
                public bool? Overwrite { get; set; }
            }
        }

        namespace Amazon.EC2
        {
            public class AmazonEC2Request : Amazon.Runtime.AmazonWebServiceRequest
            {
            }
        }

        namespace Amazon.EC2.Model
        {
            public class CreateVolumeRequest : AmazonEC2Request
            {
                public CreateVolumeRequest() { }
                public CreateVolumeRequest(string availabilityZone, int? size) { }
                public CreateVolumeRequest(string availabilityZone, string snapshotId) { }
                public string AvailabilityZone { get; set; }
                public int? Size { get; set; }
                public string SnapshotId { get; set; }
                public bool? Encrypted { get; set; }
                public string KmsKeyId { get; set; }
            }
        }

        namespace Amazon.SQS
        {
            public class AmazonSQSRequest : Amazon.Runtime.AmazonWebServiceRequest
            {
            }

            public class QueueAttributeName : Amazon.Runtime.ConstantClass
            {
                public static readonly QueueAttributeName KmsMasterKeyId = new QueueAttributeName("KmsMasterKeyId");
                public static readonly QueueAttributeName KmsDataKeyReusePeriodSeconds = new QueueAttributeName("KmsDataKeyReusePeriodSeconds");
                public static readonly QueueAttributeName SqsManagedSseEnabled = new QueueAttributeName("SqsManagedSseEnabled");
                public QueueAttributeName(string value) : base(value) { }
                public static QueueAttributeName FindValue(string value) => throw null!;
                public static implicit operator QueueAttributeName(string value) => throw null!;
            }
        }

        namespace Amazon.SQS.Model
        {
            public class CreateQueueRequest : AmazonSQSRequest
            {
                public CreateQueueRequest() { }
                public CreateQueueRequest(string queueName) { }
                public string QueueName { get; set; }
                public Dictionary<string, string> Attributes { get; set; }
            }
        }

        namespace AWS.Cryptography.MaterialProviders
        {
            public class CreateAwsKmsKeyringInput
            {
                public string KmsKeyId { get; set; }
                public Amazon.KeyManagementService.IAmazonKeyManagementService KmsClient { get; set; }
                public List<string> GrantTokens { get; set; }
                public void Validate() => throw null!;
            }

            public class CreateAwsKmsMultiKeyringInput
            {
                public string Generator { get; set; }
                public List<string> KmsKeyIds { get; set; }
                public List<string> GrantTokens { get; set; }
                public void Validate() => throw null!;
            }
        }

        namespace AWS.Cryptography.KeyStore
        {
            public class KMSConfiguration
            {
                public string KmsKeyArn { get; set; }
                public string KmsMRKeyArn { get; set; }
                public void Validate() => throw null!;
            }
        }
        """;

    private static readonly Lazy<MetadataReference> LazyReference =
        new(CreateReference, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The compiled <see cref="Source"/> (assembly <c>AWSSDK.KeyManagementService</c>), built once per process.</summary>
    public static MetadataReference Reference => LazyReference.Value;

    private static MetadataReference CreateReference() => StubCompiler.Compile("AWSSDK.KeyManagementService", Source);
}
