using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KmsAnalyzers.Options;

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
    private JsonValue(JsonKind kind, int position, string? text, List<KeyValuePair<string, JsonValue>>? members, List<JsonValue>? items)
    {
        Kind = kind;
        Position = position;
        Text = text;
        Members = members;
        Items = items;
    }

    public JsonKind Kind { get; }
    public int Position { get; }

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

    internal static JsonValue Scalar(JsonKind kind, int position, string? text = null) => new(kind, position, text, null, null);
    internal static JsonValue Object(int position, List<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, position, null, members, null);
    internal static JsonValue Array(int position, List<JsonValue> items) => new(JsonKind.Array, position, null, null, items);
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
/// A small strict JSON (RFC 8259) reader. An analyzer cannot ship a JSON library, and the alias map is read once
/// per file text, so simplicity beats speed here. No comments, no trailing commas, bounded nesting.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _pos;

    private JsonReader(string text) => _text = text;

    public static JsonValue Parse(string text)
    {
        var reader = new JsonReader(text);
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
            case '"': return JsonValue.Scalar(JsonKind.String, start, ReadString());
            case 't': ReadWord("true"); return JsonValue.Scalar(JsonKind.True, start);
            case 'f': ReadWord("false"); return JsonValue.Scalar(JsonKind.False, start);
            case 'n': ReadWord("null"); return JsonValue.Scalar(JsonKind.Null, start);
            default:
                if (_text[_pos] == '-' || (_text[_pos] >= '0' && _text[_pos] <= '9'))
                    return JsonValue.Scalar(JsonKind.Number, start, ReadNumber());
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
            return JsonValue.Object(start, members);
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
                continue;
            }

            Expect('}');
            return JsonValue.Object(start, members);
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
            return JsonValue.Array(start, items);
        }

        while (true)
        {
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }

            Expect(']');
            return JsonValue.Array(start, items);
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

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n')
            _pos++;
    }
}
