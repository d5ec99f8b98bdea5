using System.Linq;
using System.Threading;
using KmsAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KmsAnalyzers.Tests.Flow;

/// <summary>
/// Which files the string rules visit (<see cref="KeyPieceScope"/>): a file with a marker of a key identifier, or one that
/// names a constant that may hold a piece of one. The rule tests show what is reported; these show what is searched for.
/// </summary>
public sealed class KeyPieceScopeTests
{
    private const string Keys = """
        public static class Keys
        {
            public const string ArnPrefix = "arn:aws:kms:eu-west-1:210987654321:key/";
            public const string OrdersKeyId = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
            public const string OrdersKeyArn = ArnPrefix + OrdersKeyId;
            public const string AuditKeyArn = $"{ArnPrefix}{OrdersKeyId}";
            public const string AnyKey = ArnPrefix + "*";
        }

        public static class Arns
        {
            public const string Orders = Keys.ArnPrefix + Keys.OrdersKeyId;
        }
        """;

    [Theory]
    [InlineData("class S { string A() => Keys.ArnPrefix + id; string id = null; }", true)] // a prefix: text after it makes a key ARN
    [InlineData("class S { string A() => Keys.AnyKey.Replace(\"*\", id); string id = null; }", true)] // composed, but not a whole key identifier
    [InlineData("class S { string A() => Keys.OrdersKeyId; }", false)] // a whole key id, reported at the constant
    [InlineData("class S { string A() => Keys.OrdersKeyArn + \"/x\"; }", false)] // composed of constants, its value a whole key ARN
    [InlineData("class S { string A() => $\"{Keys.AuditKeyArn}\"; }", false)]
    [InlineData("class S { string A() => Arns.Orders; }", true)] // composed of another type's constants: not folded, it stays
    [InlineData("class S { string A() => Keys.Unknown; }", false)] // while typing: a name no constant has
    [InlineData("class S { string A() => \"0b1c2d3e\" + \"-\" + tail; string tail = null; }", true)] // a literal dash: a key id split at its dashes
    [InlineData("class S { string A() => \"0b1c2d3e4f50\"; }", false)] // hex digits alone are not looked for in a file's text
    public void Visits_a_file_that_may_hold_or_name_a_piece_of_a_key_identifier(string service, bool expected)
    {
        var compilation = Compile(Keys, service);
        var scope = new KeyPieceScope(compilation, CancellationToken.None);
        Assert.True(scope.MayHoldKeyIdentifiers(compilation.SyntaxTrees.First()));
        Assert.Equal(expected, scope.MayHoldKeyIdentifiers(compilation.SyntaxTrees.Last()));
    }

    [Fact]
    public void Finds_a_dash_alone_in_a_file_of_its_own_and_the_files_that_name_it()
    {
        var compilation = Compile(
            """static class Parts { public const string Head = "0b1c2d3e"; public const string Tail = "4f50"; }""",
            """static class Separators { public const string Dash = "-"; }""",
            """class S { string A() => Parts.Head + Separators.Dash + Parts.Tail; }""",
            """class T { string A() => Parts.Head + Parts.Tail; }""");
        var scope = new KeyPieceScope(compilation, CancellationToken.None);
        Assert.Equal([false, true, true, false], compilation.SyntaxTrees.Select(scope.MayHoldKeyIdentifiers));
    }

    [Fact]
    public void Ends_on_constants_defined_by_each_other_while_typing()
    {
        // A cycle is a compiler error (CS0110), met while the code is typed: the fold is bounded.
        var compilation = Compile(
            """static class Keys { const string A = "arn:aws:kms:" + B; const string B = A + "x"; public const string C = A; }""",
            """class S { string M() => Keys.C; }""");
        var scope = new KeyPieceScope(compilation, CancellationToken.None);
        Assert.Equal([true, true], compilation.SyntaxTrees.Select(scope.MayHoldKeyIdentifiers));
    }

    [Fact]
    public void Reads_a_constant_of_thousands_of_terms_without_recursion()
    {
        // Folded term by term from a stack and given up past the length of any key identifier: neither a deep recursion
        // nor a value built anew at each of its terms.
        var terms = string.Join(" + ", Enumerable.Repeat("\"0b1c2d3e-\"", 50_000));
        var compilation = Compile(
            $$"""static class Keys { public const string Long = {{terms}}; }""",
            """class S { string M() => Keys.Long; }""");
        var scope = new KeyPieceScope(compilation, CancellationToken.None);
        Assert.Equal([true, true], compilation.SyntaxTrees.Select(scope.MayHoldKeyIdentifiers));
    }

    private static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "Scope",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"File{i}.cs")),
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
