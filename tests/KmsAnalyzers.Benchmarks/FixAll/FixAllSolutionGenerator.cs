using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using KmsAnalyzers.Benchmarks.Analyzers;
using KmsAnalyzers.Benchmarks.Infrastructure;

namespace KmsAnalyzers.Benchmarks.FixAll;

/// <summary>One constant of a generated keys class and what the fix must make of it.</summary>
internal sealed record KeyConstant(string Name, string Value, string? ExpectedAlias, bool InMap);

/// <summary>One generated document of the Fix All solution.</summary>
internal sealed record FixAllDocument(string Path, string Text, IReadOnlyList<KeyConstant> Constants);

/// <summary>
/// A solution for Fix All at scale: per document a <c>Keys</c> class with <see cref="ConstantsPerDocument"/> key
/// constants (7 key ARNs and 2 multi-Region key ids that the fix must turn into aliases, and a settlement key ARN used
/// in a grant that it must leave alone) and a consumer that passes every key to KMS, two of them from the previous
/// document. Six keys per document are in the alias map (<c>alias/m0042/orders</c>), four only get the alias derived
/// from the constant's name (<c>alias/orders</c>). Constant names come from a pool of 40 purposes, so each name recurs
/// in a quarter of the documents, as in a code base of many similar modules.
/// </summary>
internal static class FixAllSolutionGenerator
{
    public const int ConstantsPerDocument = 10;
    public const string Account = "210987654321";

    private static readonly string[] Purposes =
    {
        "Orders", "Payments", "Invoices", "Refunds", "Audit", "CustomerData", "Shipping", "Billing", "Reports", "Exports",
        "Archive", "Tokens", "Sessions", "Documents", "Images", "Backups", "Logs", "Metrics", "Events", "Messages",
        "Profiles", "Contracts", "Claims", "Policies", "Ledger", "Payroll", "Tax", "Pricing", "Catalog", "Inventory",
        "Vendors", "Partners", "Loyalty", "Campaigns", "Support", "Tickets", "Secrets", "Webhooks", "Notifications", "Analytics",
    };

    public static (IReadOnlyList<FixAllDocument> Documents, string AliasMapJson) Generate(int documents, int seed = CodeBaseGenerator.DefaultSeed)
    {
        var random = new Random(seed);
        var map = new AliasMapBuilder();
        var result = new List<FixAllDocument>(documents);
        for (var d = 0; d < documents; d++)
        {
            var module = "M" + d.ToString("D4", CultureInfo.InvariantCulture);
            var constants = new List<KeyConstant>(ConstantsPerDocument);
            for (var slot = 0; slot < ConstantsPerDocument; slot++)
            {
                var purpose = slot == ConstantsPerDocument - 1 ? "Settlement" : Purposes[(d * 7 + slot * 3) % Purposes.Length];
                var isMrk = slot is 7 or 8;
                var keyId = isMrk ? "mrk-" + Hex(random, 32) : Uuid(random);
                var value = isMrk ? keyId : "arn:aws:kms:eu-west-1:" + Account + ":key/" + keyId;
                var inMap = slot is 0 or 1 or 2 or 3 or 7 or 9;
                var kebab = Kebab(purpose);
                var mapAlias = "alias/" + module.ToLowerInvariant() + "/" + kebab;
                if (inMap)
                    map.Add(keyId, mapAlias, Account);
                var expected = slot == ConstantsPerDocument - 1 ? null : inMap ? mapAlias : "alias/" + kebab;
                constants.Add(new KeyConstant(purpose + (isMrk ? "MrkId" : "KeyArn"), value, expected, inMap));
            }

            result.Add(new FixAllDocument("/src/Contoso.Keys/" + module + "/Keys.cs", Document(d, module, constants), constants));
        }

        return (result, map.ToJson());
    }

    private static string Document(int index, string module, List<KeyConstant> constants)
    {
        var w = new CodeWriter();
        w.Line("using System.IO;");
        w.Line("using System.Threading;");
        w.Line("using System.Threading.Tasks;");
        w.Line("using Amazon.KeyManagementService;");
        w.Line("using Amazon.KeyManagementService.Model;");
        w.Line();
        w.Line("namespace Contoso.Keys." + module + ";");
        w.Line();
        w.Line("/// <summary>KMS keys of module " + module + " (production, eu-west-1).</summary>");
        w.Open("public static class Keys");
        foreach (var constant in constants)
        {
            w.Line("// " + constant.Name + ": ask #platform-security before changing it.");
            w.Line("public const string " + constant.Name + " = \"" + constant.Value + "\";");
        }

        w.Close();
        w.Line();
        w.Open("public sealed class Consumer");
        w.Line("private readonly IAmazonKeyManagementService _kms;");
        w.Line();
        w.Line("public Consumer(IAmazonKeyManagementService kms) => _kms = kms;");
        for (var i = 0; i < constants.Count - 1; i++)
        {
            w.Line();
            w.Line("public Task<EncryptResponse> Encrypt" + constants[i].Name + "Async(MemoryStream data, CancellationToken ct) =>");
            w.Line("    _kms.EncryptAsync(new EncryptRequest { KeyId = Keys." + constants[i].Name + ", Plaintext = data }, ct);");
        }

        w.Line();
        w.Line("// The settlement provider gets a grant: CreateGrant needs the key ARN, so the fix must leave it.");
        w.Line("public Task<CreateGrantResponse> GrantSettlementAsync(string principal, CancellationToken ct) =>");
        w.Line("    _kms.CreateGrantAsync(new CreateGrantRequest { KeyId = Keys." + constants[^1].Name + ", GranteePrincipal = principal }, ct);");
        if (index > 0)
        {
            // Two keys of the previous module, used from here: references across documents.
            var previous = "Contoso.Keys.M" + (index - 1).ToString("D4", CultureInfo.InvariantCulture) + ".Keys.";
            var prevNames = new[] { Purposes[((index - 1) * 7) % Purposes.Length] + "KeyArn", Purposes[((index - 1) * 7 + 21) % Purposes.Length] + "MrkId" };
            foreach (var name in prevNames)
            {
                w.Line();
                w.Line("public Task<EncryptResponse> EncryptShared" + name + "Async(MemoryStream data, CancellationToken ct) =>");
                w.Line("    _kms.EncryptAsync(new EncryptRequest { KeyId = " + previous + name + ", Plaintext = data }, ct);");
            }
        }

        w.Close();
        return w.ToString();
    }

    private static string Kebab(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Uuid(Random random) =>
        Hex(random, 8) + "-" + Hex(random, 4) + "-4" + Hex(random, 3) + "-" + "89ab"[random.Next(4)] + Hex(random, 3) + "-" + Hex(random, 12);

    private static string Hex(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = "0123456789abcdef"[random.Next(16)];
        return new string(chars);
    }
}
