using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmsAnalyzers.Rules;
using KmsAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KmsAnalyzers.Tests.Rules;

/// <summary>
/// Where no file of a compilation says what an analyzer's rules look for, the analyzer registers nothing per type, so
/// the driver dispatches nothing to it (issue 16: "a rule whose subject is absent costs next to nothing"). Told by the
/// driver's own count of the symbol start actions registered; the rule tests show what is reported where it is present.
/// </summary>
public sealed class SubjectAbsentTests
{
    // Ordinary code: strings, a date, a dash in an interpolation, calls. It names neither KMS nor a key.
    private const string Plain = """
        using System.Collections.Generic;
        class Orders
        {
            string Name(int id, System.DateTime day) => $"order {id} of {day.Year:D4}-{day.Month:D2}";
            List<string> All() => new() { "open", "paid" };
        }
        """;

    public static TheoryData<string, string> Subjects => new()
    {
        { nameof(KmsStringAnalyzer), """class Keys { const string Orders = "arn:aws:kms:eu-west-1:210987654321:alias/orders"; }""" },
        { nameof(KmsCodeAnalyzer), """using Amazon.KeyManagementService; class Crypto { IAmazonKeyManagementService Client => null; }""" },
        { nameof(CdkKeyPolicyAnalyzer), """using Amazon.CDK.AWS.KMS; class Stack { }""" },
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public async Task Registers_nothing_per_type_where_no_file_names_its_subject(string analyzerName, string subject)
    {
        Assert.Equal(0, await SymbolStartActionsAsync(analyzerName, Plain));
        Assert.Equal(1, await SymbolStartActionsAsync(analyzerName, Plain, subject));
    }

    private static async Task<int> SymbolStartActionsAsync(string analyzerName, params string[] sources)
    {
        DiagnosticAnalyzer analyzer = analyzerName switch
        {
            nameof(KmsStringAnalyzer) => new KmsStringAnalyzer(),
            nameof(KmsCodeAnalyzer) => new KmsCodeAnalyzer(),
            _ => new CdkKeyPolicyAnalyzer(),
        };
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"/0/Test{i}.cs"));
        var compilation = CSharpCompilation.Create(
            "App", trees, (await AnalyzerRunner.GetReferencesAsync()).Add(CdkStubs.Reference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer));
        _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).SymbolStartActionsCount;
    }
}
