using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KmsAnalyzers.Tests.Infrastructure;

/// <summary>
/// The shared test harness: .NET 8 reference assemblies, the AWS SDK stubs, C# preview language features, and
/// helpers for the alias map and options. Cases that expect a diagnostic go through the code-fix verifier, which
/// also checks Fix All.
/// </summary>
public static class Verifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyCodeFixAsync(
        [StringSyntax("C#-test")] string source, DiagnosticResult[] expected, [StringSyntax("C#-test")] string fixedSource,
        string? equivalenceKey = null, string? aliasMap = null)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        test.ExpectedDiagnostics.AddRange(expected);
        if (aliasMap is not null)
            test.WithAliasMap(aliasMap);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.AdditionalReferences.Add(AwsSdkStubs.Reference);
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Preview;

        public Test WithAliasMap(string json, string fileName = "kms-aliases.json")
        {
            TestState.AdditionalFiles.Add(("/" + fileName, json));
            return this;
        }

        public Test WithEditorConfig(string body)
        {
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + body + "\n"));
            return this;
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
    }
}
