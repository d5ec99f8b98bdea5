using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;

namespace KeyInfrastructure.Keys;

/// <summary>The audit key's primary. Program.cs gives it to <see cref="Replicas.Add"/> for the us-east-1 replica.</summary>
internal static class AuditKeys
{
    public static CfnKey Define(Stack stack) => new CfnKey(stack, "AuditKey", new CfnKeyProps
    {
        Description = "Audit trail (multi-Region primary)",
        MultiRegion = true,
        KeyPolicy = new PolicyDocument(new PolicyDocumentProps
        {
            Statements = new[]
            {
                new PolicyStatement(new PolicyStatementProps
                {
                    Principals = new IPrincipal[] { new AccountRootPrincipal() },
                    Actions = new[] { "kms:*" },
                    Resources = new[] { "*" },
                }),
            },
        }),
    });
}

/// <summary>
/// One helper that replicates any primary it is given, with a policy of its own: KMS0006 finds the primary from the
/// helper's call sites and reports the replica at build time (see README.md).
/// </summary>
internal static class Replicas
{
    public static CfnReplicaKey Add(Stack stack, string id, CfnKey primary) => new CfnReplicaKey(stack, id, new CfnReplicaKeyProps
    {
        PrimaryKeyArn = primary.AttrArn,
        KeyPolicy = new PolicyDocument(new PolicyDocumentProps
        {
            Statements = new[]
            {
                new PolicyStatement(new PolicyStatementProps
                {
                    Principals = new IPrincipal[] { new AccountRootPrincipal() },
                    Actions = new[] { "kms:*" },
                    Resources = new[] { "*" },
                }),
            },
        }),
    });
}
