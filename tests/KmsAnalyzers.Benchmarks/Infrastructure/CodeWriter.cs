using System.Text;

namespace KmsAnalyzers.Benchmarks.Infrastructure;

/// <summary>Writes indented C# lines and counts them.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public int Lines { get; private set; }

    public void Line(string line = "")
    {
        if (line.Length > 0)
            _text.Append(' ', _indent * 4);
        _text.Append(line).Append('\n');
        Lines++;
    }

    /// <summary>A line written as is, without indentation (raw string content that carries its own).</summary>
    public void Verbatim(string line)
    {
        _text.Append(line).Append('\n');
        Lines++;
    }

    public string Pad => new(' ', _indent * 4);

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    public override string ToString() => _text.ToString();
}
