using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>An AdditionalFile held in memory; <c>null</c> text stands for a file the host cannot read.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText? _text;

    public InMemoryAdditionalText(string path, string? text)
    {
        Path = path;
        _text = text is null ? null : SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// Analyzer options without an .editorconfig parser in between: any key and any value (empty, huge, control
/// characters, lone surrogates), globally or per syntax tree path.
/// </summary>
internal sealed class InMemoryOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;
    private readonly Func<string, IReadOnlyDictionary<string, string>?> _perTree;

    public InMemoryOptionsProvider(IReadOnlyDictionary<string, string> global, Func<string, IReadOnlyDictionary<string, string>?>? perTree = null)
    {
        _global = new Options(global);
        _perTree = perTree ?? (_ => null);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
        _perTree(tree.FilePath) is { } values ? new Options(values) : _global;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public Options(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null;
            return false;
        }

        public override IEnumerable<string> Keys => _values.Keys;
    }

    public static AnalyzerOptions Create(IEnumerable<AdditionalText> files, InMemoryOptionsProvider provider) =>
        new(files.ToImmutableArray(), provider);
}
