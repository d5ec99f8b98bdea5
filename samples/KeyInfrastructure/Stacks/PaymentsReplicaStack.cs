using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Constructs;
using KeyInfrastructure.Policies;

namespace KeyInfrastructure.Stacks;

/// <summary>What the replica stack needs from the primary's: its ARN (a cross-Region reference).</summary>
internal sealed class PaymentsReplicaStackProps : StackProps
{
    public string PrimaryKeyArn { get; init; } = "";
}

/// <summary>The payments key's replica, in the us-east-1 stack.</summary>
internal sealed class PaymentsReplicaStack : Stack
{
    public PaymentsReplicaStack(Construct scope, string id, PaymentsReplicaStackProps props)
        : base(scope, id, props)
    {
        new CfnReplicaKey(this, "PaymentsKeyReplica", new CfnReplicaKeyProps
        {
            Description = "Payments (replica)",
            PrimaryKeyArn = props.PrimaryKeyArn,
            KeyPolicy = KeyPolicies.PaymentsReplica(),
        });
    }
}
