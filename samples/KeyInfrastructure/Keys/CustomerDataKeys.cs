using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;

namespace KeyInfrastructure.Keys;

/// <summary>
/// The customer-data key, written the way KMS0006 and KMS0007 ask for: one policy factory for the primary and every
/// replica, and no Region in the policy: <see cref="Aws.REGION"/> and <see cref="Aws.ACCOUNT_ID"/> resolve in each
/// Region's stack.
/// </summary>
internal static class CustomerDataKeys
{
    public static void Define(Stack primaryStack, Stack replicaStack)
    {
        var primary = new CfnKey(primaryStack, "CustomerDataKey", new CfnKeyProps
        {
            Description = "Customer data (multi-Region primary)",
            MultiRegion = true,
            EnableKeyRotation = true,
            KeyPolicy = KeyPolicy(Aws.ACCOUNT_ID),
        });

        new CfnReplicaKey(replicaStack, "CustomerDataKeyReplica", new CfnReplicaKeyProps
        {
            PrimaryKeyArn = primary.AttrArn,
            Description = "Customer data (replica)",
            KeyPolicy = KeyPolicy(Aws.ACCOUNT_ID),
        });

        // A single-Region key: its policy may name its own Region, because it is never deployed anywhere else.
        new CfnKey(primaryStack, "CustomerExportsKey", new CfnKeyProps
        {
            Description = "Customer exports (eu-west-1 only)",
            KeyPolicy = new PolicyDocument(new PolicyDocumentProps
            {
                Statements = new[]
                {
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Principals = new IPrincipal[] { new AccountRootPrincipal() },
                        Actions = new[] { "kms:*" },
                        Resources = new[] { "*" },
                        Conditions = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["aws:RequestedRegion"] = "eu-west-1" },
                        },
                    }),
                },
            }),
        });
    }

    /// <summary>The one policy of the key, in every Region: the Region and the account are the stack's tokens.</summary>
    private static PolicyDocument KeyPolicy(string account) => new PolicyDocument(new PolicyDocumentProps
    {
        Statements = new[]
        {
            new PolicyStatement(new PolicyStatementProps
            {
                Sid = "AccountAdministersTheKey",
                Principals = new IPrincipal[] { new AccountRootPrincipal() },
                Actions = new[] { "kms:*" },
                Resources = new[] { "*" },
            }),
            new PolicyStatement(new PolicyStatementProps
            {
                Sid = "CustomerQueueUsesTheKey",
                Principals = new IPrincipal[] { new ServicePrincipal("sqs.amazonaws.com") },
                Actions = new[] { "kms:GenerateDataKey", "kms:Decrypt" },
                Resources = new[] { "*" },
                Conditions = new Dictionary<string, object>
                {
                    ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = $"arn:aws:sqs:{Aws.REGION}:{account}:customer-data" },
                    ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"sqs.{Aws.REGION}.amazonaws.com" },
                },
            }),
        },
    });
}
