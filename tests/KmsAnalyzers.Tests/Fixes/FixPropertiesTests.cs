using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using KmsAnalyzers.Identifiers;
using KmsAnalyzers.Tests.Robustness;
using Xunit;

namespace KmsAnalyzers.Tests.Fixes;

/// <summary>
/// The analyzer-to-fix contract (<see cref="FixProperties"/>): Diagnostic.Properties are written into SARIF, so they
/// never hold an account ID or a whole ARN; the fixes re-read identifiers from the source span.
/// </summary>
public sealed class FixPropertiesTests
{
    [Fact]
    public void Round_trips_every_field()
    {
        var written = new FixProperties
        {
            KeyNames = ImmutableArray.Create("mrk-1234abcd12ab34cd56ef1234567890ab", "alias/orders"),
            Aliases = ImmutableArray.Create(ImmutableArray.Create("alias/a", "alias/b"), ImmutableArray<string>.Empty),
            WholeValue = true,
            AliasRejected = true,
            DerivedAlias = "alias/orders",
            DerivedFrom = "OrdersKeyArn",
            DerivedAliasPreferred = true,
            KeyProperty = "SourceKeyId",
            PinLocation = 0,
            KeyValueLocation = 1,
            KeyMemberLocation = 2,
        }.ToImmutable();

        var read = FixProperties.Read(written);

        Assert.Equal(new[] { "mrk-1234abcd12ab34cd56ef1234567890ab", "alias/orders" }, read.KeyNames);
        Assert.Equal(new[] { "alias/a", "alias/b" }, read.Aliases[0]);
        Assert.Empty(read.Aliases[1]);
        Assert.True(read.WholeValue);
        Assert.True(read.AliasRejected);
        Assert.Equal(("alias/orders", "OrdersKeyArn", true), (read.DerivedAlias, read.DerivedFrom, read.DerivedAliasPreferred));
        Assert.Equal(("SourceKeyId", 0, 1, 2), (read.KeyProperty, read.PinLocation, read.KeyValueLocation, read.KeyMemberLocation));
    }

    [Fact]
    public void Writes_nothing_for_absent_fields_and_reads_malformed_values_as_absent()
    {
        Assert.Empty(new FixProperties().ToImmutable());
        var read = FixProperties.Read(ImmutableDictionary<string, string?>.Empty
            .Add("KeyNames", "a b").Add("Aliases", "alias/x") // one alias entry for two names
            .Add("PinLocation", "-1"));
        Assert.Empty(read.KeyNames);
        Assert.Null(read.PinLocation);
    }

    [Theory]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d")]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/mrk-1234abcd12ab34cd56ef1234567890ab", "mrk-1234abcd12ab34cd56ef1234567890ab")]
    [InlineData("arn:aws-cn:kms:cn-north-1:210987654321:alias/orders/eu", "alias/orders/eu")]
    [InlineData("mrk-1234abcd12ab34cd56ef1234567890ab", "mrk-1234abcd12ab34cd56ef1234567890ab")]
    [InlineData("0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d")]
    [InlineData("alias/orders", "alias/orders")]
    [InlineData("arn:aws:s3:::bucket", null)]
    public void Names_an_identifier_without_its_account(string identifier, string? name)
    {
        Assert.Equal(name, FixProperties.NameOf(identifier));
        if (KmsIdentifiers.TryFindToken(identifier, 0, out var token))
            Assert.Equal(name, FixProperties.NameOf(token));
    }

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string> { "sample app" };
        foreach (var entry in RobustnessCorpus.Entries)
            data.Add(entry.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task No_property_or_message_holds_an_account_or_a_whole_arn(string name)
    {
        var input = name == "sample app" ? Harness.SampleApp() : RobustnessCorpus.Get(name).ToInput();
        var tally = new Tally();
        var analysis = await Harness.AnalyzeAsync(await Harness.CreateProjectAsync(input), tally, name);
        tally.AssertClean();

        var accounts = new HashSet<string>();
        foreach (var (_, text) in input.Sources)
        {
            var scanner = new KmsTokenScanner(text);
            while (scanner.TryNext(out var token))
            {
                if (token.Kind is KmsIdentifierKind.KeyArn or KmsIdentifierKind.AliasArn)
                    accounts.Add(token.Arn.Account);
            }
        }

        foreach (var diagnostic in analysis.Diagnostics)
        {
            var texts = diagnostic.Properties.Select(p => p.Key + "=" + p.Value).Append(diagnostic.GetMessage(CultureInfo.InvariantCulture));
            foreach (var text in texts)
            {
                Assert.DoesNotContain(accounts, text.Contains);
                Assert.False(text.Contains("arn:aws", System.StringComparison.Ordinal) && diagnostic.Properties.Any(p => text.StartsWith(p.Key + "=", System.StringComparison.Ordinal)),
                    diagnostic.Id + " property holds an ARN: " + text);
            }
        }
    }
}
