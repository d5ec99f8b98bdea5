using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = KmsAnalyzers.Tests.Infrastructure.Verifier<KmsAnalyzers.Tests.Infrastructure.CrossRegionDecryptAnalyzer, KmsAnalyzers.CodeFixes.CrossRegionDecryptCodeFixProvider>;

namespace KmsAnalyzers.Tests.Infrastructure;

/// <summary>
/// A small service app for KMS0003/KMS0008's call-site direction: <c>Program.cs</c> (registrations or constructor calls)
/// and <c>Services.cs</c> (the services that receive a client), with the DI setup stubs and optional settings files.
/// Without expected diagnostics the services' markup is dropped, so one services text serves positive and negative cases.
/// </summary>
internal static class ServiceAppTest
{
    private static readonly Regex Markup = new(@"\{\|#\d+:|\|\}", RegexOptions.CultureInvariant);

    public static Task Run(string usings, string services, string program, DiagnosticResult[] expected, params (string Name, string Text)[] settings)
    {
        var test = new Verify.Test();
        test.TestState.AdditionalReferences.Add(AwsSetupStubs.Reference);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Program.cs", usings + "using Payments;\n" + program));
        test.TestState.Sources.Add(("/0/Services.cs", expected.Length == 0 ? Markup.Replace(services, "") : services));
        foreach (var (name, text) in settings)
            test.TestState.AdditionalFiles.Add(("/0/" + name, text));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
