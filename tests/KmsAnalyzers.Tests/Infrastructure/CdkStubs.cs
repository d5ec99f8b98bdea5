using System;
using Microsoft.CodeAnalysis;

namespace KmsAnalyzers.Tests.Infrastructure;

/// <summary>
/// Compile-only stand-ins for the AWS CDK v2 types KMS0006/KMS0007 look at. Names, namespaces, constructor shapes
/// and property types mirror Amazon.CDK.Lib 2.103.0 and Constructs 10.0.5 (checked by reflection; the smoke tests
/// run against the real packages).
/// </summary>
internal static class CdkStubs
{
    public const string Source = """
        #nullable disable
        using System.Collections.Generic;

        namespace Constructs
        {
            public interface IConstruct { }
            public class Construct : IConstruct { public Construct(Construct scope, string id) { } }
        }

        namespace Amazon.CDK
        {
            public interface IStackProps { IEnvironment Env { get; } }
            public interface IEnvironment { string Account { get; } string Region { get; } }
            public class Environment : IEnvironment { public string Account { get; set; } public string Region { get; set; } }
            public class StackProps : IStackProps { public IEnvironment Env { get; set; } }
            public class App : Constructs.Construct { public App() : base(null, null) { } public object Synth() => null; }
            public class Stack : Constructs.Construct
            {
                public Stack(Constructs.Construct scope = null, string id = null, IStackProps props = null) : base(scope, id) { }
                public string Account => null;
                public string Region => null;
                public static Stack Of(Constructs.IConstruct construct) => null;
            }
            public class CfnResource : Constructs.Construct { public CfnResource(Constructs.Construct scope, string id) : base(scope, id) { } }
            public class Aws
            {
                public static string ACCOUNT_ID => "${Token[AWS.AccountId]}";
                public static string REGION => "${Token[AWS.Region]}";
                public static string PARTITION => "${Token[AWS.Partition]}";
            }
        }

        namespace Amazon.CDK.AWS.KMS
        {
            public interface ICfnKeyProps { object KeyPolicy { get; } object MultiRegion { get; } string Description { get; } }
            public class CfnKeyProps : ICfnKeyProps
            {
                public object KeyPolicy { get; set; }
                public object MultiRegion { get; set; }
                public string Description { get; set; }
                public object EnableKeyRotation { get; set; }
            }
            public class CfnKey : Amazon.CDK.CfnResource
            {
                public CfnKey(Constructs.Construct scope, string id, ICfnKeyProps props = null) : base(scope, id) { }
                public string AttrArn => null;
                public string AttrKeyId => null;
                public object KeyPolicy { get; set; }
                public object MultiRegion { get; set; }
            }
            public interface ICfnReplicaKeyProps { object KeyPolicy { get; } string PrimaryKeyArn { get; } }
            public class CfnReplicaKeyProps : ICfnReplicaKeyProps
            {
                public object KeyPolicy { get; set; }
                public string PrimaryKeyArn { get; set; }
                public string Description { get; set; }
            }
            public class CfnReplicaKey : Amazon.CDK.CfnResource
            {
                public CfnReplicaKey(Constructs.Construct scope, string id, ICfnReplicaKeyProps props) : base(scope, id) { }
                public string AttrArn => null;
                public string AttrKeyId => null;
                public object KeyPolicy { get; set; }
                public string PrimaryKeyArn { get; set; }
            }
        }

        namespace Amazon.CDK.AWS.IAM
        {
            public enum Effect { ALLOW, DENY }
            public interface IPrincipal { }
            public class ArnPrincipal : IPrincipal { public ArnPrincipal(string arn) { } }
            public class AccountRootPrincipal : IPrincipal { public AccountRootPrincipal() { } }
            public class ServicePrincipal : IPrincipal { public ServicePrincipal(string service, object opts = null) { } }
            public interface IPolicyStatementProps { string[] Actions { get; } string[] Resources { get; } IPrincipal[] Principals { get; } }
            public class PolicyStatementProps : IPolicyStatementProps
            {
                public string Sid { get; set; }
                public string[] Actions { get; set; }
                public string[] Resources { get; set; }
                public IPrincipal[] Principals { get; set; }
                public IDictionary<string, object> Conditions { get; set; }
                public Effect? Effect { get; set; }
            }
            public class PolicyStatement
            {
                public PolicyStatement(IPolicyStatementProps props = null) { }
                public void AddResources(params string[] arns) { }
                public void AddCondition(string key, object value) { }
            }
            public interface IPolicyDocumentProps { PolicyStatement[] Statements { get; } }
            public class PolicyDocumentProps : IPolicyDocumentProps { public PolicyStatement[] Statements { get; set; } }
            public class PolicyDocument
            {
                public PolicyDocument(IPolicyDocumentProps props = null) { }
                public void AddStatements(params PolicyStatement[] statements) { }
                public static PolicyDocument FromJson(object obj) => null;
            }
        }
        """;

    private static readonly Lazy<MetadataReference> LazyReference = new(() => StubCompiler.Compile("Amazon.CDK.Stubs", Source));

    public static MetadataReference Reference => LazyReference.Value;

    /// <summary>Compiles <paramref name="test"/> against these stubs.</summary>
    public static T With<T>(T test)
        where T : Microsoft.CodeAnalysis.Testing.AnalyzerTest<Microsoft.CodeAnalysis.Testing.DefaultVerifier>
    {
        test.TestState.AdditionalReferences.Add(Reference);
        return test;
    }
}
