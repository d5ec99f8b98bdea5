using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using LegacyKmsApp.Configuration;

namespace LegacyKmsApp.Data;

/// <summary>
/// Stores orders with their sensitive parts encrypted under KMS.
/// </summary>
/// <remarks>
/// Orders are encrypted with the orders key
/// (<c>arn:aws:kms:eu-west-1:210987654321:key/3f8a2c1e-7b4d-4e9a-9c61-2d5e8f0a4b17</c>).
/// New code should use <c>alias/orders</c> instead.
/// </remarks>
internal sealed class OrderRepository
{
    private readonly IAmazonKeyManagementService _kms;

    // Stands in for the Orders table.
    private readonly Dictionary<string, byte[]> _table = new();

    public OrderRepository(IAmazonKeyManagementService kms)
    {
        _kms = kms;
    }

    // New path (2023): alias only, the Region comes from the client.
    public async Task SaveOrderAsync(string orderId, string json, CancellationToken ct)
    {
        var response = await _kms.EncryptAsync(new EncryptRequest
        {
            KeyId = "alias/orders",
            Plaintext = ToStream(json),
            EncryptionContext = OrderContext(orderId),
        }, ct);
        _table[orderId] = response.CiphertextBlob.ToArray();
    }

    public async Task<string> LoadOrderAsync(string orderId, CancellationToken ct)
    {
        var response = await _kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = new MemoryStream(_table[orderId]),
            EncryptionContext = OrderContext(orderId),
            // Pinned so that KMS rejects blobs made with any other key (SEC-212).
            KeyId = KmsKeys.OrdersKeyArn,
        }, ct);
        return Encoding.UTF8.GetString(response.Plaintext.ToArray());
    }

    // Old path, still called by the nightly batch.
    public Task<byte[]> EncryptLegacyAsync(string orderId, string json, CancellationToken ct) =>
        EncryptAsync(KmsKeys.OrdersKeyArn, json, OrderContext(orderId), ct);

    public async Task<byte[]> EncryptInvoiceAsync(string invoiceXml, CancellationToken ct)
    {
        // Invoices key, pasted from the console when invoicing moved in here (2020).
        var response = await _kms.EncryptAsync(new EncryptRequest
        {
            KeyId = "arn:aws:kms:eu-west-1:210987654321:key/6e1d8b3c-4f92-4a57-8d0e-b2c9a7f51e36",
            Plaintext = ToStream(invoiceXml),
        }, ct);
        return response.CiphertextBlob.ToArray();
    }

    public Task<byte[]> EncryptRefundAsync(string refundJson, CancellationToken ct)
    {
        // Copied from the refunds service.
        const string refundsKey = @"arn:aws:kms:eu-west-1:210987654321:key/a4c27e5f-0d3b-4b81-96fa-5e8d1c0b7a29";
        return EncryptAsync(refundsKey, refundJson, null, ct);
    }

    public async Task<byte[]> EncryptShippingLabelAsync(string label, CancellationToken ct)
    {
        // Built from the shared constants so the key id is written only once.
        var response = await _kms.EncryptAsync(new EncryptRequest
        {
            KeyId = $"{KmsKeys.ArnPrefix}{KmsKeys.OrdersKeyId}",
            Plaintext = ToStream(label),
        }, ct);
        return response.CiphertextBlob.ToArray();
    }

    // Name, address, phone. Customer data has its own (multi-Region) key.
    public Task<byte[]> EncryptCustomerDetailsAsync(string orderId, string details, CancellationToken ct) =>
        EncryptAsync(KmsKeys.CustomerDataMrkArn, details, OrderContext(orderId), ct);

    public Task<byte[]> AppendAuditAsync(string entry, CancellationToken ct) =>
        EncryptAsync(KmsKeys.AuditKeyArn, entry, null, ct);

    // Data key for the CSV export that reporting downloads.
    public async Task<GenerateDataKeyResponse> CreateExportDataKeyAsync(CancellationToken ct) =>
        await _kms.GenerateDataKeyAsync(new GenerateDataKeyRequest
        {
            KeyId = KmsKeys.OrdersAliasArn,
            KeySpec = DataKeySpec.AES_256,
        }, ct);

    private async Task<byte[]> EncryptAsync(
        string keyId, string text, Dictionary<string, string>? context, CancellationToken ct)
    {
        var response = await _kms.EncryptAsync(new EncryptRequest
        {
            KeyId = keyId,
            Plaintext = ToStream(text),
            EncryptionContext = context,
        }, ct);
        return response.CiphertextBlob.ToArray();
    }

    // Orders arrive from the intake queue; its ARN is part of the encryption context.
    private static Dictionary<string, string> OrderContext(string orderId) => new()
    {
        ["order-id"] = orderId,
        ["source"] = "arn:aws:sqs:eu-west-1:210987654321:orders-intake",
    };

    private static MemoryStream ToStream(string text) => new(Encoding.UTF8.GetBytes(text));
}
