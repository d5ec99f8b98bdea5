using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace LegacyKmsApp.Workers;

/// <summary>
/// Nightly export for the reporting team: a data key per export file, and the rotation check that audit asks for
/// once a year. The reporting scheduler runs it; it is not wired into Program.
/// </summary>
internal sealed class ReportExportJob
{
    // The reporting key, by key id, copied from the 2019 runbook. Single-Region, eu-west-1.
    private const string ReportingKeyId = "5b9c1e7a-2f6d-4e03-8a4c-d1e7f0b3a962";

    // Audit wants the rotation status of the ledger key.
    private const string LedgerKeyId = "e7a1c4d2-9b3f-4e58-a6c0-2d8f1b5e7c93";

    // Not keys: the correlation id of the export run and the tenant the object keys are written under.
    private const string ExportRunId = "d0c3a9e8-42f1-4b7a-9e65-1f8b2c7d4a30";
    private static readonly Guid ReportingTenant = Guid.Parse("a3f5c8e1-6d2b-4f97-b0c4-8e1d7a2f5c69");

    private readonly IAmazonKeyManagementService _kms;

    public ReportExportJob(IAmazonKeyManagementService kms) => _kms = kms;

    public Task<GenerateDataKeyResponse> CreateFileKeyAsync(CancellationToken ct) => CreateDataKeyAsync(ReportingKeyId, ct);

    public async Task<bool> LedgerKeyRotatesAsync(CancellationToken ct) =>
        (await _kms.GetKeyRotationStatusAsync(LedgerKeyId, ct)).KeyRotationEnabled == true;

    public string ObjectKey(DateTime day) => $"exports/{ReportingTenant}/{day:yyyy-MM-dd}/{ExportRunId}.csv.enc";

    private Task<GenerateDataKeyResponse> CreateDataKeyAsync(string keyId, CancellationToken ct) =>
        _kms.GenerateDataKeyAsync(new GenerateDataKeyRequest
        {
            KeyId = keyId,
            KeySpec = DataKeySpec.AES_256,
            EncryptionContext = new Dictionary<string, string> { ["export-run"] = ExportRunId },
        }, ct);
}
