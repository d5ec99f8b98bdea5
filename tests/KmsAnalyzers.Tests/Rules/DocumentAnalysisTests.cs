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
/// What the IDE asks for as you type: the analyzer diagnostics of one document (<c>GetAnalyzerSemanticDiagnosticsAsync</c>
/// with that document's model), not of the compilation. The string rules (KMS0001) and the KMS call rules (KMS0003)
/// report at their type's symbol end, which the driver runs for a document's types, also for a partial type whose
/// other part is in another file.
/// </summary>
public sealed class DocumentAnalysisTests
{
    private const string Usings = "using System.IO;\nusing System.Threading.Tasks;\nusing Amazon;\nusing Amazon.KeyManagementService;\nusing Amazon.KeyManagementService.Model;\n";
    private const string Arn = "arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeDocumentAsync(int document, params string[] sources)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: "/0/File" + i + ".cs")).ToArray();
        var compilation = CSharpCompilation.Create("App", trees, await AnalyzerRunner.GetReferencesAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new KmsStringAnalyzer(), new KmsCodeAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(trees[document]), null, CancellationToken.None);
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static string Described(Diagnostic d) => d.Id + " " + d.Location.GetLineSpan().Path + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1);

    [Fact]
    public async Task Reports_a_literal_and_a_kms_call_of_the_analyzed_document()
    {
        var diagnostics = await AnalyzeDocumentAsync(0, Usings + $$"""
            class Worker
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{Arn}}" });
            }
            """);

        Assert.Equal(new[] { "KMS0003 /0/File0.cs:9", "KMS0001 /0/File0.cs:9" }, diagnostics.Select(Described).ToArray());
    }

    [Fact]
    public async Task Reports_in_the_analyzed_part_of_a_partial_type_whose_other_part_is_in_another_file()
    {
        var call = Usings + $$"""
            partial class Worker
            {
                Task Run(MemoryStream b) => _kms.DecryptAsync(new DecryptRequest { CiphertextBlob = b, KeyId = "{{Arn}}" });
            }
            """;
        var client = Usings + "partial class Worker { private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2); }";

        var diagnostics = await AnalyzeDocumentAsync(0, call, client);

        Assert.Equal(new[] { "KMS0003 /0/File0.cs:8", "KMS0001 /0/File0.cs:8" }, diagnostics.Select(Described).ToArray());
        Assert.Empty(await AnalyzeDocumentAsync(1, call, client));
    }
}
