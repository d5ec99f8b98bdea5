using System;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Tests.Infrastructure;

/// <summary>
/// Compile-only stand-ins for AWSSDK.Extensions.NETCore.Setup 4.1.0.1 (and the Microsoft.Extensions abstractions it
/// extends) as KMS0003's dependency-injection resolution sees them: names, namespaces and overloads of
/// <c>AddAWSService</c>, <c>TryAddAWSService</c>, <c>AddKeyedAWSService</c>, <c>AddDefaultAWSOptions</c> and
/// <c>GetAWSOptions</c> mirror the real assembly (checked by its XML docs); <c>SdkSmokeTests</c> runs against it. The
/// container's <c>AddSingleton</c>/<c>AddScoped</c>/<c>AddTransient</c>/<c>TryAddSingleton</c> overloads mirror
/// Microsoft.Extensions.DependencyInjection.Abstractions.
/// </summary>
internal static class AwsSetupStubs
{
    public const string Source = """
        #nullable disable
        using System;

        namespace Microsoft.Extensions.DependencyInjection
        {
            public enum ServiceLifetime { Singleton, Scoped, Transient }
            public interface IServiceCollection { }
            public class ServiceCollection : IServiceCollection { }
            [AttributeUsage(AttributeTargets.Parameter)]
            public class FromKeyedServicesAttribute : Attribute { public FromKeyedServicesAttribute(object key) { } }
            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services) where TService : class => services;
                public static IServiceCollection AddScoped<TService>(this IServiceCollection services) where TService : class => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService> implementationFactory) where TService : class => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService implementationInstance) where TService : class => services;
                public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) where TService : class where TImplementation : class, TService => services;
                public static IServiceCollection AddScoped<TService>(this IServiceCollection services, Func<IServiceProvider, TService> implementationFactory) where TService : class => services;
                public static IServiceCollection AddTransient<TService>(this IServiceCollection services, Func<IServiceProvider, TService> implementationFactory) where TService : class => services;
            }
            public static class ServiceCollectionExtensions
            {
                public static IServiceCollection AddDefaultAWSOptions(this IServiceCollection collection, Amazon.Extensions.NETCore.Setup.AWSOptions options) => collection;
                public static IServiceCollection AddDefaultAWSOptions(this IServiceCollection collection, Func<IServiceProvider, Amazon.Extensions.NETCore.Setup.AWSOptions> implementationFactory, ServiceLifetime lifetime = ServiceLifetime.Singleton) => collection;
                public static IServiceCollection AddAWSService<T>(this IServiceCollection collection, ServiceLifetime lifetime = ServiceLifetime.Singleton) where T : Amazon.Runtime.IAmazonService => collection;
                public static IServiceCollection AddAWSService<T>(this IServiceCollection collection, Amazon.Extensions.NETCore.Setup.AWSOptions options, ServiceLifetime lifetime = ServiceLifetime.Singleton) where T : Amazon.Runtime.IAmazonService => collection;
                public static IServiceCollection AddAWSService<T>(this IServiceCollection collection, Action<Amazon.Runtime.ClientConfig, IServiceProvider> configureAction, ServiceLifetime lifetime = ServiceLifetime.Singleton) where T : Amazon.Runtime.IAmazonService => collection;
                public static IServiceCollection AddAWSService<T>(this IServiceCollection collection, Amazon.Extensions.NETCore.Setup.AWSOptions options, Action<Amazon.Runtime.ClientConfig, IServiceProvider> configureAction, ServiceLifetime lifetime = ServiceLifetime.Singleton) where T : Amazon.Runtime.IAmazonService => collection;
                public static IServiceCollection TryAddAWSService<T>(this IServiceCollection collection, Amazon.Extensions.NETCore.Setup.AWSOptions options, ServiceLifetime lifetime = ServiceLifetime.Singleton) where T : Amazon.Runtime.IAmazonService => collection;
                public static IServiceCollection AddKeyedAWSService<T>(this IServiceCollection collection, object serviceKey, Amazon.Extensions.NETCore.Setup.AWSOptions options, ServiceLifetime lifetime = ServiceLifetime.Singleton) where T : Amazon.Runtime.IAmazonService => collection;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection.Extensions
        {
            public static class ServiceCollectionDescriptorExtensions
            {
                public static void TryAddSingleton<TService>(this IServiceCollection collection, Func<IServiceProvider, TService> implementationFactory) where TService : class { }
                public static void TryAddSingleton<TService>(this IServiceCollection collection, TService instance) where TService : class { }
            }
        }

        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration { string this[string key] { get; set; } }
            public static class ConfigurationExtensions
            {
                public static Amazon.Extensions.NETCore.Setup.AWSOptions GetAWSOptions(this IConfiguration config) => null;
                public static Amazon.Extensions.NETCore.Setup.AWSOptions GetAWSOptions(this IConfiguration config, string configSection) => null;
            }
        }

        namespace Amazon.Extensions.NETCore.Setup
        {
            public class AWSOptions
            {
                public Amazon.RegionEndpoint Region { get; set; }
                public string Profile { get; set; }
            }
        }
        """;

    private static readonly Lazy<MetadataReference> LazyReference = new(() => StubCompiler.Compile("AWSSDK.Setup.Stubs", Source, AwsSdkStubs.Reference));

    public static MetadataReference Reference => LazyReference.Value;
}
