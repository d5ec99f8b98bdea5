using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using LegacyKmsApp.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegacyKmsApp.Services;

/// <summary>
/// Card-token lookups for the payments API. The container injects the KMS client; the client's Region is the one
/// <see cref="PaymentLookupRegistration.AddPaymentLookup"/> registers (the DR Region, since INC-3390).
/// </summary>
public sealed class PaymentLookupService(IAmazonKeyManagementService kms)
{
    public async Task<MemoryStream> ReadCardTokenAsync(MemoryStream ciphertext, CancellationToken cancellationToken) =>
        (await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = ciphertext, KeyId = KmsKeys.PaymentsKeyArn }, cancellationToken)).Plaintext;
}

/// <summary>The payments API host calls this on its service collection.</summary>
public static class PaymentLookupRegistration
{
    public static IServiceCollection AddPaymentLookup(this IServiceCollection services)
    {
        services.AddAWSService<IAmazonKeyManagementService>(new AWSOptions { Region = RegionEndpoint.EUWest2 });
        services.AddSingleton<PaymentLookupService>();
        return services;
    }
}
