using System.Collections.Immutable;
using System.IO;
using KmsAnalyzers.Options;
using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Rules;

/// <summary>KMS0100: a <c>kms-aliases*.json</c> AdditionalFile that cannot be read, reported at the offending position.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AliasMapAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidAliasMap);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterAdditionalFileAction(static file =>
            {
                var path = file.AdditionalFile.Path;
                if (!AliasMapFile.IsAliasMapPath(path))
                    return;
                var text = file.AdditionalFile.GetText(file.CancellationToken);
                if (text is null)
                {
                    file.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidAliasMap, Location.None, Path.GetFileName(path), "the file cannot be read"));
                    return;
                }

                foreach (var problem in AliasMapFile.Get(text).Problems)
                {
                    var span = new TextSpan(System.Math.Min(problem.Position, text.Length), 0);
                    var location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                    file.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidAliasMap, location, Path.GetFileName(path), problem.Message));
                }
            });
    }
}
