using System;
using System.Globalization;
using System.Linq;
using System.Text;
using KmsAnalyzers.Options;
using Xunit;

namespace KmsAnalyzers.Tests.Options;

/// <summary>The strict JSON reader behind the alias map: what it accepts, and the message and offset of what it rejects.</summary>
public sealed class JsonReaderTests
{
    [Theory]
    // Structure and whitespace
    [InlineData("{}", "{}")]
    [InlineData("[]", "[]")]
    [InlineData("{ }", "{}")]
    [InlineData("[ \t\r\n]", "[]")]
    [InlineData(" \t\r\n{ \"a\" : [ 1 , 2 ] }\r\n ", "{\"a\":[1,2]}")]
    [InlineData("{\"a\":{\"b\":{\"c\":[[],[{}],[[1]]]}},\"d\":[]}", "{\"a\":{\"b\":{\"c\":[[],[{}],[[1]]]}},\"d\":[]}")]
    [InlineData("[{\"a\":1},{\"a\":2}]", "[{\"a\":1},{\"a\":2}]")]
    [InlineData("{\"a\":1,\"a\":2}", "{\"a\":1,\"a\":2}")]
    [InlineData("{\"\":\"\"}", "{\"\":\"\"}")]
    // Scalars at the top level (RFC 8259 allows any value)
    [InlineData("\"x\"", "\"x\"")]
    [InlineData("42", "42")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("[true,false,null]", "[true,false,null]")]
    [InlineData(" null ", "null")]
    // Escapes
    [InlineData("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0022\\u005C/\\u0008\\u000C\\u000A\\u000D\\u0009\"")]
    [InlineData("\"\\u0041\\u00e9\\u00E9\"", "\"A\\u00E9\\u00E9\"")]
    [InlineData("\"\\uD83D\\uDE00\"", "\"\\uD83D\\uDE00\"")]
    [InlineData("\"\\u0000\"", "\"\\u0000\"")]
    [InlineData("\"\\uFFFF\"", "\"\\uFFFF\"")]
    [InlineData("\"caf\u00e9 \u65e5\u672c\"", "\"caf\\u00E9 \\u65E5\\u672C\"")]
    [InlineData("\"\u007f\"", "\"\\u007F\"")]
    [InlineData("\"a/b\"", "\"a/b\"")]
    [InlineData("{\"k\\u0065y\":1}", "{\"key\":1}")]
    // Numbers keep their literal text
    [InlineData("0", "0")]
    [InlineData("-0", "-0")]
    [InlineData("7", "7")]
    [InlineData("-12", "-12")]
    [InlineData("12.5", "12.5")]
    [InlineData("0.001", "0.001")]
    [InlineData("1e2", "1e2")]
    [InlineData("1E2", "1E2")]
    [InlineData("1e+2", "1e+2")]
    [InlineData("-1.25e-10", "-1.25e-10")]
    [InlineData("-0.5E05", "-0.5E05")]
    [InlineData("1521565045.512", "1521565045.512")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("[0,-0,1.0e0]", "[0,-0,1.0e0]")]
    // Byte order mark
    [InlineData("\uFEFF{}", "{}")]
    [InlineData("\uFEFF \n[1]\n", "[1]")]
    [InlineData(" \uFEFF[1]", "[1]")]
    public void Reads_valid_document(string json, string expected) =>
        Assert.Equal(expected, Dump(JsonReader.Parse(json)));

    [Theory]
    // Empty input
    [InlineData("", "unexpected end of file, expected a value", 0)]
    [InlineData("  \r\n", "unexpected end of file, expected a value", 4)]
    [InlineData("\uFEFF", "unexpected end of file, expected a value", 1)]
    // Trailing and doubled commas
    [InlineData("{\"a\":1,}", "expected a property name in double quotes", 7)]
    [InlineData("{\"a\":1, }", "expected a property name in double quotes", 8)]
    [InlineData("[1,]", "unexpected character ']', expected a value", 3)]
    [InlineData("[1,\n]", "unexpected character ']', expected a value", 4)]
    [InlineData("[1,,2]", "unexpected character ',', expected a value", 3)]
    [InlineData("[,]", "unexpected character ',', expected a value", 1)]
    [InlineData("{,}", "expected a property name in double quotes", 1)]
    // Comments
    [InlineData("// aliases\n{}", "unexpected character '/', expected a value", 0)]
    [InlineData("{\"a\":1 /* c */}", "expected '}' but found '/'", 7)]
    [InlineData("[1, # c\n2]", "unexpected character '#', expected a value", 4)]
    [InlineData("[1] // c", "unexpected text after the JSON value", 4)]
    // Quotes and names
    [InlineData("{'a':1}", "expected a property name in double quotes", 1)]
    [InlineData("['a']", "unexpected character ''', expected a value", 1)]
    [InlineData("{a:1}", "expected a property name in double quotes", 1)]
    [InlineData("{1:2}", "expected a property name in double quotes", 1)]
    [InlineData("{\"a\":'b'}", "unexpected character ''', expected a value", 5)]
    // Unterminated strings
    [InlineData("\"abc", "unterminated string", 4)]
    [InlineData("[\"abc]", "unterminated string", 6)]
    [InlineData("\"abc\\", "unterminated string", 5)]
    [InlineData("{\"abc", "unterminated string", 5)]
    [InlineData("\"", "unterminated string", 1)]
    // Escapes
    [InlineData("\"\\x\"", "invalid escape '\\x'", 1)]
    [InlineData("\"ab\\'\"", "invalid escape '\\''", 3)]
    [InlineData("\"\\U0041\"", "invalid escape '\\U'", 1)]
    [InlineData("\"\\0\"", "invalid escape '\\0'", 1)]
    [InlineData("\"\\u12G4\"", "invalid \\u escape", 1)]
    [InlineData("\"\\u12\"", "invalid \\u escape", 1)]
    [InlineData("\"\\u\"", "invalid \\u escape", 1)]
    [InlineData("\"\\u+123\"", "invalid \\u escape", 1)]
    [InlineData("\"\\u-123\"", "invalid \\u escape", 1)]
    [InlineData("\"\\u 123\"", "invalid \\u escape", 1)]
    [InlineData("\"x\\u004", "invalid \\u escape", 2)]
    // Control characters in strings
    [InlineData("\"a\tb\"", "control character in string", 2)]
    [InlineData("\"a\nb\"", "control character in string", 2)]
    [InlineData("{\"a\rb\":1}", "control character in string", 3)]
    [InlineData("\"\u0000\"", "control character in string", 1)]
    [InlineData("\"\u001f\"", "control character in string", 1)]
    // Missing colon or comma, unclosed containers
    [InlineData("{\"a\" 1}", "expected ':' but found '1'", 5)]
    [InlineData("{\"a\"}", "expected ':' but found '}'", 4)]
    [InlineData("{\"a\":1,\"b\"}", "expected ':' but found '}'", 10)]
    [InlineData("{\"a\"", "expected ':' but found end of file", 4)]
    [InlineData("{\"a\"=1}", "expected ':' but found '='", 4)]
    [InlineData("[1 2]", "expected ']' but found '2'", 3)]
    [InlineData("{\"a\":1 \"b\":2}", "expected '}' but found '\"'", 7)]
    [InlineData("[{} {}]", "expected ']' but found '{'", 4)]
    [InlineData("[1;2]", "expected ']' but found ';'", 2)]
    [InlineData("[1", "expected ']' but found end of file", 2)]
    [InlineData("{\"a\":1", "expected '}' but found end of file", 6)]
    [InlineData("{", "expected a property name in double quotes", 1)]
    [InlineData("[", "unexpected end of file, expected a value", 1)]
    [InlineData("{\"a\":}", "unexpected character '}', expected a value", 5)]
    [InlineData("{\"a\":", "unexpected end of file, expected a value", 5)]
    [InlineData("]", "unexpected character ']', expected a value", 0)]
    [InlineData("[}", "unexpected character '}', expected a value", 1)]
    [InlineData("{]", "expected a property name in double quotes", 1)]
    // Text after the value
    [InlineData("{} x", "unexpected text after the JSON value", 3)]
    [InlineData("{}}", "unexpected text after the JSON value", 2)]
    [InlineData("[] []", "unexpected text after the JSON value", 3)]
    [InlineData("{},", "unexpected text after the JSON value", 2)]
    [InlineData("1 2", "unexpected text after the JSON value", 2)]
    [InlineData("\"a\"\"b\"", "unexpected text after the JSON value", 3)]
    [InlineData("{}\uFEFF", "unexpected text after the JSON value", 2)]
    [InlineData("{}\0", "unexpected text after the JSON value", 2)]
    // Numbers: leading zeros, missing digits, non-JSON forms
    [InlineData("01", "unexpected text after the JSON value", 1)]
    [InlineData("00", "unexpected text after the JSON value", 1)]
    [InlineData("-01", "unexpected text after the JSON value", 2)]
    [InlineData("[01]", "expected ']' but found '1'", 2)]
    [InlineData("{\"a\":007}", "expected '}' but found '0'", 6)]
    [InlineData("0x10", "unexpected text after the JSON value", 1)]
    [InlineData("-", "invalid number", 0)]
    [InlineData("[-]", "invalid number", 1)]
    [InlineData("-a", "invalid number", 0)]
    [InlineData("- 1", "invalid number", 0)]
    [InlineData("1.", "invalid number", 0)]
    [InlineData("[1.e5]", "invalid number", 1)]
    [InlineData("1e", "invalid number", 0)]
    [InlineData("1e+", "invalid number", 0)]
    [InlineData("[2E-]", "invalid number", 1)]
    [InlineData(".5", "unexpected character '.', expected a value", 0)]
    [InlineData("+1", "unexpected character '+', expected a value", 0)]
    [InlineData("1.5.2", "unexpected text after the JSON value", 3)]
    [InlineData("NaN", "unexpected character 'N', expected a value", 0)]
    [InlineData("[-Infinity]", "invalid number", 1)]
    [InlineData("Infinity", "unexpected character 'I', expected a value", 0)]
    // Literals
    [InlineData("tru", "unexpected word, expected 'true'", 0)]
    [InlineData("[fals]", "unexpected word, expected 'false'", 1)]
    [InlineData("nul", "unexpected word, expected 'null'", 0)]
    [InlineData("nan", "unexpected word, expected 'null'", 0)]
    [InlineData("True", "unexpected character 'T', expected a value", 0)]
    [InlineData("NULL", "unexpected character 'N', expected a value", 0)]
    [InlineData("undefined", "unexpected character 'u', expected a value", 0)]
    [InlineData("[truex]", "expected ']' but found 'x'", 5)]
    [InlineData("nullnull", "unexpected text after the JSON value", 4)]
    // Characters that are not JSON whitespace, and a second byte order mark
    [InlineData("\f{}", "unexpected character '\f', expected a value", 0)]
    [InlineData("\u00a0{}", "unexpected character '\u00a0', expected a value", 0)]
    [InlineData("[1,\u2028 2]", "unexpected character '\u2028', expected a value", 3)]
    [InlineData("\uFEFF\uFEFF{}", "unexpected character '\uFEFF', expected a value", 1)]
    public void Rejects_malformed_document_with_message_and_offset(string json, string message, int position)
    {
        var exception = Assert.Throws<JsonException>(() => JsonReader.Parse(json));
        Assert.Equal(message, exception.Message);
        Assert.Equal(position, exception.Position);
    }

    [Theory]
    // Comments wherever whitespace may stand, as the .NET configuration reader (System.Text.Json, CommentHandling.Skip) allows
    [InlineData("// settings\n{}", "{}")]
    [InlineData("/* settings */{}", "{}")]
    [InlineData("{} // end", "{}")]
    [InlineData("{}/* end */", "{}")]
    [InlineData("{}\r\n// end\r\n", "{}")]
    [InlineData("{ /* a */ \"a\" /* b */ : /* c */ 1 /* d */ }", "{\"a\":1}")]
    [InlineData("{\"a\": // why\n \"x\" }", "{\"a\":\"x\"}")]
    [InlineData("{\"a\": 1, // why\r\"b\": 2 }", "{\"a\":1,\"b\":2}")]
    [InlineData("[1, // one\n 2 /* two */, 3]", "[1,2,3]")]
    [InlineData("{ /* multi\n line\n */ }", "{}")]
    [InlineData("{ /**/ }", "{}")]
    [InlineData("{ /* // */ }", "{}")]
    [InlineData("{ // /* \n }", "{}")]
    [InlineData("{\"url\": \"http://x/*y*/\"}", "{\"url\":\"http://x/*y*/\"}")]
    [InlineData("\uFEFF// c\n{}", "{}")]
    // One trailing comma
    [InlineData("{\"a\":1,}", "{\"a\":1}")]
    [InlineData("{\"a\":1 , \n}", "{\"a\":1}")]
    [InlineData("[1,]", "[1]")]
    [InlineData("[1, // last\n]", "[1]")]
    [InlineData("{\"a\":[{\"b\":true,},],}", "{\"a\":[{\"b\":true}]}")]
    // Everything strict JSON has
    [InlineData("{\"a\":[1,\"s\",null,false,{}]}", "{\"a\":[1,\"s\",null,false,{}]}")]
    public void Configuration_syntax_reads_comments_and_trailing_commas(string json, string expected)
    {
        Assert.Equal(expected, Dump(JsonReader.Parse(json, JsonSyntax.Configuration)));
        Assert.True(JsonReader.TryParse(json, JsonSyntax.Configuration, out var value));
        Assert.Equal(expected, Dump(value!));
    }

    [Theory]
    // What System.Text.Json rejects even with comments and trailing commas allowed
    [InlineData("", "unexpected end of file, expected a value", 0)]
    [InlineData("// only a comment", "unexpected end of file, expected a value", 17)]
    [InlineData("/* open", "unterminated comment", 0)]
    [InlineData("{\"a\":1 /* open }", "unterminated comment", 7)]
    [InlineData("{} /*", "unterminated comment", 3)]
    [InlineData("{ / }", "expected a property name in double quotes", 2)]
    [InlineData("[1 / 2]", "expected ']' but found '/'", 3)]
    [InlineData("# c\n{}", "unexpected character '#', expected a value", 0)]
    [InlineData("[,]", "unexpected character ',', expected a value", 1)]
    [InlineData("{,}", "expected a property name in double quotes", 1)]
    [InlineData("[1,,]", "unexpected character ',', expected a value", 3)]
    [InlineData("[1,,2]", "unexpected character ',', expected a value", 3)]
    [InlineData("{\"a\":1,,}", "expected a property name in double quotes", 7)]
    [InlineData("{'a':1}", "expected a property name in double quotes", 1)]
    [InlineData("{a:1}", "expected a property name in double quotes", 1)]
    [InlineData("{} {}", "unexpected text after the JSON value", 3)]
    [InlineData("{},", "unexpected text after the JSON value", 2)]
    [InlineData("{\"a\":\"x\ny\"}", "control character in string", 7)]
    public void Configuration_syntax_rejects_what_the_configuration_reader_rejects(string json, string message, int position)
    {
        var exception = Assert.Throws<JsonException>(() => JsonReader.Parse(json, JsonSyntax.Configuration));
        Assert.Equal(message, exception.Message);
        Assert.Equal(position, exception.Position);
        Assert.False(JsonReader.TryParse(json, JsonSyntax.Configuration, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Every_prefix_of_a_settings_file_parses_or_fails_with_a_JsonException_only()
    {
        const string settings = "\uFEFF// app\n{\n  \"Kms\": { /* keys */ \"OrdersKeyArn\": \"arn:aws:kms:eu-west-1:210987654321:key/x\\u0041\", },\n  \"Ids\": [1, -2.5e3, true, null,],\n}\n";
        var parsed = 0;
        for (var length = 0; length <= settings.Length; length++)
        {
            if (JsonReader.TryParse(settings.Substring(0, length), JsonSyntax.Configuration, out _))
                parsed++;
            JsonReader.TryParse(settings.Substring(0, length), JsonSyntax.Strict, out _);
        }

        Assert.Equal(2, parsed); // the whole file, and the file without its last newline
    }

    [Fact]
    public void Values_carry_the_offset_where_they_end()
    {
        const string json = "{ \"a\" : \"x\\\"y\" , \"b\" : [ 12 , true ] , /* c */ \"c\" : { } , }";
        var root = JsonReader.Parse(json, JsonSyntax.Configuration);
        Assert.Equal(json.Length, root.End);
        var a = root["a"]!;
        Assert.Equal("\"x\\\"y\"", json.Substring(a.Position, a.End - a.Position));
        Assert.Equal("x\"y", a.Text);
        var b = root["b"]!;
        Assert.Equal("[ 12 , true ]", json.Substring(b.Position, b.End - b.Position));
        Assert.Equal(new[] { "12", "true" }, b.Items!.Select(i => json.Substring(i.Position, i.End - i.Position)));
        Assert.Equal("{ }", json.Substring(root["c"]!.Position, root["c"]!.End - root["c"]!.Position));
    }

    [Fact]
    public void Values_carry_the_offset_where_they_start()
    {
        var root = JsonReader.Parse("\uFEFF { \"a\" : [ 1 , \"s\" , { } , true ] , \"b\" : null }");
        Assert.Equal(2, root.Position);
        var a = root["a"]!;
        Assert.Equal(JsonKind.Array, a.Kind);
        Assert.Equal(10, a.Position);
        Assert.Equal(new[] { 12, 16, 22, 28 }, a.Items!.Select(i => i.Position));
        Assert.Equal(new[] { JsonKind.Number, JsonKind.String, JsonKind.Object, JsonKind.True }, a.Items!.Select(i => i.Kind));
        Assert.Equal(JsonKind.Null, root["b"]!.Kind);
        Assert.Equal(43, root["b"]!.Position);
    }

    [Fact]
    public void Member_lookup_is_ordinal_and_takes_the_first_of_duplicate_names()
    {
        var root = JsonReader.Parse("{\"Aliases\":1,\"aliases\":2,\"Aliases\":3}");
        Assert.Equal("1", root["Aliases"]!.Text);
        Assert.Equal("2", root["aliases"]!.Text);
        Assert.Null(root["ALIASES"]);
        Assert.Null(JsonReader.Parse("[]")["Aliases"]);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(1)]
    public void Accepts_nesting_up_to_the_limit(int depth)
    {
        var value = JsonReader.Parse(new string('[', depth) + new string(']', depth));
        for (var i = 1; i < depth; i++)
            value = Assert.Single(value.Items!);
        Assert.Empty(value.Items!);
    }

    [Theory]
    [InlineData(66)]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void Deep_arrays_throw_instead_of_overflowing_the_stack(int depth)
    {
        var exception = Assert.Throws<JsonException>(() => JsonReader.Parse(new string('[', depth) + new string(']', depth)));
        Assert.Equal("nesting deeper than 64 levels", exception.Message);
        Assert.Equal(65, exception.Position);
    }

    [Fact]
    public void Unclosed_deep_arrays_throw_the_nesting_error_first()
    {
        var exception = Assert.Throws<JsonException>(() => JsonReader.Parse(new string('[', 10_000)));
        Assert.Equal("nesting deeper than 64 levels", exception.Message);
        Assert.Equal(65, exception.Position);
    }

    [Fact]
    public void Deep_objects_throw_instead_of_overflowing_the_stack()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var exception = Assert.Throws<JsonException>(() => JsonReader.Parse(json));
        Assert.Equal("nesting deeper than 64 levels", exception.Message);
        Assert.Equal(65 * 5, exception.Position);
    }

    [Fact]
    public void A_scalar_inside_the_deepest_allowed_array_counts_as_one_level_more()
    {
        Assert.Equal("[[1]]", Dump(JsonReader.Parse("[[1]]")));
        JsonReader.Parse(new string('[', 64) + "1" + new string(']', 64));
        var exception = Assert.Throws<JsonException>(() => JsonReader.Parse(new string('[', 65) + "1" + new string(']', 65)));
        Assert.Equal("nesting deeper than 64 levels", exception.Message);
        Assert.Equal(65, exception.Position);
    }

    [Fact]
    public void Reads_a_long_string_and_a_wide_array()
    {
        var text = new string('x', 1_000_000);
        Assert.Equal(text, JsonReader.Parse("\"" + text + "\"").Text);

        var items = string.Join(",", Enumerable.Range(0, 100_000).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var array = JsonReader.Parse("[" + items + "]");
        Assert.Equal(100_000, array.Items!.Count);
        Assert.Equal("99999", array.Items[99_999].Text);
    }

    /// <summary>A compact, unambiguous rendering: strings escape everything but printable ASCII as \uXXXX.</summary>
    private static string Dump(JsonValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();

        static void Write(StringBuilder builder, JsonValue value)
        {
            switch (value.Kind)
            {
                case JsonKind.Object:
                    builder.Append('{');
                    for (var i = 0; i < value.Members!.Count; i++)
                    {
                        if (i > 0)
                            builder.Append(',');
                        WriteString(builder, value.Members[i].Key);
                        builder.Append(':');
                        Write(builder, value.Members[i].Value);
                    }

                    builder.Append('}');
                    break;
                case JsonKind.Array:
                    builder.Append('[');
                    for (var i = 0; i < value.Items!.Count; i++)
                    {
                        if (i > 0)
                            builder.Append(',');
                        Write(builder, value.Items[i]);
                    }

                    builder.Append(']');
                    break;
                case JsonKind.String:
                    WriteString(builder, value.Text!);
                    break;
                case JsonKind.Number:
                    builder.Append(value.Text);
                    break;
                case JsonKind.True:
                    builder.Append("true");
                    break;
                case JsonKind.False:
                    builder.Append("false");
                    break;
                case JsonKind.Null:
                    builder.Append("null");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(value));
            }
        }

        static void WriteString(StringBuilder builder, string text)
        {
            builder.Append('"');
            foreach (var c in text)
            {
                if (c >= ' ' && c < '\u007f' && c is not '"' and not '\\')
                    builder.Append(c);
                else
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }

            builder.Append('"');
        }
    }
}
