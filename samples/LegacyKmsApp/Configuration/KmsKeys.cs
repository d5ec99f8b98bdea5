namespace LegacyKmsApp.Configuration;

// KMS keys used by the order pipeline.
//
// These lived in App.config (appSettings) of the old .NET Framework service and were moved here
// "temporarily" during the .NET Core migration in 2021 (OPS-1187). Production is eu-west-1, account
// 210987654321; the audit key belongs to the shared-services account.
//
// Ask #platform-security before adding a key here.
internal static class KmsKeys
{
    // Prefix for keys in the production account; key ids are appended to it.
    public const string ArnPrefix = "arn:aws:kms:eu-west-1:210987654321:key/";

    // Orders: single-Region key, created by hand in 2019.
    public const string OrdersKeyId = "3f8a2c1e-7b4d-4e9a-9c61-2d5e8f0a4b17";
    public const string OrdersKeyArn = "arn:aws:kms:eu-west-1:210987654321:key/3f8a2c1e-7b4d-4e9a-9c61-2d5e8f0a4b17";

    // What the reporting team was given instead of the key ARN. Same key as OrdersKeyArn.
    public const string OrdersAliasArn = "arn:aws:kms:eu-west-1:210987654321:alias/orders";

    // Payments: single-Region, eu-west-1 only.
    public const string PaymentsKeyArn = "arn:aws:kms:eu-west-1:210987654321:key/9d2e4b6a-1c3f-4a8e-b5d7-6f0e2a9c4d81";

    // The settlement provider's role gets a Decrypt grant on this key (Program, --grant-settlement).
    public const string SettlementKeyArn = "arn:aws:kms:eu-west-1:210987654321:key/0b5f3d9e-8a21-47c6-9e4b-1d7a6c3f2e90";

    // Customer PII: multi-Region key, primary in eu-west-1, replica in eu-west-2 for DR.
    public const string CustomerDataMrkId = "mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856";
    public const string CustomerDataMrkArn = "arn:aws:kms:eu-west-1:210987654321:key/mrk-4c7e1b9a2d5f48e6b3a0c9d7e2f1a856";

    // Audit trail key in the shared-services account (we have a cross-account grant on it).
    public const string AuditKeyArn =
        "arn:aws:kms:eu-west-1:987654321098:key/" +
        "c4e1a7d2-5b8f-4c3a-a906-7e2d1f4b8c35";

    // Resource pattern for the IAM policy shown on the ops dashboard. Not a key.
    public const string AnyKeyInProductionAccount = "arn:aws:kms:eu-west-1:210987654321:key/*";
}
