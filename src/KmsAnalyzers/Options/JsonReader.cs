using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KmsAnalyzers.Options;

/// <summary>Which JSON the reader accepts.</summary>
internal enum JsonSyntax
{
    /// <summary>RFC 8259: no comments, no trailing commas (the alias map, as the AWS CLI prints it).</summary>
    Strict,

    /// <summary>
    /// What the .NET configuration JSON provider accepts (<c>appsettings*.json</c>): RFC 8259 plus <c>//</c> and
    /// <c>/* */</c> comments wherever whitespace may stand, and one trailing comma in an object or array
    /// (System.Text.Json with <c>CommentHandling.Skip</c> and <c>AllowTrailingCommas</c>).
    /// </summary>
    Configuration,
}

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A parsed JSON value with the offset where it starts, for messages that point into the file.</summary>
internal sealed class JsonValue
{
    private JsonValue(JsonKind kind, int position, int end, string? text, List<KeyValuePair<string, JsonValue>>? members, List<JsonValue>? items)
    {
        Kind = kind;
        Position = position;
        End = end;
        Text = text;
        Members = members;
        Items = items;
    }

    public JsonKind Kind { get; }
    public int Position { get; }

    /// <summary>The offset just after the value (after the closing quote of a string).</summary>
    public int End { get; }

    /// <summary>The value of a string, or the literal text of a number.</summary>
    public string? Text { get; }

    public List<KeyValuePair<string, JsonValue>>? Members { get; }
    public List<JsonValue>? Items { get; }

    public JsonValue? this[string name]
    {
        get
        {
            if (Members is null)
                return null;
            foreach (var member in Members)
            {
                if (member.Key == name)
                    return member.Value;
            }

            return null;
        }
    }

    internal static JsonValue Scalar(JsonKind kind, int position, int end, string? text = null) => new(kind, position, end, text, null, null);
    internal static JsonValue Object(int position, int end, List<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, position, end, null, members, null);
    internal static JsonValue Array(int position, int end, List<JsonValue> items) => new(JsonKind.Array, position, end, null, null, items);
}

/// <summary>Thrown by <see cref="JsonReader"/> for malformed input; carries the offset of the problem.</summary>
internal sealed class JsonException : System.Exception
{
    public JsonException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public int Position { get; }
}

/// <summary>
/// A small JSON reader: strict RFC 8259, or what the .NET configuration reader accepts (<see cref="JsonSyntax"/>).
/// An analyzer cannot ship a JSON library, and each file is read once per file text, so simplicity beats speed
/// here. Nesting is bounded; malformed input throws <see cref="JsonException"/> and nothing else.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private readonly bool _configuration;
    private int _pos;

    private JsonReader(string text, JsonSyntax syntax)
    {
        _text = text;
        _configuration = syntax == JsonSyntax.Configuration;
    }

    /// <summary>Reads <paramref name="text"/>, or returns <see langword="false"/> for malformed input; never throws.</summary>
    public static bool TryParse(string text, JsonSyntax syntax, out JsonValue? value)
    {
        try
        {
            value = Parse(text, syntax);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    public static JsonValue Parse(string text, JsonSyntax syntax = JsonSyntax.Strict)
    {
        var reader = new JsonReader(text, syntax);
        reader.SkipWhitespace();
        if (reader._pos < text.Length && text[reader._pos] == '\uFEFF')
            reader._pos++;
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._pos != text.Length)
            throw new JsonException("unexpected text after the JSON value", reader._pos);
        return value;
    }

    private JsonValue ReadValue(int depth)
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
            throw new JsonException("unexpected end of file, expected a value", _pos);
        if (depth > MaxDepth)
            throw new JsonException("nesting deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels", _pos);

        var start = _pos;
        switch (_text[_pos])
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"':
                var value = ReadString();
                return JsonValue.Scalar(JsonKind.String, start, _pos, value);
            case 't': ReadWord("true"); return JsonValue.Scalar(JsonKind.True, start, _pos);
            case 'f': ReadWord("false"); return JsonValue.Scalar(JsonKind.False, start, _pos);
            case 'n': ReadWord("null"); return JsonValue.Scalar(JsonKind.Null, start, _pos);
            default:
                if (_text[_pos] == '-' || (_text[_pos] >= '0' && _text[_pos] <= '9'))
                {
                    var number = ReadNumber();
                    return JsonValue.Scalar(JsonKind.Number, start, _pos, number);
                }

                throw new JsonException("unexpected character '" + _text[_pos] + "', expected a value", _pos);
        }
    }

    private JsonValue ReadObject(int depth)
    {
        var start = _pos++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return JsonValue.Object(start, _pos, members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
                throw new JsonException("expected a property name in double quotes", _pos);
            var name = ReadString();
            SkipWhitespace();
            Expect(':');
            members.Add(new KeyValuePair<string, JsonValue>(name, ReadValue(depth + 1)));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _pos++;
                SkipWhitespace();
                if (_configuration && Peek() == '}')
                {
                    _pos++; // one trailing comma
                    return JsonValue.Object(start, _pos, members);
                }

                continue;
            }

            Expect('}');
            return JsonValue.Object(start, _pos, members);
        }
    }

    private JsonValue ReadArray(int depth)
    {
        var start = _pos++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return JsonValue.Array(start, _pos, items);
        }

        while (true)
        {
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _pos++;
                SkipWhitespace();
                if (_configuration && Peek() == ']')
                {
                    _pos++; // one trailing comma
                    return JsonValue.Array(start, _pos, items);
                }

                continue;
            }

            Expect(']');
            return JsonValue.Array(start, _pos, items);
        }
    }

    private string ReadString()
    {
        _pos++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
                throw new JsonException("unterminated string", _pos);
            var c = _text[_pos++];
            if (c == '"')
                return builder.ToString();
            if (c < ' ')
                throw new JsonException("control character in string", _pos - 1);
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
                throw new JsonException("unterminated string", _pos);
            var escape = _text[_pos++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length ||
                        !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        throw new JsonException("invalid \\u escape", _pos - 2);
                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw new JsonException("invalid escape '\\" + escape + "'", _pos - 2);
            }
        }
    }

    private string ReadNumber()
    {
        var start = _pos;
        if (Peek() == '-')
            _pos++;
        if (Peek() == '0')
        {
            _pos++;
        }
        else if (!ReadDigits())
        {
            throw new JsonException("invalid number", start);
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!ReadDigits())
                throw new JsonException("invalid number", start);
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
                _pos++;
            if (!ReadDigits())
                throw new JsonException("invalid number", start);
        }

        return _text.Substring(start, _pos - start);
    }

    private bool ReadDigits()
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            _pos++;
        return _pos > start;
    }

    private void ReadWord(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            throw new JsonException("unexpected word, expected '" + word + "'", _pos);
        _pos += word.Length;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            var found = _pos < _text.Length ? "'" + _text[_pos] + "'" : "end of file";
            throw new JsonException("expected '" + c + "' but found " + found, _pos);
        }

        _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    /// <summary>Skips JSON whitespace and, in <see cref="JsonSyntax.Configuration"/>, comments.</summary>
    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _pos++;
            }
            else if (_configuration && c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                _pos += 2;
                while (_pos < _text.Length && _text[_pos] is not '\n' and not '\r')
                    _pos++;
            }
            else if (_configuration && c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var close = _text.IndexOf("*/", _pos + 2, System.StringComparison.Ordinal);
                if (close < 0)
                    throw new JsonException("unterminated comment", _pos);
                _pos = close + 2;
            }
            else
            {
                return;
            }
        }
    }
}
