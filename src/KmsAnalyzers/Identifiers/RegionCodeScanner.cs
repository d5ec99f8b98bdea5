namespace KmsAnalyzers.Identifiers;

/// <summary>
/// Region codes written inside a string: a whole run of <c>[a-z0-9-]</c> that is a Region of some partition, such as
/// <c>eu-west-1</c> alone, in a condition value, or as the Region field of any service's ARN.
/// </summary>
internal static class RegionCodeScanner
{
    /// <summary>Finds the next Region code at or after <paramref name="from"/>.</summary>
    public static bool TryFind(string text, int from, out int start, out int length)
    {
        var i = from;
        while (i < text.Length)
        {
            while (i < text.Length && !IsRegionChar(text[i]))
                i++;
            var runStart = i;
            while (i < text.Length && IsRegionChar(text[i]))
                i++;
            if (i > runStart && Partitions.OfRegion(text, runStart, i - runStart) != Partition.None)
            {
                start = runStart;
                length = i - runStart;
                return true;
            }
        }

        start = length = 0;
        return false;
    }

    /// <summary>
    /// The account field right after a Region in an ARN (<c>:eu-west-1:210987654321:</c>), or -1 when the Region is not
    /// followed by a 12-digit account.
    /// </summary>
    public static int AccountAfter(string text, int regionStart, int regionLength)
    {
        var colon = regionStart + regionLength;
        if (regionStart == 0 || text[regionStart - 1] != ':' || colon >= text.Length || text[colon] != ':')
            return -1;
        var account = colon + 1;
        return account + KmsIdentifiers.AccountIdLength <= text.Length &&
            KmsIdentifiers.IsAccountId(text, account, KmsIdentifiers.AccountIdLength) &&
            (account + KmsIdentifiers.AccountIdLength == text.Length || !char.IsDigit(text[account + KmsIdentifiers.AccountIdLength]))
            ? account
            : -1;
    }

    private static bool IsRegionChar(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}
