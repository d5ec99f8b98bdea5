using System.Threading.Tasks;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.CrossRegionDecryptAnalyzer, KmsAnalyzers.CodeFixes.CrossRegionDecryptCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>
/// KMS0003 through the call-site direction (reported at compilation end): a client injected by the container gets the
/// Region of the compilation's single KMS registration; a client passed to a constructor gets the Region all callers agree on.
/// </summary>
public sealed class KMS0003DependencyInjectionTests
{
    private const string Usings = KMS0003CrossTypeTests.Usings +
        "using Amazon.Extensions.NETCore.Setup;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\n";

    private static readonly string Services = Usings + $$"""
        namespace Payments;

        public sealed class PaymentReader(IAmazonKeyManagementService kms)
        {
            private const string PaymentsKey = "{{KMS0003CrossTypeTests.EuWest1Arn}}";

            public Task<DecryptResponse> Read(MemoryStream blob) =>
                {|#0:kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = PaymentsKey })|};
        }

        public class LegacyReader
        {
            private readonly IAmazonKeyManagementService _kms;

            public LegacyReader(IAmazonKeyManagementService kms) => _kms = kms;

            public Task<DecryptResponse> Read(MemoryStream blob) =>
                {|#1:_kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = "{{KMS0003CrossTypeTests.EuWest1Arn}}" })|};
        }
        """;

    private static Task Run(string program, DiagnosticResult[] expected, params (string Name, string Text)[] settings) =>
        ServiceAppTest.Run(Usings, Services, program, expected, settings);

    private static DiagnosticResult[] Both => new[] { KMS0003CrossTypeTests.KeyInOtherRegion(0), KMS0003CrossTypeTests.KeyInOtherRegion(1) };

    [Fact]
    public Task Region_of_the_single_registration_applies_to_constructor_and_primary_constructor_injection() => Run("""
        var services = new ServiceCollection();
        services.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.EUWest2 });
        services.AddSingleton<PaymentReader>();
        services.AddSingleton<LegacyReader>();
        """, Both);

    [Fact]
    public Task Default_options_from_configuration_with_a_constant_region_in_appsettings() => Run("""
        public sealed class Startup(IConfiguration configuration)
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddDefaultAWSOptions(configuration.GetAWSOptions());
                services.AddAWSService<IAmazonKeyManagementService>();
                services.AddSingleton<PaymentReader>();
            }

            public static void Main() { }
        }
        """, Both,
        ("appsettings.json", """
        {
          // What configuration.GetAWSOptions() reads.
          "Logging": { "LogLevel": { "Default": "Information" } },
          "AWS": { "Region": "eu-west-2", "Profile": "default", },
        }
        """),
        ("appsettings.Development.json", """{ "AWS": { "Region": "eu-west-2" } }"""));

    [Fact]
    public Task Options_built_in_a_variable_and_a_named_section() => Run("""
        public static class Program
        {
            public static void Main() { }

            public static void Configure(IConfiguration configuration)
            {
                var services = new ServiceCollection();
                var aws = configuration.GetAWSOptions("Payments:Aws");
                services.AddDefaultAWSOptions(aws);
                var kmsOptions = new AWSOptions();
                kmsOptions.Region = RegionEndpoint.GetBySystemName("eu-west-2");
                services.TryAddAWSService<IAmazonKeyManagementService>(kmsOptions);
            }
        }
        """, Both, ("appsettings.json", """{ "Payments": { "Aws": { "Region": "eu-west-2" } } }"""));

    [Theory]
    [InlineData("services.AddSingleton<IAmazonKeyManagementService>(new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2));")]
    [InlineData("services.AddSingleton<IAmazonKeyManagementService>(_ => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2));")]
    [InlineData("services.AddScoped<IAmazonKeyManagementService>(sp => { var config = new AmazonKeyManagementServiceConfig { RegionEndpoint = RegionEndpoint.EUWest2 }; return new AmazonKeyManagementServiceClient(config); });")]
    [InlineData("services.AddTransient<IAmazonKeyManagementService>(sp => new AmazonKeyManagementServiceClient(RegionEndpoint.GetBySystemName(\"eu-west-2\")));")]
    [InlineData("Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<IAmazonKeyManagementService>(services, sp => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2));")]
    [InlineData("var client = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);\nservices.AddSingleton<IAmazonKeyManagementService>(client);\nservices.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.EUWest2 });")]
    public Task Region_of_a_client_or_factory_the_container_registers_for_the_interface(string registration) => Run(
        "var services = new ServiceCollection();\n" + registration + "\nservices.AddSingleton<PaymentReader>();\n", Both);

    [Theory]
    [InlineData("services.AddSingleton<IAmazonKeyManagementService, AmazonKeyManagementServiceClient>();")] // the SDK's default Region chain
    [InlineData("services.AddSingleton<IAmazonKeyManagementService>(sp => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1));")] // the key's own Region
    [InlineData("services.AddSingleton<IAmazonKeyManagementService>(sp => new AmazonKeyManagementServiceClient());")]
    [InlineData("services.AddSingleton<IAmazonKeyManagementService>(Create);\nstatic IAmazonKeyManagementService Create(System.IServiceProvider sp) => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);")] // a method group: not followed
    [InlineData("services.AddSingleton<IAmazonKeyManagementService>(sp => System.Environment.GetEnvironmentVariable(\"DR\") is null ? new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2) : new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1));")]
    [InlineData("services.AddSingleton<IAmazonKeyManagementService>(sp => { if (System.Environment.GetEnvironmentVariable(\"DR\") is null) return new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); return new AmazonKeyManagementServiceClient(RegionEndpoint.USEast1); });")]
    [InlineData("services.AddSingleton<IAmazonKeyManagementService>(sp => new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2));\nservices.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.USEast1 });")] // disagree
    public Task Silent_for_container_registrations_of_unknown_or_disagreeing_regions(string registration) => Run(
        "var services = new ServiceCollection();\n" + registration + "\nservices.AddSingleton<PaymentReader>();\n", System.Array.Empty<DiagnosticResult>());

    [Theory]
    [InlineData("services.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.EUWest2 });\nservices.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.USEast1 });")]
    [InlineData("services.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.GetBySystemName(System.Environment.GetEnvironmentVariable(\"REGION\")) });")]
    [InlineData("services.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.EUWest2 }, (config, provider) => { });")]
    [InlineData("services.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.EUWest1 });")]
    [InlineData("services.AddAWSService<IAmazonKeyManagementService>();")]
    [InlineData("services.AddDefaultAWSOptions(provider => new AWSOptions { Region = RegionEndpoint.EUWest2 });\nservices.AddAWSService<IAmazonKeyManagementService>();")]
    [InlineData("services.AddKeyedAWSService<IAmazonKeyManagementService>(\"dr\", new AWSOptions { Region = RegionEndpoint.EUWest2 });")]
    [InlineData("services.AddSingleton<PaymentReader>();")]
    public Task Silent_for_disagreeing_unknown_or_absent_registrations(string registration) => Run(
        "var services = new ServiceCollection();\n" + registration + "\n", System.Array.Empty<DiagnosticResult>());

    [Fact]
    public Task Silent_when_an_environment_settings_file_sets_another_region_or_the_base_sets_none() => Run("""
        public sealed class Startup(IConfiguration configuration)
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddDefaultAWSOptions(configuration.GetAWSOptions());
                services.AddAWSService<IAmazonKeyManagementService>();
                services.AddDefaultAWSOptions(configuration.GetAWSOptions("Other"));
            }

            public static void Main() { }
        }
        """, System.Array.Empty<DiagnosticResult>(),
        ("appsettings.json", """{ "AWS": { "Region": "eu-west-2" } }"""),
        ("appsettings.Production.json", """{ "AWS": { "Region": "eu-west-1" } }"""));

    [Fact]
    public Task Client_passed_to_a_constructor_from_every_call_site() => Run("""
        var reader = new LegacyReader(new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2));
        var dr = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
        var again = new LegacyReader(dr);
        var paymentReader = new PaymentReader(dr);
        """, Both);

    [Fact]
    public Task Silent_when_callers_pass_clients_of_different_regions() => Run("""
        var reader = new LegacyReader(new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2));
        var other = new LegacyReader(new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1));
        var unknown = new PaymentReader(new AmazonKeyManagementServiceClient());
        """, System.Array.Empty<DiagnosticResult>());
}
