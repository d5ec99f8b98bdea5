using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using LegacyKmsApp.Configuration;
using LegacyKmsApp.Data;
using LegacyKmsApp.Infrastructure;
using LegacyKmsApp.Workers;

// LegacyKmsApp: the order pipeline worker.
//
//   LegacyKmsApp                     process the inbox every 15 minutes (Ctrl+C stops)
//   LegacyKmsApp --self-test         check the ARN helpers, no AWS calls
//   LegacyKmsApp --grant-settlement  create the settlement provider's grant (ops, once a year)
//
// The Region comes from AWS_REGION or the profile, except in ReplicaSyncWorker (DR hosts, INC-3390).

if (args.Contains("--self-test"))
{
    return SelfTest();
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

using var kms = new AmazonKeyManagementServiceClient();

if (args.Contains("--grant-settlement"))
{
    // The provider decrypts the settlement files we drop in their bucket.
    var grant = await kms.CreateGrantAsync(new CreateGrantRequest
    {
        KeyId = KmsKeys.SettlementKeyArn,
        GranteePrincipal = "arn:aws:iam::210987654321:role/settlement-provider",
        Operations = new List<string> { GrantOperation.Decrypt },
        Constraints = new GrantConstraints
        {
            EncryptionContextSubset = new Dictionary<string, string>
            {
                ["aws:s3:arn"] = "arn:aws:s3:::acme-settlement-files",
            },
        },
    }, cts.Token);
    Console.WriteLine($"Created grant {grant.GrantId}");
    return 0;
}

// Logged so that ops can match CloudTrail entries for the bucket's default encryption.
var s3Key = await kms.DescribeKeyAsync("alias/aws/s3", cts.Token);
Console.WriteLine($"S3 default key: {s3Key.KeyMetadata.KeyId}");

var orders = new OrderRepository(kms);
using var regional = new RegionalKmsClients(new[] { RegionEndpoint.EUWest1, RegionEndpoint.EUWest2 });
using var replicaSync = new ReplicaSyncWorker();

var inbox = Environment.GetEnvironmentVariable("ORDERS_INBOX") ?? "inbox";
Directory.CreateDirectory(inbox);

while (!cts.IsCancellationRequested)
{
    try
    {
        foreach (var file in Directory.EnumerateFiles(inbox, "*.json"))
        {
            var orderId = Path.GetFileNameWithoutExtension(file);
            var json = await File.ReadAllTextAsync(file, cts.Token);
            await orders.SaveOrderAsync(orderId, json, cts.Token);
            await orders.AppendAuditAsync($"order {orderId} stored", cts.Token);

            // Copy for the London DR store, re-encrypted with London's own key.
            var copy = await regional.MoveAsync(
                await orders.EncryptLegacyAsync(orderId, json, cts.Token),
                RegionEndpoint.EUWest1, RegionEndpoint.EUWest2, "alias/orders", cts.Token);
            Console.WriteLine($"Order {orderId}: {copy.Length} bytes copied to DR");
            File.Delete(file);
        }

        if (!await replicaSync.RunCanaryAsync(cts.Token))
        {
            Console.Error.WriteLine("DR canary failed");
        }
        await Task.Delay(TimeSpan.FromMinutes(15), cts.Token);
    }
    catch (OperationCanceledException)
    {
        break;
    }
    catch (AmazonKeyManagementServiceException ex)
    {
        Console.Error.WriteLine($"KMS error {ex.ErrorCode}: {ex.Message}");
    }
}
return 0;

static int SelfTest()
{
    var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? "eu-west-1";
    var samples = new Dictionary<string, bool>
    {
        ["arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"] = true,
        ["arn:aws:sqs:eu-west-1:210987654321:orders-intake"] = false,
        ["alias/orders"] = false,
        [KmsArnParser.BuildKeyArn(region, "000000000000", Guid.NewGuid().ToString())] = true,
    };
    var failures = samples.Count(s => KmsArnParser.IsKmsArn(s.Key) != s.Value);
    Console.WriteLine(failures == 0 ? "self-test passed" : $"self-test: {failures} failure(s)");
    return failures == 0 ? 0 : 1;
}
