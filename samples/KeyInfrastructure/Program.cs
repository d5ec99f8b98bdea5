using Amazon.CDK;
using KeyInfrastructure.Keys;

// KeyInfrastructure: the KMS keys of the order platform, defined once and deployed to two Regions.
//
//   cdk synth                        with the AWS CDK CLI (cdk.json runs this project)
//   CDK_OUTDIR=cdk.out dotnet run    without it (the CDK still needs Node.js)
//
// Ireland holds the primaries; us-east-1 holds their replicas. Account and Regions come from the deployment
// pipeline in production; they are written here so that `cdk synth` works without a profile.

var app = new App();

var primaryStack = new Stack(app, "KeysPrimary", new StackProps
{
    Env = new Amazon.CDK.Environment { Account = "210987654321", Region = "eu-west-1" },
});
var replicaStack = new Stack(app, "KeysReplica", new StackProps
{
    Env = new Amazon.CDK.Environment { Account = "210987654321", Region = "us-east-1" },
    CrossRegionReferences = true, // the replicas read their primaries' ARNs from the eu-west-1 stack
});

OrdersKeys.Define(primaryStack, replicaStack);
CustomerDataKeys.Define(primaryStack, replicaStack);

var audit = AuditKeys.Define(primaryStack);
Replicas.Add(replicaStack, "AuditKeyReplica", audit);

// The payments key has a stack of its own per Region; the replica stack gets the primary's ARN through its props.
var payments = new KeyInfrastructure.Stacks.PaymentsKeyStack(app, "PaymentsPrimary", new StackProps
{
    Env = new Amazon.CDK.Environment { Account = "210987654321", Region = "eu-west-1" },
});
new KeyInfrastructure.Stacks.PaymentsReplicaStack(app, "PaymentsReplica", new KeyInfrastructure.Stacks.PaymentsReplicaStackProps
{
    Env = new Amazon.CDK.Environment { Account = "210987654321", Region = "us-east-1" },
    CrossRegionReferences = true,
    PrimaryKeyArn = payments.Key.AttrArn,
});

app.Synth();
