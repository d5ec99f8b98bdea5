using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace LegacyKmsApp.Infrastructure;

/// <summary>
/// One KMS client per Region, for jobs that move data between Regions. Each Region uses its own key
/// through the same alias name, so nothing Region-specific is written here.
/// </summary>
internal sealed class RegionalKmsClients : IDisposable
{
    private readonly Dictionary<RegionEndpoint, IAmazonKeyManagementService> _clients = new();

    public RegionalKmsClients(IEnumerable<RegionEndpoint> regions)
    {
        foreach (var region in regions)
        {
            _clients[region] = new AmazonKeyManagementServiceClient(region);
        }
    }

    // Decrypt where the data was written, then encrypt with the target Region's own key.
    public async Task<byte[]> MoveAsync(
        byte[] ciphertext, RegionEndpoint from, RegionEndpoint to, string aliasName, CancellationToken ct)
    {
        var decrypted = await _clients[from].DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = new MemoryStream(ciphertext),
        }, ct);
        var encrypted = await _clients[to].EncryptAsync(new EncryptRequest
        {
            KeyId = aliasName,
            Plaintext = decrypted.Plaintext,
        }, ct);
        return encrypted.CiphertextBlob.ToArray();
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
