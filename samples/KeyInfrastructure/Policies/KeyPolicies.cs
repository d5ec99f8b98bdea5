using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace KeyInfrastructure.Policies;

/// <summary>
/// The payments keys' policies, shared by the stacks. Two factories where there should be one: the replica's was
/// copied from the primary's for the us-east-1 rollout and has drifted since.
/// </summary>
internal static class KeyPolicies
{
    public static PolicyDocument Payments() => new PolicyDocument(new PolicyDocumentProps
    {
        Statements = new[] { AccountAdministers(), AlertsTopicUsesTheKey($"arn:aws:sns:{Aws.REGION}:{Aws.ACCOUNT_ID}:payments-alerts") },
    });

    public static PolicyDocument PaymentsReplica() => new PolicyDocument(new PolicyDocumentProps
    {
        Statements = new[] { AccountAdministers(), AlertsTopicUsesTheKey("arn:aws:sns:eu-west-1:210987654321:payments-alerts") },
    });

    private static PolicyStatement AccountAdministers() => new PolicyStatement(new PolicyStatementProps
    {
        Principals = new IPrincipal[] { new AccountRootPrincipal() },
        Actions = new[] { "kms:*" },
        Resources = new[] { "*" },
    });

    private static PolicyStatement AlertsTopicUsesTheKey(string topicArn) => new PolicyStatement(new PolicyStatementProps
    {
        Principals = new IPrincipal[] { new ServicePrincipal("sns.amazonaws.com") },
        Actions = new[] { "kms:GenerateDataKey", "kms:Decrypt" },
        Resources = new[] { "*" },
        Conditions = new Dictionary<string, object>
        {
            ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = topicArn },
        },
    });
}
