using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using LegacyKmsApp.Configuration;

namespace LegacyKmsApp.Workers;

/// <summary>
/// Keeps the disaster-recovery copy (eu-west-2, London) of customer and payment data readable.
/// Program runs it every 15 minutes.
/// </summary>
internal sealed class ReplicaSyncWorker : IDisposable
{
    // DR is London. Hard-coded because the DR hosts have no AWS_REGION set (INC-3390).
    private readonly IAmazonKeyManagementService _drClient;

    // London replica of arn:aws:kms:eu-west-1:210987654321:key/mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856
    private static readonly string CustomerDataReplicaArn =
        "arn:aws:kms:eu-west-2:210987654321:key/mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856";

    public ReplicaSyncWorker()
    {
        _drClient = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
    }

    // Checks that a settlement file mirrored to the DR bucket can be read in London.
    public async Task<bool> VerifyPaymentsMirrorAsync(byte[] mirroredFile, CancellationToken ct)
    {
        // Fails in every DR drill with "Invalid arn" (INC-4821). Nobody knows why yet.
        var response = await _drClient.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = new MemoryStream(mirroredFile),
            KeyId = KmsKeys.PaymentsKeyArn,
        }, ct);
        return response.Plaintext.Length > 0;
    }

    // Customer records replicated by DynamoDB global tables: read them with the London replica.
    public async Task<bool> VerifyCustomerRecordAsync(byte[] record, CancellationToken ct)
    {
        var response = await _drClient.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = new MemoryStream(record),
            KeyId = CustomerDataReplicaArn,
        }, ct);
        return response.Plaintext.Length > 0;
    }

    // Canary: encrypt with the primary key in Ireland, read it back through the replica in London.
    public async Task<bool> RunCanaryAsync(CancellationToken ct)
    {
        using var primary = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest1);
        using var replica = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);

        var canary = "canary " + DateTime.UtcNow.ToString("O");
        var encrypted = await primary.EncryptAsync(new EncryptRequest
        {
            KeyId = KmsKeys.CustomerDataMrkId,
            Plaintext = new MemoryStream(Encoding.UTF8.GetBytes(canary)),
        }, ct);

        // Same bytes, other Region: only works while the replica exists and is enabled.
        var decrypted = await replica.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = encrypted.CiphertextBlob,
        }, ct);
        return Encoding.UTF8.GetString(decrypted.Plaintext.ToArray()) == canary;
    }

    // Orders older than seven years go to the archive bucket in us-east-1, under the archive key.
    public async Task<byte[]> ArchiveOrderAsync(byte[] ciphertext, CancellationToken ct)
    {
        var archiveConfig = new AmazonKeyManagementServiceConfig
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName("us-east-1"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var archiveClient = new AmazonKeyManagementServiceClient(archiveConfig);

        var response = await archiveClient.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = new MemoryStream(ciphertext),
            SourceKeyId = KmsKeys.OrdersKeyArn,
            DestinationKeyId = "alias/orders-archive",
        }, ct);
        return response.CiphertextBlob.ToArray();
    }

    // DR readiness probe (runbook step 2): is the payments key enabled before we fail over to London?
    public async Task<bool> IsPaymentsKeyReadyAsync(CancellationToken ct)
    {
        var described = await _drClient.DescribeKeyAsync(KmsKeys.PaymentsKeyArn, ct);
        return described.KeyMetadata.Enabled == true;
    }

    public void Dispose() => _drClient.Dispose();
}
