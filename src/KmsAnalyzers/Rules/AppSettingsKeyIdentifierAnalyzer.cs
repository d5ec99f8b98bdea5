using System.Collections.Immutable;
using System.IO;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Options;
using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Rules;

/// <summary>
/// KMS0009: a key ARN or a multi-Region key id as a string value in an <c>appsettings*.json</c> AdditionalFile,
/// reported at the value in the JSON file. Moving the ARN out of code into configuration pins the deployment just
/// the same. A file the .NET configuration reader would reject is skipped: validating it is not our job.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsKeyIdentifierAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KeyIdentifierInAppSettings);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterAdditionalFileAction(static file =>
        {
            var path = file.AdditionalFile.Path;
            if (!AppSettingsFile.IsAppSettingsPath(path) || file.AdditionalFile.GetText(file.CancellationToken) is not { } text)
                return;
            var settings = AppSettingsFile.Get(text).Strings;
            if (settings.Count == 0)
                return;

            // Per file, so that an .editorconfig section for a folder of settings applies.
            var options = file.Options.AnalyzerConfigOptionsProvider.GetOptions(file.AdditionalFile);
            var reportDocumentation = KmsOptions.ReadBool(options, KmsOptions.ReportDocumentationAccounts, false, out _);
            string? fileName = null;
            foreach (var setting in settings)
            {
                var value = setting.Value.Text!;
                if (!KmsIdentifiers.MayContainKeyIdentifier(value) || Describe(value, reportDocumentation) is not { } finding)
                    continue;
                var span = TextSpan.FromBounds(setting.Value.Position, setting.Value.End);
                var location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                file.ReportDiagnostic(Diagnostic.Create(Descriptors.KeyIdentifierInAppSettings, location,
                    setting.Key, fileName ??= Path.GetFileName(path), finding));
            }
        });
    }

    /// <summary>
    /// What the message says the value holds: its first key ARN, else its first multi-Region key id (whole tokens), with
    /// the account masked; null when it holds neither, or only AWS documentation examples.
    /// </summary>
    private static string? Describe(string value, bool reportDocumentation)
    {
        string? multiRegionKeyId = null;
        var scanner = new KmsTokenScanner(value);
        while (scanner.TryNext(out var token))
        {
            switch (token.Kind)
            {
                case KmsIdentifierKind.KeyArn:
                    if (reportDocumentation || !token.IsDocumentationExample)
                    {
                        return "the KMS key ARN of key '" + token.Arn.ResourceId + "' in Region '" + token.Arn.Region +
                            "', account '" + token.Arn.MaskedAccount + "'";
                    }

                    break;
                case KmsIdentifierKind.MultiRegionKeyId:
                    if (multiRegionKeyId is null && (reportDocumentation || !token.IsDocumentationExample))
                        multiRegionKeyId = token.Text;
                    break;
            }
        }

        return multiRegionKeyId is null ? null : "the multi-Region KMS key ID '" + multiRegionKeyId + "'";
    }
}
