using System.Text.RegularExpressions;

namespace KmsAnalyzers.Cli;

/// <summary>
/// Last line of defence for what the tool writes (console, SARIF, JSON, alias plan): an account id inside an ARN
/// (<c>arn:partition:service:region:123456789012:…</c>) is masked to its last four digits, as the rules' messages do.
/// </summary>
internal static class Masking
{
    private static readonly Regex ArnAccount = new(@"(?<prefix>arn:[a-z-]+:[a-z0-9-]*:[a-z0-9-]*:)(?<account>\d{12})(?=:)", RegexOptions.CultureInvariant);

    public static string Mask(string text) =>
        text.IndexOf("arn:", System.StringComparison.Ordinal) < 0
            ? text
            : ArnAccount.Replace(text, m => m.Groups["prefix"].Value + MaskAccount(m.Groups["account"].Value));

    public static string MaskAccount(string account) => "********" + account.Substring(account.Length - 4);
}
