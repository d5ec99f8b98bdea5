using System.Linq;
using KmsAnalyzers.Options;
using Xunit;

namespace KmsAnalyzers.Tests.Options;

/// <summary>appsettings*.json read as the .NET configuration JSON provider reads it: keys, and the files it rejects.</summary>
public sealed class AppSettingsFileTests
{
    [Theory]
    [InlineData("/app/appsettings.json", true)]
    [InlineData("appsettings.Production.json", true)]
    [InlineData("/src/App/AppSettings.eu-west-1.JSON", true)]
    [InlineData("/app/appsettings.json.bak", false)]
    [InlineData("/app/my-appsettings.json", false)]
    [InlineData("/appsettings/kms-aliases.json", false)]
    [InlineData("/app/appsettings", false)]
    public void Recognizes_appsettings_star_json_by_file_name(string path, bool expected) =>
        Assert.Equal(expected, AppSettingsFile.IsAppSettingsPath(path));

    [Fact]
    public void Names_each_string_by_its_configuration_key_in_document_order()
    {
        var file = AppSettingsFile.Parse("""
            // settings
            {
              "AWS": { "Region": "eu-west-1", "Profile": "prod", },
              "Kms": { "Keys": [ "alias/a", { "Id": "alias/b" }, 3 ] },
              "Enabled": true,
            }
            """);
        Assert.NotNull(file.Root);
        Assert.Equal(new[] { "AWS:Region", "AWS:Profile", "Kms:Keys:0", "Kms:Keys:1:Id" }, file.Strings.Select(s => s.Key));
        Assert.Equal("eu-west-1", file.GetString("aws:region")!.Text);
        Assert.Equal("alias/b", file.GetString("KMS:KEYS:1:ID")!.Text);
        Assert.Null(file.GetString("Enabled"));
        Assert.Null(file.GetString("AWS"));
        Assert.Null(file.GetString("Kms:Keys:2"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("{ \"AWS\": { \"Region\": \"eu-west-1\" }")]
    [InlineData("{ \"Region\": \"eu-west-1\", \"region\": \"us-east-1\" }")]
    [InlineData("{ \"AWS\": { \"Region\": \"eu-west-1\" }, \"AWS:Region\": \"us-east-1\" }")]
    [InlineData("{ \"A\": [1], \"A:0\": 2 }")]
    public void A_file_the_provider_rejects_has_no_root_and_no_strings(string json)
    {
        var file = AppSettingsFile.Parse(json);
        Assert.Null(file.Root);
        Assert.Empty(file.Strings);
        Assert.Null(file.GetString("AWS:Region"));
    }

    [Fact]
    public void Parses_each_text_once()
    {
        var text = Microsoft.CodeAnalysis.Text.SourceText.From("{\"AWS\":{\"Region\":\"eu-west-1\"}}");
        Assert.Same(AppSettingsFile.Get(text), AppSettingsFile.Get(text));
    }
}
