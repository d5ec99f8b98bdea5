using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.CodeFixes;
using KmsAnalyzers.Tests.Fixes;
using Xunit;
using static KmsAnalyzers.Tests.Infrastructure.TestKeys;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.HardcodedKeyIdentifierAnalyzer, KmsAnalyzers.CodeFixes.UseAliasCodeFixProvider>;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>
/// KMS0001 on default parameter values: reported once, where the default is written, never at a call that leaves the
/// argument out (the compiler's implicit argument carries the default's value and the call's location).
/// </summary>
public sealed class KMS0001DefaultValueTests
{
    [Fact]
    public Task Method_default_is_reported_at_the_default_not_at_calls_that_omit_it() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            static string Key(string keyArn = {|#0:"{{Arn}}"|}) => keyArn;
            string A() => Key();
            string B() => Key();
        }
        """, Kms0001(0));

    [Fact]
    public Task Constructor_default_is_reported_at_the_default_not_at_object_creations() => Verify.VerifyAnalyzerAsync($$"""
        class Encryptor
        {
            public Encryptor(string keyArn = {|#0:"{{Arn}}"|}) { }
            static Encryptor A() => new Encryptor();
            static Encryptor B() => new();
        }
        """, Kms0001(0));

    [Fact]
    public Task Record_primary_constructor_default_is_reported_at_the_default() => Verify.VerifyAnalyzerAsync($$"""
        record KeySettings(string KeyArn = {|#0:"{{Arn}}"|});
        class C
        {
            KeySettings A() => new KeySettings();
            KeySettings B() => new();
        }
        """, Kms0001(0));

    [Fact]
    public Task Class_primary_constructor_default_is_reported_at_the_default() => Verify.VerifyAnalyzerAsync($$"""
        class Encryptor(string keyArn = {|#0:"{{Arn}}"|})
        {
            public string Key => keyArn;
            static Encryptor A() => new();
        }
        """, Kms0001(0));

    [Fact]
    public Task Local_function_default_is_reported_at_the_default() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            string M()
            {
                return Key() + Key();
                static string Key(string keyArn = {|#0:"{{Arn}}"|}) => keyArn;
            }
        }
        """, Kms0001(0));

    [Fact]
    public Task Lambda_default_is_reported_at_the_default() => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            string M()
            {
                var key = (string keyArn = {|#0:"{{Arn}}"|}) => keyArn;
                return key() + key();
            }
        }
        """, Kms0001(0));

    [Fact]
    public Task Top_level_local_function_default_is_reported_at_the_default()
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                System.Console.WriteLine(Key());
                static string Key(string keyArn = {|#0:"{{Arn}}"|}) => keyArn;
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Kms0001(0));
        return test.RunAsync();
    }

    [Fact]
    public Task Delegate_and_indexer_defaults_are_reported_at_the_default() => Verify.VerifyAnalyzerAsync($$"""
        delegate string KeySource(string keyArn = {|#0:"{{Arn}}"|});
        class C
        {
            string this[int i, string keyArn = {|#1:"{{Arn}}"|}] => keyArn;
            string M(KeySource source) => source() + this[0];
        }
        """, Kms0001(0), Kms0001(1));

    [Fact]
    public Task The_fix_rewrites_the_default_where_it_is_written() => KMS0001UseAliasFixTests.Test($$"""
        class C
        {
            static string Key(string keyArn = /* prod */ {|#0:"{{Arn}}"|}) => keyArn;
            string A() => Key();
        }
        """, """
        class C
        {
            static string Key(string keyArn = /* prod */ "alias/orders") => keyArn;
            string A() => Key();
        }
        """, UseAliasCodeFixProvider.UseAliasKey, KMS0001UseAliasFixTests.Map, Kms0001(0)).RunAsync(CancellationToken.None);

    [Fact]
    public Task The_fix_rewrites_a_lambda_default() => KMS0001UseAliasFixTests.Test($$"""
        class C
        {
            string M()
            {
                var key = (string keyArn = {|#0:"{{Arn}}"|}) => keyArn;
                return key();
            }
        }
        """, """
        class C
        {
            string M()
            {
                var key = (string keyArn = "alias/orders") => keyArn;
                return key();
            }
        }
        """, UseAliasCodeFixProvider.UseAliasKey, KMS0001UseAliasFixTests.Map, Kms0001(0)).RunAsync(CancellationToken.None);

    [Fact]
    public Task No_alias_fix_when_the_default_reaches_a_grant_through_the_parameter() => KMS0001UseAliasFixTests.NoFix($$"""
        using Amazon.KeyManagementService.Model;
        record GrantSettings(string KeyArn = {|#0:"{{Arn}}"|})
        {
            public CreateGrantRequest Grant(string principal) => new() { KeyId = KeyArn, GranteePrincipal = principal };
        }
        class C
        {
            CreateGrantRequest Grant(string principal, string keyArn = {|#1:"{{Arn}}"|}) => new() { KeyId = keyArn, GranteePrincipal = principal };
            CreateGrantRequest M() => Grant("role");
        }
        """, Kms0001(0), Kms0001(1));

    [Fact]
    public Task Derived_alias_is_named_after_the_parameter_and_left_by_fix_all() => KMS0001UseAliasFixTests.Test($$"""
        class C
        {
            static string Key(string auditKeyArn = {|#0:"{{Arn}}"|}) => auditKeyArn;
        }
        """, """
        class C
        {
            static string Key(string auditKeyArn = "alias/audit") => auditKeyArn;
        }
        """, UseAliasCodeFixProvider.UseAliasKey, null, Kms0001(0)).FixAllLeavesIt().RunAsync(CancellationToken.None);
}
