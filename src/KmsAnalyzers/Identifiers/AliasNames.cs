using System.Collections.Generic;
using System.Text;

namespace KmsAnalyzers.Identifiers;

/// <summary>Derives an alias name from the name of the symbol that holds a key identifier.</summary>
internal static class AliasNames
{
    // Words that describe the identifier rather than the key's purpose: OrdersKmsKeyArn → orders.
    private static readonly HashSet<string> NoiseWords = new(System.StringComparer.Ordinal)
    {
        "kms", "key", "keys", "arn", "arns", "id", "ids", "mrk", "cmk", "multi", "region", "identifier", "default",
    };

    /// <summary><c>OrdersKeyArn</c> → <c>alias/orders</c>; <c>CUSTOMER_DATA_MRK_ID</c> → <c>alias/customer-data</c>.</summary>
    public static string? Derive(string symbolName)
    {
        var words = SplitWords(symbolName);
        var first = 0;
        var last = words.Count - 1;
        while (first <= last && NoiseWords.Contains(words[first]))
            first++;
        while (last >= first && NoiseWords.Contains(words[last]))
            last--;
        if (first > last)
            return null;

        var builder = new StringBuilder(KmsIdentifiers.AliasPrefix);
        for (var i = first; i <= last; i++)
        {
            if (i > first)
                builder.Append('-');
            builder.Append(words[i]);
        }

        var alias = builder.ToString();
        return KmsIdentifiers.IsAliasName(alias) && !KmsIdentifiers.IsAwsManagedAlias(alias) ? alias : null;
    }

    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c) || c > 127)
            {
                Flush(words, current);
                continue;
            }

            // A new word starts at an upper-case letter after a lower-case letter or digit (ordersKey),
            // or before a lower-case letter after a run of capitals (KMSKey → KMS, Key).
            if (char.IsUpper(c) && current.Length > 0 &&
                (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                Flush(words, current);
            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length == 0)
            return;
        words.Add(current.ToString());
        current.Clear();
    }
}
