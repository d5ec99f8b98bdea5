using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;
using static KmsAnalyzers.Tests.Robustness.RobustnessCorpus;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>
/// Issue item 2: inputs no one writes on purpose but every tool meets: huge literals, thousands of literals, deep
/// nesting, preprocessor directives, escapes, malformed text, and every near-miss shape of a key ARN. Each input is
/// analyzed with every analyzer and every fix offered is applied; nothing may throw, and only real identifiers are
/// reported. Speed and scaling are the benchmark's (tests/KmsAnalyzers.Benchmarks), never a time limit here.
/// </summary>
public sealed class PathologicalInputTests
{
    private const int FiveMegabytes = 5 * 1024 * 1024;
    private readonly ITestOutputHelper _output;

    public PathologicalInputTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Analyzes and applies every fix offered (for at most <paramref name="maxFixed"/> diagnostics, spread over the file).
    /// </summary>
    private async Task<Analysis> RunAsync(Tally tally, string name, string source, string? editorConfig = null, string[]? symbols = null, int maxFixed = 25)
    {
        var input = RobustInput.Single(name, source, AliasMap, editorConfig, preprocessorSymbols: symbols);
        var project = await Harness.CreateProjectAsync(input);
        var document = project.Documents.Single();
        tally.Input();
        var analysis = await Harness.AnalyzeAsync(project, tally, name);
        var diagnostics = analysis.Diagnostics;
        var step = Math.Max(1, (diagnostics.Length + maxFixed - 1) / Math.Max(1, maxFixed));
        for (var i = 0; i < diagnostics.Length && maxFixed > 0; i += step)
        {
            var one = analysis with { Diagnostics = ImmutableArray.Create(diagnostics[i]) };
            await Harness.RunEveryFixAsync(one, document, tally, name);
        }

        _output.WriteLine($"{name}: {diagnostics.Length} diagnostics");
        return analysis;
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static Diagnostic Single(Analysis analysis, string id)
    {
        var matching = analysis.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got: {string.Join("; ", analysis.Diagnostics.Select(Harness.Describe))}");
        return matching[0];
    }

    private static async Task<string> TextAt(Analysis analysis, Diagnostic diagnostic)
    {
        var text = await diagnostic.Location.SourceTree!.GetTextAsync();
        return text.ToString(diagnostic.Location.SourceSpan);
    }

    [Fact]
    public async Task Five_megabyte_string_literals_with_and_without_an_arn_at_the_end()
    {
        var tally = new Tally();
        var filler = new string('a', FiveMegabytes);

        var plain = await RunAsync(tally, "5 MB literal", $"class C {{ string V = \"{filler}\"; }}");
        Assert.Empty(plain.Diagnostics);

        var withArn = await RunAsync(tally, "5 MB literal, ARN at the end", $"class C {{ string OrdersKeyArn = \"{filler} {Arn}\"; }}");
        var diagnostic = Single(withArn, "KMS0001");
        Assert.StartsWith("\"aaaa", await TextAt(withArn, diagnostic), StringComparison.Ordinal);
        Assert.EndsWith(Arn + "\"", await TextAt(withArn, diagnostic), StringComparison.Ordinal);

        var glued = await RunAsync(tally, "5 MB literal, ARN glued to the filler", $"class C {{ string V = \"{filler}{Arn}\"; }}");
        Assert.Empty(glued.Diagnostics); // "aaaa…arn:aws:kms:…" is one token that is not an ARN

        var verbatim = await RunAsync(tally, "5 MB verbatim literal, MRK id at the end", $"class C {{ string V = @\"{filler}\n{Mrk}\"; }}");
        Single(verbatim, "KMS0002");

        var interpolated = await RunAsync(tally, "5 MB runtime interpolation, ARN at the end", $"class C {{ string M(int n) => $\"{{n}}{filler} {Arn}\"; }}");
        Single(interpolated, "KMS0001");

        var raw = await RunAsync(tally, "5 MB raw literal of 'arn:' and 'mrk-' fragments",
            "class C { string V = \"\"\"" + string.Concat(Enumerable.Repeat("arn: mrk- arn:aws:kms: xarn:", FiveMegabytes / 28)) + "\"\"\"; }");
        Assert.Empty(raw.Diagnostics);

        tally.Print(_output, "5 MB literals");
        tally.AssertClean();
    }

    [Theory]
    [InlineData(10)]
    [InlineData(300)]
    [InlineData(2_000)] // the alias fix used to be cubic in the number of ARNs: 2,000 took 68 s
    public async Task One_literal_holding_many_arns_is_reported_once_and_fixed(int count)
    {
        var tally = new Tally();
        var value = string.Join(" ", Enumerable.Repeat(Arn, count));
        var analysis = await RunAsync(tally, count + " ARNs in one literal", $"class C {{ const string OrdersKeyArn = {Literal(value)}; }}");
        Single(analysis, "KMS0001");
        tally.Print(_output, count + " ARNs in one literal");
        tally.AssertClean();
    }

    [Fact]
    public async Task Five_megabyte_literal_of_arns_is_reported_once_and_fixed_in_bounded_time()
    {
        // About 67,000 ARNs in one literal.
        var tally = new Tally();
        var value = string.Join(" ", Enumerable.Repeat(Arn, FiveMegabytes / (Arn.Length + 1)));
        var analysis = await RunAsync(tally, "5 MB literal of ARNs", $"class C {{ const string OrdersKeyArn = {Literal(value)}; }}");
        Single(analysis, "KMS0001");
        tally.Print(_output, "5 MB literal of ARNs");
        tally.AssertClean();
    }

    [Fact]
    public async Task Ten_thousand_literals_in_one_method()
    {
        var tally = new Tally();
        var body = new StringBuilder("class C\n{\n    void M()\n    {\n");
        for (var i = 0; i < 10_000; i++)
        {
            var value = (i % 100) switch
            {
                0 => Arn,
                50 => Mrk,
                _ => "value " + i,
            };
            body.Append("        var s").Append(i).Append(" = ").Append(Literal(value)).Append(";\n");
        }

        body.Append("    }\n}\n");
        var analysis = await RunAsync(tally, "10,000 literals in one method", body.ToString(), maxFixed: 10);
        Assert.Equal(100, analysis.Diagnostics.Count(d => d.Id == "KMS0001"));
        Assert.Equal(100, analysis.Diagnostics.Count(d => d.Id == "KMS0002"));
        tally.Print(_output, "10,000 literals");
        tally.AssertClean();
    }

    [Fact]
    public async Task Thousands_of_decrypt_calls_and_client_assignments_in_one_type()
    {
        var tally = new Tally();
        var body = new StringBuilder(Usings + "class Worker\n{\n    async Task M(MemoryStream blob)\n    {\n");
        body.Append("        var kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);\n");
        for (var i = 0; i < 2_000; i++)
        {
            body.Append("        kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);\n");
            body.Append("        await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = blob, KeyId = ").Append(Literal(Arn)).Append(" });\n");
        }

        body.Append("    }\n}\n");
        var analysis = await RunAsync(tally, "2,000 decrypts and 2,000 client assignments", body.ToString(), maxFixed: 5);
        Assert.Equal(2_000, analysis.Diagnostics.Count(d => d.Id == "KMS0003"));
        tally.Print(_output, "2,000 decrypts");
        tally.AssertClean();
    }

    [Fact]
    public async Task Deeply_nested_concatenations_and_interpolations()
    {
        var tally = new Tally();
        const int Depth = 2_000;

        // " " + (" " + (… + ("arn:…"))): the value is spaces and the ARN, reported once at the outermost expression.
        var nested = new StringBuilder();
        for (var i = 0; i < Depth; i++)
            nested.Append("\" \" + (");
        nested.Append(Literal(Arn)).Append(')', Depth);
        var parenthesized = await RunAsync(tally, "2,000 levels of \" \" + (", $"class C {{ const string OrdersKeyArn = {nested}; }}");
        AssertAtMostOneAtTheOutermost(parenthesized, "class C { const string OrdersKeyArn = ".Length);

        // $"{$"{$"…{"arn:…"}…"}"}": constant interpolations nested 16 deep. Not 2,000: binding nested interpolated strings is
        // exponential in their depth in the compiler itself (Roslyn 4.8: 20 levels 0.3 s, 22 levels 1.2 s, 23 levels 3.8 s, no analyzer).
        var interpolation = new StringBuilder();
        for (var i = 0; i < 16; i++)
            interpolation.Append("$\"{");
        interpolation.Append(Literal(Arn));
        for (var i = 0; i < 16; i++)
            interpolation.Append("}\"");
        var interpolated = await RunAsync(tally, "16 nested interpolations", $"class C {{ const string OrdersKeyArn = {interpolation}; }}");
        AssertAtMostOneAtTheOutermost(interpolated, "class C { const string OrdersKeyArn = ".Length);

        // …and 2,000 constant holes side by side in one interpolation, the ARN spread over two of them.
        var wide = new StringBuilder("$\"");
        for (var i = 0; i < Depth; i++)
            wide.Append(i == Depth / 2 ? "{Head}" : i == Depth / 2 + 1 ? "{Tail}" : "{Space}");
        wide.Append('"');
        var holes = await RunAsync(tally, "2,000 holes in one interpolation", $$"""
            class C
            {
                const string Space = " ";
                const string Head = "{{Arn.Substring(0, 30)}}";
                const string Tail = "{{Arn.Substring(30)}}";
                const string OrdersKeyArn = {{wide}};
            }
            """);
        Assert.Single(holes.Diagnostics, d => d.Id == "KMS0001");

        // $"{" " + $"{" " + …}"}": concatenations and interpolations alternating, 8 interpolations deep, 2,000 terms.
        var mixed = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            mixed.Append("$\"{");
            for (var j = 0; j < Depth / 8; j++)
                mixed.Append("\" \" + ");
        }

        mixed.Append(Literal(Arn));
        for (var i = 0; i < 8; i++)
            mixed.Append("}\"");
        var alternating = await RunAsync(tally, "interpolations and concatenations alternating", $"class C {{ const string OrdersKeyArn = {mixed}; }}");
        AssertAtMostOneAtTheOutermost(alternating, "class C { const string OrdersKeyArn = ".Length);

        // "a" + "b" + … 10,000 terms, left-nested as the compiler binds it, with the ARN split over two terms.
        var chain = new StringBuilder("\" \"");
        for (var i = 0; i < 10_000; i++)
            chain.Append(" + ").Append(i == 5_000 ? Literal(" " + Arn.Substring(0, 20)) : i == 5_001 ? Literal(Arn.Substring(20) + " ") : "\" \"");
        var flat = await RunAsync(tally, "10,000-term concatenation", $"class C {{ const string OrdersKeyArn = {chain}; }}");
        AssertAtMostOneAtTheOutermost(flat, "class C { const string OrdersKeyArn = ".Length);
        Assert.Single(flat.Diagnostics, d => d.Id == "KMS0001");

        tally.Print(_output, "deep nesting");
        tally.AssertClean();
    }

    // Our own walk is iterative (ConstantStrings.Collect). No 50,000-term case here: Roslyn 4.8's
    // AnalyzerDriver.GeneratedCodeTokenWalker overflows the stack on it before any analyzer runs, which kills the test
    // host, so it cannot be tested in-process; the 10,000-term case above covers our code.

    // The compiler may give up on a too-deep expression (CS8078); then nothing is reported, else exactly one KMS0001 at the start.
    private static void AssertAtMostOneAtTheOutermost(Analysis analysis, int start)
    {
        var tooComplex = analysis.Compilation.GetDiagnostics().Any(d => d.Id == "CS8078");
        var findings = analysis.Diagnostics.Where(d => d.Id == "KMS0001").ToList();
        Assert.True(findings.Count <= 1, string.Join("; ", findings.Select(Harness.Describe)));
        if (!tooComplex)
            Assert.Single(findings);
        if (findings.Count == 1)
            Assert.Equal(start, findings[0].Location.SourceSpan.Start);
    }

    [Fact]
    public async Task Arn_only_in_an_inactive_if_branch_is_not_reported()
    {
        var tally = new Tally();
        var source = $$"""
            class C
            {
            #if LEGACY_KEYS
                const string OrdersKeyArn = "{{Arn}}";
            #elif STAGING
                const string OrdersKeyArn = "{{PaymentsArn}}";
            #else
                const string OrdersKeyArn = "alias/orders";
            #endif
                const string Composed = "arn:aws:kms:eu-west-1:210987654321:key/"
            #if LEGACY_KEYS
                    + "{{KeyId}}"
            #else
                    + "<key-id>"
            #endif
                    ;
            }
            """;
        var inactive = await RunAsync(tally, "#if, ARN in inactive branches", source);
        Assert.Empty(inactive.Diagnostics);

        var staging = await RunAsync(tally, "#if, STAGING defined", source, symbols: new[] { "STAGING" });
        Assert.Equal(PaymentsKeyId, Single(staging, "KMS0001").GetMessage().Split('\'')[1]);

        var legacy = await RunAsync(tally, "#if, LEGACY_KEYS defined", source, symbols: new[] { "LEGACY_KEYS" });
        Assert.Equal(2, legacy.Diagnostics.Count(d => d.Id == "KMS0001"));

        tally.Print(_output, "#if");
        tally.AssertClean();
    }

    [Fact]
    public async Task Alias_fix_on_a_concatenation_with_if_directives_inside_keeps_them()
    {
        var tally = new Tally();
        var source = $$"""
            class C
            {
                const string OrdersKeyArn = "arn:aws:kms:eu-west-1:210987654321:key/"
            #if LEGACY_KEYS
                    + "{{KeyId}}"
            #else
                    + "<key-id>"
            #endif
                    ;
            }
            """;
        await FixChecker.CheckAsync(RobustInput.Single("#if inside a concatenation", source, AliasMap, preprocessorSymbols: new[] { "LEGACY_KEYS" }), tally);
        tally.Print(_output, "#if inside a concatenation");
        tally.AssertClean();
    }

    [Fact]
    public async Task Line_directives_keep_the_location_on_the_literal()
    {
        var tally = new Tally();
        // The hidden lines are in a type of their own, first: in a file with hidden lines, a type that starts before the
        // file's first #line directive or in hidden lines counts as generated code for the per-type string visits (the
        // next test); C starts after a #line default.
        var source = $$"""
            class G
            {
            #line hidden
                const string PaymentsKeyArn = "{{PaymentsArn}}";
            #line default
            }

            class C
            {
            #line 500 "Generated/Keys.tt"
                const string OrdersKeyArn = "{{Arn}}";
            #line default
                const string CustomerDataMrkId = "{{Mrk}}";
            #line (1, 1) - (1, 80) 5 "Other.cs"
                const string AuditKeyArn = "{{UnmappedArn}}";
            }
            """;
        var analysis = await RunAsync(tally, "#line directives", source);
        var text = SourceText.From(source);
        foreach (var diagnostic in analysis.Diagnostics)
        {
            var literal = text.ToString(diagnostic.Location.SourceSpan);
            Assert.StartsWith("\"", literal, StringComparison.Ordinal);
            Assert.EndsWith("\"", literal, StringComparison.Ordinal);
        }

        // Code after #line hidden counts as generated for Roslyn, and the rules skip generated code: PaymentsKeyArn is silent.
        Assert.Equal(2, analysis.Diagnostics.Count(d => d.Id == "KMS0001"));
        Assert.DoesNotContain(analysis.Diagnostics, d => d.GetMessage().Contains(PaymentsKeyId, StringComparison.Ordinal));
        Assert.Single(analysis.Diagnostics, d => d.Id == "KMS0002");
        var orders = analysis.Diagnostics.Single(d => d.GetMessage().Contains(KeyId, StringComparison.Ordinal));
        Assert.Equal("Generated/Keys.tt", orders.Location.GetMappedLineSpan().Path);
        Assert.Equal(499, orders.Location.GetMappedLineSpan().StartLinePosition.Line);
        Assert.Equal(10, orders.Location.GetLineSpan().StartLinePosition.Line);
        tally.Print(_output, "#line");
        tally.AssertClean();
    }

    [Fact]
    public async Task A_type_before_the_first_line_directive_of_a_file_with_hidden_lines_counts_as_generated()
    {
        // In a file with hidden lines, the driver counts a type that starts before the file's first #line directive
        // (or in hidden lines) as generated code, which the rules skip, and runs no per-type action in it, also on its
        // lines outside the hidden part; the type after the #line default is analyzed.
        var tally = new Tally();
        var source = $$"""
            class Templated
            {
                const string OrdersKeyArn = "{{Arn}}";
            #line hidden
                const string PaymentsKeyArn = "{{PaymentsArn}}";
            #line default
            }

            class Plain
            {
                const string CustomerDataMrkId = "{{Mrk}}";
            }
            """;
        var analysis = await RunAsync(tally, "#line hidden in a type", source);
        Assert.Equal("KMS0002", Assert.Single(analysis.Diagnostics).Id);
        tally.AssertClean();
    }

    [Theory]
    [InlineData("\\u0061rn:aws:kms:eu-west-1:210987654321:key/" + KeyId)]
    [InlineData("\\U00000061rn:aws:kms:eu-west-1:210987654321:key/" + KeyId)]
    [InlineData("\\x61rn:aws:kms:eu-west-1:210987654321:key/" + KeyId)]
    [InlineData("\\x0061rn\\x003Aaws:kms:eu-west-1:210987654321:key/" + KeyId)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e\\u002D4f50-4a6b-8c7d-9e0f1a2b3c4d")]
    [InlineData("\\u0061\\u0072\\u006E\\u003A\\u0061\\u0077\\u0073:kms:eu-west-1:210987654321:key/" + KeyId)]
    [InlineData("keys:\\u0020arn:aws:kms:eu-west-1:210987654321:key/" + KeyId + "\\t")]
    public async Task Unicode_escapes_that_spell_an_arn_are_a_constant_key_arn(string escapedContent)
    {
        var tally = new Tally();
        var prefix = "class C { const string OrdersKeyArn = ";
        var literal = "\"" + escapedContent + "\"";
        var analysis = await RunAsync(tally, "escaped " + escapedContent, prefix + literal + "; }");
        var diagnostic = Single(analysis, "KMS0001");
        Assert.Equal(new TextSpan(prefix.Length, literal.Length), diagnostic.Location.SourceSpan);
        Assert.Contains("key '" + KeyId + "' in Region 'eu-west-1'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(analysis.Diagnostics.Where(d => d.Id != "KMS0001"));
        tally.AssertClean();
    }

    [Fact]
    public async Task Malformed_utf8_and_lone_surrogates_in_literals()
    {
        var tally = new Tally();

        // Invalid UTF-8 bytes in the file: the decoder turns them into U+FFFD.
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.ASCII.GetBytes("class C\n{\n    string A = \""));
        bytes.AddRange(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80 }); // bad continuation, invalid bytes, encoded surrogate
        bytes.AddRange(Encoding.ASCII.GetBytes(" " + Arn + "\";\n    string B = \""));
        bytes.AddRange(new byte[] { 0xF0, 0x9F, 0x98 }); // truncated 4-byte sequence
        bytes.AddRange(Encoding.ASCII.GetBytes(Arn + "\";\n}\n"));
        var decoded = SourceText.From(bytes.ToArray(), bytes.Count, Encoding.UTF8).ToString();
        Assert.Contains('\uFFFD', decoded);
        var fromBytes = await RunAsync(tally, "malformed UTF-8 around ARNs", decoded);
        Assert.Single(fromBytes.Diagnostics, d => d.Id == "KMS0001"); // A: after a space; B: glued to U+FFFD, not a whole token

        // Lone surrogates written as escapes, and as raw characters in the text.
        var escapes = await RunAsync(tally, "lone surrogate escapes", $$"""
            class C
            {
                string A = "\uD800 {{Arn}}";
                string B = "{{Arn}} \uDC00";
                string C2 = "\uDBFF\uDBFF{{Mrk}}";
                string D = "{{Mrk}}\uD800";
                char E = '\uD800';
                System.ReadOnlySpan<byte> F() => "\uD800 {{Arn}}"u8;
            }
            """);
        Assert.Equal(3, escapes.Diagnostics.Count(d => d.Id == "KMS0001")); // A, B and F: the ARN is a whole token next to a space
        Assert.Empty(escapes.Diagnostics.Where(d => d.Id == "KMS0002")); // C2, D: glued to a surrogate, not a whole token

        var rawSurrogates = await RunAsync(tally, "raw lone surrogates in the text",
            "class C { string A = \"\uD800 " + Arn + "\"; string B = \"" + Mrk + "\uDC00\"; string C2 = \"\uDC00\uD800 " + Mrk + " \uD800\"; }");
        Assert.Single(rawSurrogates.Diagnostics, d => d.Id == "KMS0001");
        Assert.Single(rawSurrogates.Diagnostics, d => d.Id == "KMS0002");

        var nul = await RunAsync(tally, "NUL and control characters", "class C { string A = \"\0" + Arn + "\"; string B = \"\\0 " + Arn + "\\u0001\"; }");
        Assert.True(nul.Diagnostics.Length <= 2);

        tally.Print(_output, "malformed text");
        tally.AssertClean();
    }

    [Fact]
    public async Task Decrypt_with_named_arguments_in_any_order_is_reported()
    {
        var tally = new Tally();
        var analysis = await RunAsync(tally, "named arguments", Usings + $$"""
            class Worker
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient(RegionEndpoint.EUWest2);
                Task InOrder(MemoryStream b) => _kms.DecryptAsync(request: new DecryptRequest { CiphertextBlob = b, KeyId = "{{Arn}}" }, cancellationToken: default);
                Task Swapped(MemoryStream b) => _kms.DecryptAsync(cancellationToken: default, request: new DecryptRequest { CiphertextBlob = b, KeyId = "{{Arn}}" });
            }
            """);
        Assert.Equal(2, analysis.Diagnostics.Count(d => d.Id == "KMS0003"));
        tally.AssertClean();
    }

    /// <summary>ARN-like strings of every near-miss shape: none is a key identifier.</summary>
    public static TheoryData<string, string> NearMisses()
    {
        const string Tail = ":210987654321:key/" + KeyId;
        var data = new TheoryData<string, string>
        {
            { "wrong partition", "arn:aws-xx:kms:eu-west-1" + Tail },
            { "wrong partition (awsx)", "arn:awsx:kms:eu-west-1" + Tail },
            { "upper-case partition", "arn:AWS:kms:eu-west-1" + Tail },
            { "empty partition", "arn::kms:eu-west-1" + Tail },
            { "Region of another partition (cn in aws)", "arn:aws:kms:cn-north-1" + Tail },
            { "Region of another partition (aws in cn)", "arn:aws-cn:kms:eu-west-1" + Tail },
            { "Region of another partition (aws in gov)", "arn:aws-us-gov:kms:us-east-1" + Tail },
            { "Region of another partition (gov in aws)", "arn:aws:kms:us-gov-west-1" + Tail },
            { "Region of another partition (aws in iso)", "arn:aws-iso:kms:us-east-1" + Tail },
            { "upper-case Region", "arn:aws:kms:EU-WEST-1" + Tail },
            { "Region without number", "arn:aws:kms:eu-west" + Tail },
            { "availability zone", "arn:aws:kms:eu-west-1a" + Tail },
            { "empty Region", "arn:aws:kms:" + Tail },
            { "11-digit account", "arn:aws:kms:eu-west-1:21098765432:key/" + KeyId },
            { "13-digit account", "arn:aws:kms:eu-west-1:2109876543210:key/" + KeyId },
            { "account with dashes", "arn:aws:kms:eu-west-1:2109-8765-4321:key/" + KeyId },
            { "account with a letter", "arn:aws:kms:eu-west-1:21098765432O:key/" + KeyId },
            { "empty account", "arn:aws:kms:eu-west-1::key/" + KeyId },
            { "upper-case service", "arn:aws:KMS:eu-west-1" + Tail },
            { "capitalized service", "arn:aws:Kms:eu-west-1" + Tail },
            { "other service", "arn:aws:kmsx:eu-west-1" + Tail },
            { "key wildcard", "arn:aws:kms:eu-west-1:210987654321:key/*" },
            { "key id with wildcard", "arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-*" },
            { "key placeholder <>", "arn:aws:kms:eu-west-1:210987654321:key/<key-id>" },
            { "key placeholder ${}", "arn:aws:kms:eu-west-1:210987654321:key/${KeyId}" },
            { "key placeholder {}", "arn:aws:kms:eu-west-1:210987654321:key/{keyId}" },
            { "key placeholder {0}", "arn:aws:kms:eu-west-1:210987654321:key/{0}" },
            { "key placeholder %s", "arn:aws:kms:eu-west-1:210987654321:key/%s" },
            { "account placeholder", "arn:aws:kms:eu-west-1:${AWS::AccountId}:key/" + KeyId },
            { "empty key", "arn:aws:kms:eu-west-1:210987654321:key/" },
            { "double slash", "arn:aws:kms:eu-west-1:210987654321:key//" + KeyId },
            { "capitalized resource type", "arn:aws:kms:eu-west-1:210987654321:Key/" + KeyId },
            { "keys/ resource type", "arn:aws:kms:eu-west-1:210987654321:keys/" + KeyId },
            { "colon resource separator", "arn:aws:kms:eu-west-1:210987654321:key:" + KeyId },
            { "35-character key id", "arn:aws:kms:eu-west-1:210987654321:key/" + KeyId.Substring(1) },
            { "non-hex key id", "arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4g" },
            { "key id without dashes", "arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d" },
            { "upper-case mrk id", "arn:aws:kms:eu-west-1:210987654321:key/mrk-0B1C2D3E4F504A6B8C7D9E0F1A2B3C4D" },
            { "key id with a suffix path", "arn:aws:kms:eu-west-1:210987654321:key/" + KeyId + "/v2" },
            { "trailing dot", Arn + "." },
            { "trailing slash", Arn + "/" },
            { "trailing colon", Arn + ":" },
            { "trailing suffix", Arn + "-old" },
            { "leading character", "x" + Arn },
            { "inside a URL path", "s3://bucket/" + Arn },
            { "documentation account 123456789012", "arn:aws:kms:eu-west-1:123456789012:key/" + KeyId },
            { "documentation account 111122223333", "arn:aws:kms:us-east-2:111122223333:key/" + KeyId },
            { "documentation account 444455556666", "arn:aws:kms:eu-west-1:444455556666:key/" + Mrk },
            { "documentation account 777788889999", "arn:aws:kms:eu-west-1:777788889999:key/" + KeyId },
            { "documentation account 000000000000", "arn:aws:kms:eu-west-1:000000000000:key/" + KeyId },
            { "alias ARN", "arn:aws:kms:eu-west-1:210987654321:alias/orders" },
            { "prefix only", "arn:aws:kms:eu-west-1:210987654321:key/" },
            { "mrk id, upper case", "mrk-0B1C2D3E4F504A6B8C7D9E0F1A2B3C4D" },
            { "mrk id, 31 hex digits", Mrk.Substring(0, Mrk.Length - 1) },
            { "mrk id, 33 hex digits", Mrk + "5" },
            { "mrk id with a prefix", "prefix-" + Mrk },
            { "mrk id, trailing dot", Mrk + "." },
            { "mrk id, underscore", "mrk_0b1c2d3e4f504a6b8c7d9e0f1a2b3c4d" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public async Task Near_miss_arn_shapes_are_not_reported(string shape, string value)
    {
        var tally = new Tally();
        var analysis = await RunAsync(tally, "near miss: " + shape, $$"""
            class C
            {
                const string OrdersKeyArn = {{Literal(value)}};
                const string Concatenated = "{{value.Substring(0, value.Length / 2)}}" + "{{value.Substring(value.Length / 2)}}";
                string Interpolated(int n) => $"{n}: {{value}} ";
                System.ReadOnlySpan<byte> Utf8() => {{Literal(value)}}u8;
            }
            """);
        Assert.True(analysis.Diagnostics.IsEmpty, shape + ": " + string.Join("; ", analysis.Diagnostics.Select(Harness.Describe)));
        tally.AssertClean();
    }

    [Fact]
    public async Task Positive_controls_for_the_near_misses_are_reported()
    {
        // The same four forms as the near-miss theory, with real identifiers: the theory above is not vacuous.
        var tally = new Tally();
        foreach (var value in new[] { Arn, MrkArnLondon, "arn:aws-cn:kms:cn-north-1:210987654321:key/" + KeyId, Arn + ")", Mrk })
        {
            var analysis = await RunAsync(tally, "control: " + value, $$"""
                class C
                {
                    const string OrdersKeyArn = {{Literal(value)}};
                    const string Concatenated = "{{value.Substring(0, value.Length / 2)}}" + "{{value.Substring(value.Length / 2)}}";
                    string Interpolated(int n) => $"{n}: {{value}} ";
                    System.ReadOnlySpan<byte> Utf8() => {{Literal(value)}}u8;
                }
                """);
            Assert.Equal(4, analysis.Diagnostics.Length);
        }

        tally.AssertClean();
    }
}
