using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Constructs;
using KeyInfrastructure.Policies;

namespace KeyInfrastructure.Stacks;

/// <summary>The payments key's primary, in its own stack; Program.cs hands <see cref="Key"/> to the replica stack.</summary>
internal sealed class PaymentsKeyStack : Stack
{
    public PaymentsKeyStack(Construct scope, string id, IStackProps props)
        : base(scope, id, props)
    {
        Key = new CfnKey(this, "PaymentsKey", new CfnKeyProps
        {
            Description = "Payments (multi-Region primary)",
            MultiRegion = true,
            KeyPolicy = KeyPolicies.Payments(),
        });
    }

    public CfnKey Key { get; }
}
