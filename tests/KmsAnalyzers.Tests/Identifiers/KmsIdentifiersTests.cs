using KmsAnalyzers.Identifiers;
using Xunit;

namespace KmsAnalyzers.Tests.Identifiers;

public sealed class KmsIdentifiersTests
{
    private const string Uuid = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Mrk = "mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d";

    [Theory]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/" + Uuid, true)]
    [InlineData("arn:aws-cn:kms:cn-north-1:210987654321:key/" + Uuid, true)]
    [InlineData("key " + Mrk + " in use", true)]
    [InlineData("see arn:aws:kms:eu-west-1:210987654321:alias/orders-and-more", true)] // the scanner decides what it is
    [InlineData("arn:aws:s3:::contoso-orders-exports/orders/2026/12/", false)] // another service's ARN: the common case
    [InlineData("arn:aws:sns:eu-west-1:210987654321:orders-events", false)]
    [InlineData("arn:aws:kms", false)] // too short to hold an identifier
    [InlineData(":kms:eu-west-1:210987654321:key/" + Uuid, false)] // no ARN prefix
    public void Prefilter_lets_through_only_text_that_may_hold_a_key_arn_or_multi_region_id(string text, bool expected) =>
        Assert.Equal(expected, KmsIdentifiers.MayContainKeyIdentifier(text));

    [Theory]
    [InlineData("arn:aws:kms:eu-west-1:", true)] // every field of an ARN
    [InlineData("arn:aws:", true)]
    [InlineData("n:aws:kms:", true)]
    [InlineData(":210987654321:key/", true)]
    [InlineData(":210987654321:alias/orders", true)]
    [InlineData("mrk-", true)]
    [InlineData("key/" + Uuid, true)] // a key id, whole or in pieces
    [InlineData("0b1c2d3e-4f50", true)]
    [InlineData("-4a6b", true)]
    [InlineData("0b1c2d3e-", true)]
    [InlineData("9e0f1a2b3c4d", true)]
    [InlineData("SELECT id, name FROM orders WHERE customer = @customer", false)] // the strings of ordinary code
    [InlineData("https://api.contoso.example/orders/v2", false)]
    [InlineData("contoso-orders-exports", false)]
    [InlineData("Amount must not be negative: ", false)]
    [InlineData("-", false)]
    [InlineData("2024", false)]
    [InlineData("add", false)]
    [InlineData("", false)]
    public void A_piece_of_a_composed_value_may_hold_part_of_a_key_identifier(string piece, bool expected) =>
        Assert.Equal(expected, KmsIdentifiers.MayBeKeyIdentifierPiece(piece));

    [Theory]
    [InlineData("arn:aws:kms:eu-west-1:", true)]
    [InlineData("kms", true)] // "arn:aws:" + Service + …
    [InlineData("mrk", true)]
    [InlineData("0b1c2d3e-4f50", true)]
    [InlineData("9e0f1a2b3c4d", true)] // a key id's hex pieces
    [InlineData("-", true)] // a key id split at its dashes
    [InlineData("-4a", false)] // split inside a group of hex digits: a marker split inside itself
    [InlineData("orders-", false)]
    [InlineData("arn:aws:", false)] // no identifier is made of these alone
    [InlineData(":alias/", false)]
    [InlineData("contoso-orders", false)]
    [InlineData("2024", false)]
    [InlineData("", false)]
    public void A_constant_piece_may_hold_a_marker_of_a_key_identifier(string piece, bool expected) =>
        Assert.Equal(expected, KmsIdentifiers.MayHoldKeyIdentifierMarker(piece));

    [Theory]
    [InlineData("const string Arn = \"arn:aws:kms:eu-west-1:210987654321:key/\";", true)]
    [InlineData("// ids: mrk-…", true)]
    [InlineData("var id = \"0b1c2d3e-4f50\";", true)] // a dash beside four hex digits, either side
    [InlineData("var id = \"4a6b-\" + tail;", true)]
    [InlineData("var id = \"0b1c2d3e\" + \"-\" + \"4f50\";", true)] // a literal dash: split at its dashes
    [InlineData("var id = @\"-\" + \"\"\"-\"\"\";", true)]
    [InlineData("var plain = id.ToString().Replace(\"-\", \"\");", true)] // a superset: ordinary code that a later check rejects
    [InlineData("var name = prefix + \"-dlq\"; args.Contains(\"--verbose\"); var p = \"orders-\";", false)]
    [InlineData("var s = \"\\u006Bms\";", true)] // an escape may spell a marker
    [InlineData("var id = \"0b1c2d3e4f50\";", false)] // hex digits alone are not looked for in the text (see the remarks)
    [InlineData("var month = $\"{m.Year:D4}-{m.Month:D2}\";", false)] // a dash between holes: dates, common
    [InlineData("i--; x = a - b; // yyyy-MM-dd", false)]
    [InlineData("SELECT id FROM orders -- comment", false)]
    [InlineData("", false)]
    public void A_source_file_may_hold_a_marker_of_a_key_identifier(string text, bool expected) =>
        Assert.Equal(expected, KmsIdentifiers.SourceMayHoldKeyIdentifierMarker(text));

    [Theory]
    // Key ARNs in every partition
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:us-east-1:210987654321:key/" + Mrk, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:ap-southeast-7:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:mx-central-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:il-central-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:af-south-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:ca-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:sa-east-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:me-central-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:ap-southeast-9:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)] // a future Region of the same shape
    [InlineData("arn:aws-cn:kms:cn-north-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws-cn:kms:cn-northwest-1:210987654321:key/" + Mrk, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws-us-gov:kms:us-gov-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws-us-gov:kms:us-gov-east-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws-iso:kms:us-iso-east-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws-iso-b:kms:us-isob-east-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws-iso-e:kms:eu-isoe-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws-iso-f:kms:us-isof-south-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws-eusc:kms:eusc-de-east-1:210987654321:key/" + Uuid, KmsIdentifierKind.KeyArn)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/0B1C2D3E-4F50-4A6B-8C7D-9E0F1A2B3C4D", KmsIdentifierKind.KeyArn)]
    // Alias ARNs, alias names, key ids
    [InlineData("arn:aws:kms:eu-west-1:210987654321:alias/orders", KmsIdentifierKind.AliasArn)]
    [InlineData("arn:aws-cn:kms:cn-north-1:210987654321:alias/team/orders_v2", KmsIdentifierKind.AliasArn)]
    [InlineData("alias/orders", KmsIdentifierKind.AliasName)]
    [InlineData("alias/aws/s3", KmsIdentifierKind.AliasName)]
    [InlineData("alias/team:orders", KmsIdentifierKind.AliasName)]
    [InlineData(Uuid, KmsIdentifierKind.KeyId)]
    [InlineData(Mrk, KmsIdentifierKind.MultiRegionKeyId)]
    [InlineData("mrk-1234abcd12ab34cd56ef1234567890ab", KmsIdentifierKind.MultiRegionKeyId)]
    // Region that does not belong to the partition
    [InlineData("arn:aws:kms:cn-north-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws-cn:kms:eu-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:us-gov-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws-us-gov:kms:us-east-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eusc-de-east-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    // Unknown partitions, services, Region shapes
    [InlineData("arn:aws-xx:kms:eu-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:AWS:kms:eu-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:sqs:eu-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:KMS:eu-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:zz-west-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:EU-WEST-1:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms::210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:*:210987654321:key/" + Uuid, KmsIdentifierKind.None)]
    // Accounts
    [InlineData("arn:aws:kms:eu-west-1:21098765432:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:2109876543210:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:21098765432x:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1::key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:{account}:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:${AWS::AccountId}:key/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:ACCOUNT_ID:key/" + Uuid, KmsIdentifierKind.None)]
    // Resources: wildcards, placeholders, truncated and malformed ids
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/*", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/<key-id>", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/KEY-ID", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/custom-cmk", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/" + Uuid + "x", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/mrk-0B1C2D3E4F504A6B8C7D9E0F1A2B3C4D", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:keys/" + Uuid, KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:alias/", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:alias/*", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:alias/{name}", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:", KmsIdentifierKind.None)]
    [InlineData("arn:aws:kms:...", KmsIdentifierKind.None)]
    [InlineData("arn:", KmsIdentifierKind.None)]
    [InlineData("", KmsIdentifierKind.None)]
    // Key ids and MRK ids that are not
    [InlineData("mrk-", KmsIdentifierKind.None)]
    [InlineData("mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4", KmsIdentifierKind.None)]
    [InlineData("mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d5", KmsIdentifierKind.None)]
    [InlineData("mrk-0B1C2D3E4F504A6B8C7D9E0F1A2B3C4D", KmsIdentifierKind.None)]
    [InlineData("mrk-0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b", KmsIdentifierKind.None)]
    [InlineData("MRK-0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d", KmsIdentifierKind.None)]
    [InlineData("mrk-0b1c2d3e4f504a6b8c7d9e0f1a2b3g4d", KmsIdentifierKind.None)]
    [InlineData("0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4", KmsIdentifierKind.None)]
    [InlineData("0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d", KmsIdentifierKind.None)]
    [InlineData("0b1c2d3e_4f50_4a6b_8c7d_9e0f1a2b3c4d", KmsIdentifierKind.None)]
    [InlineData("alias/", KmsIdentifierKind.None)]
    [InlineData("alias/orders key", KmsIdentifierKind.None)]
    [InlineData("alias/*", KmsIdentifierKind.None)]
    [InlineData("Alias/orders", KmsIdentifierKind.None)]
    public void Classifies(string value, object expected) =>
        Assert.Equal(expected, (object)KmsIdentifiers.Classify(value));

    [Theory]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/" + Uuid, "aws", "eu-west-1", "210987654321", Uuid, "********4321")]
    [InlineData("arn:aws-eusc:kms:eusc-de-east-1:987654321098:key/" + Mrk, "aws-eusc", "eusc-de-east-1", "987654321098", Mrk, "********1098")]
    [InlineData("arn:aws:kms:us-west-2:210987654321:alias/orders", "aws", "us-west-2", "210987654321", "alias/orders", "********4321")]
    public void Parses_arn_fields(string value, string partition, string region, string account, string resourceId, string masked)
    {
        Assert.True(KmsIdentifiers.TryParseArn(value, out var arn));
        Assert.Equal(partition, Partitions.Name(arn.Partition));
        Assert.Equal(region, arn.Region);
        Assert.Equal(account, arn.Account);
        Assert.Equal(resourceId, arn.ResourceId);
        Assert.Equal(masked, arn.MaskedAccount);
        Assert.Equal(value, arn.Text);
    }

    [Theory]
    [InlineData("123456789012", true)]
    [InlineData("111122223333", true)]
    [InlineData("444455556666", true)]
    [InlineData("210987654321", false)]
    [InlineData("987654321098", false)]
    public void Knows_documentation_accounts(string account, bool expected)
    {
        Assert.True(KmsIdentifiers.TryParseArn("arn:aws:kms:eu-west-1:" + account + ":key/" + Uuid, out var arn));
        Assert.Equal(expected, arn.HasDocumentationAccount);
    }

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("eu-isoe-west-1", "aws-iso-e")]
    [InlineData("us-isof-east-1", "aws-iso-f")]
    [InlineData("us-isob-west-1", "aws-iso-b")]
    [InlineData("us-iso-west-1", "aws-iso")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("us-gov-east-1", "aws-us-gov")]
    [InlineData("eusc-de-east-1", "aws-eusc")]
    [InlineData("us-east-1-regional", "")]
    [InlineData("global", "")]
    [InlineData("eu-west", "")]
    public void Maps_region_to_partition(string region, string partition) =>
        Assert.Equal(partition, Partitions.Name(Partitions.OfRegion(region)));

    [Theory]
    [InlineData("KeyArns=arn:aws:kms:eu-west-1:210987654321:key/" + Uuid + ",x", 8, KmsIdentifierKind.KeyArn)]
    [InlineData("[\"" + Mrk + "\"]", 2, KmsIdentifierKind.MultiRegionKeyId)]
    [InlineData("use (arn:aws:kms:eu-west-1:210987654321:alias/orders) here", 5, KmsIdentifierKind.AliasArn)]
    [InlineData("x " + Mrk, 2, KmsIdentifierKind.MultiRegionKeyId)]
    public void Finds_whole_tokens(string text, int start, object kind)
    {
        Assert.True(KmsIdentifiers.TryFindToken(text, 0, out var token));
        Assert.Equal(start, token.Start);
        Assert.Equal(kind, (object)token.Kind);
    }

    [Theory]
    [InlineData("xarn:aws:kms:eu-west-1:210987654321:key/" + Uuid)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/" + Uuid + "/extra")]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/" + Uuid + ".")]
    [InlineData("prefix-" + Mrk)]
    [InlineData(Mrk + "-suffix")]
    [InlineData("^arn:aws:kms:(?<region>[a-z0-9-]+):(?<account>\\d{12}):key/(?<id>.+)$")]
    [InlineData("if (keyId.StartsWith(\"mrk-\"))")]
    [InlineData("arn:aws:dynamodb:eu-west-1:210987654321:table/" + Mrk)]
    public void Ignores_partial_tokens(string text) => Assert.False(KmsIdentifiers.TryFindToken(text, 0, out _));

    [Fact]
    public void Token_next_to_an_open_edge_is_not_whole()
    {
        var text = "arn:aws:kms:eu-west-1:210987654321:key/" + Uuid;
        Assert.False(KmsIdentifiers.TryFindToken(text, 0, out _, openStart: true));
        Assert.False(KmsIdentifiers.TryFindToken(text, 0, out _, openEnd: true));
        Assert.True(KmsIdentifiers.TryFindToken(text, 0, out _));
    }

    [Fact]
    public void Scans_a_long_string_of_near_misses_in_linear_time()
    {
        var text = new string('x', 10) + string.Concat(System.Linq.Enumerable.Repeat("arn:mrk-", 250_000)) + " " + Mrk;
        Assert.True(KmsIdentifiers.TryFindToken(text, 0, out var token));
        Assert.Equal(Mrk, token.Text);
    }

    [Theory]
    [InlineData("OrdersKeyArn", "alias/orders")]
    [InlineData("CustomerDataMrkId", "alias/customer-data")]
    [InlineData("CUSTOMER_DATA_KEY_ARN", "alias/customer-data")]
    [InlineData("_paymentsKmsKeyId", "alias/payments")]
    [InlineData("KMSKeyArnForInvoices", "alias/for-invoices")]
    [InlineData("Orders2Key", "alias/orders2")]
    [InlineData("KeyArn", null)]
    [InlineData("kmsKey", null)]
    public void Derives_alias_names(string symbol, string? expected) => Assert.Equal(expected, AliasNames.Derive(symbol));

    [Theory]
    [InlineData("https://kms.eu-west-2.amazonaws.com", "eu-west-2")]
    [InlineData("https://kms-fips.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("kms.cn-north-1.amazonaws.com.cn", "cn-north-1")]
    [InlineData("https://kms.us-gov-west-1.amazonaws.com", "us-gov-west-1")]
    [InlineData("https://vpce-0abc-kms.eu-west-1.vpce.amazonaws.com", null)] // a VPC endpoint names no Region we trust
    [InlineData("http://localhost:4566", null)]
    [InlineData("https://kms.mars-1.amazonaws.com", null)]
    [InlineData("", null)]
    public void Reads_the_region_of_a_kms_endpoint_url(string url, string? expected) => Assert.Equal(expected, KmsIdentifiers.RegionOfEndpointUrl(url));
}
