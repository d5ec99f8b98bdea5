using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;

namespace KeyInfrastructure.Keys;

/// <summary>
/// The orders key, as it was first written: the replica's policy was copied from the primary's and then changed by
/// hand, and both copies name eu-west-1, where the orders queue first lived.
/// </summary>
internal static class OrdersKeys
{
    public static void Define(Stack primaryStack, Stack replicaStack)
    {
        var primary = new CfnKey(primaryStack, "OrdersKey", new CfnKeyProps
        {
            Description = "Orders data (multi-Region primary)",
            MultiRegion = true,
            EnableKeyRotation = true,
            KeyPolicy = new PolicyDocument(new PolicyDocumentProps
            {
                Statements = new[]
                {
                    AccountAdministers(),
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "OrdersQueueUsesTheKey",
                        Principals = new IPrincipal[] { new AccountRootPrincipal() },
                        Actions = new[] { "kms:GenerateDataKey", "kms:Decrypt" },
                        Resources = new[] { "*" },
                        Conditions = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = "sqs.eu-west-1.amazonaws.com" },
                        },
                    }),
                },
            }),
        });

        // Copied from the primary's policy for the us-east-1 replica, then changed by hand; the queue ARN was not.
        var replicaPolicy = new PolicyDocument();
        replicaPolicy.AddStatements(AccountAdministers(), new PolicyStatement(new PolicyStatementProps
        {
            Sid = "OrdersQueueUsesTheKey",
            Principals = new IPrincipal[] { new ServicePrincipal("sqs.amazonaws.com") },
            Actions = new[] { "kms:GenerateDataKey", "kms:Decrypt" },
            Resources = new[] { "*" },
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = "arn:aws:sqs:eu-west-1:210987654321:orders" },
            },
        }));

        new CfnReplicaKey(replicaStack, "OrdersKeyReplica", new CfnReplicaKeyProps
        {
            PrimaryKeyArn = primary.AttrArn,
            Description = "Orders data (us-east-1 replica)",
            KeyPolicy = replicaPolicy,
        });
    }

    private static PolicyStatement AccountAdministers() => new PolicyStatement(new PolicyStatementProps
    {
        Sid = "AccountAdministersTheKey",
        Principals = new IPrincipal[] { new AccountRootPrincipal() },
        Actions = new[] { "kms:*" },
        Resources = new[] { "*" },
    });
}
