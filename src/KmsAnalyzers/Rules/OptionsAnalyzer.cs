using System.Collections.Concurrent;
using System.Collections.Immutable;
using KmsAnalyzers.Options;
using KmsAnalyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmsAnalyzers.Rules;

/// <summary>
/// KMS0101: an option value KmsAnalyzers cannot use. Options may differ per folder, so every tree's options are
/// checked; each distinct (key, value) is reported once per compilation. The rules then use the default.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptionsAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] BooleanKeys = { KmsOptions.ReportDocumentationAccounts };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidOption);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            var reported = new ConcurrentDictionary<string, bool>();
            // The files of a project share a handful of option sets (one per combination of .editorconfig sections
            // that apply): each set is read once, not once per file.
            var read = new ConcurrentDictionary<AnalyzerConfigOptions, bool>();
            var provider = start.Options.AnalyzerConfigOptionsProvider;
            start.RegisterSyntaxTreeAction(tree =>
            {
                var options = provider.GetOptions(tree.Tree);
                if (!read.TryAdd(options, true))
                    return;
                foreach (var key in BooleanKeys)
                {
                    KmsOptions.ReadBool(options, key, defaultValue: false, out var invalid);
                    if (invalid is not null)
                        Report(tree, reported, key, invalid, "true or false");
                }

                KmsOptions.ReadDeriveAliasNames(options, out var invalidMode);
                if (invalidMode is not null)
                    Report(tree, reported, KmsOptions.DeriveAliasNames, invalidMode, KmsOptions.DeriveAliasNamesValues);

                // A misspelled key would silently do nothing: name it.
                foreach (var key in KeysOf(options))
                {
                    if (key.StartsWith(KmsOptions.Prefix, System.StringComparison.OrdinalIgnoreCase) && !KmsOptions.IsKnown(key) && options.TryGetValue(key, out var value))
                        Report(tree, reported, key, value, "a known option: " + KmsOptions.KnownList);
                }

                HomeRegionsOption.Parse(HomeRegionsOption.Raw(options), out var invalidRegions);
                foreach (var region in invalidRegions ?? new System.Collections.Generic.List<string>())
                    Report(tree, reported, options.TryGetValue(HomeRegionsOption.RuleKey, out _) ? HomeRegionsOption.RuleKey : KmsOptions.HomeRegions, region,
                        "comma-separated AWS Region codes such as 'us-east-1,eu-west-1'");
            });
        });
    }

    // AnalyzerConfigOptions.Keys is virtual and throws in hosts that only implement TryGetValue: then skip the check.
    private static System.Collections.Generic.IEnumerable<string> KeysOf(AnalyzerConfigOptions options)
    {
        try
        {
            return options.Keys;
        }
        catch (System.NotImplementedException)
        {
            return System.Array.Empty<string>();
        }
    }

    private static void Report(SyntaxTreeAnalysisContext context, ConcurrentDictionary<string, bool> reported, string key, string value, string expected)
    {
        if (reported.TryAdd(key + "=" + value, true))
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, key, value, expected));
    }
}
