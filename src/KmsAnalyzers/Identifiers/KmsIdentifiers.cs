using System;

namespace KmsAnalyzers.Identifiers;

/// <summary>What a KMS key identifier string is.</summary>
internal enum KmsIdentifierKind
{
    None,
    KeyId,
    MultiRegionKeyId,
    KeyArn,
    AliasName,
    AliasArn,
}

/// <summary>
/// The KMS identifier grammar (key ids, mrk- ids, key and alias ARNs, alias names; see docs/rules/KMS0001.md), by index arithmetic: no Regex and no allocation, so it can run
/// inside analyzer callbacks. Placeholders (<c>{account}</c>, <c>${AWS::AccountId}</c>, <c>&lt;key-id&gt;</c>) and
/// wildcards (<c>key/*</c>) fail the grammar by construction.
/// </summary>
internal static class KmsIdentifiers
{
    public const int AccountIdLength = 12;
    public const string ArnPrefix = "arn:";
    public const string MultiRegionPrefix = "mrk-";
    public const string AliasPrefix = "alias/";
    public const string AwsManagedAliasPrefix = "alias/aws/";
    public const int UuidLength = 36;
    private const int MultiRegionKeyIdLength = 36; // "mrk-" + 32 hex
    private const int MaxAliasNameLength = 256;

    // Account ids used in AWS documentation and examples: values copied from docs are not real keys.
    private static readonly string[] DocumentationAccounts =
    {
        "123456789012", "111122223333", "444455556666", "777788889999", "999988887777", "555555555555",
        "012345678901", "000000000000", "111111111111", "222222222222", "999999999999",
    };

    // Key ids used in AWS documentation and examples (the KMS Developer Guide and API reference).
    private const string DocumentationKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string DocumentationMultiRegionKeyId = "mrk-1234abcd12ab34cd56ef1234567890ab";

    /// <summary>
    /// Cheap ordinal prefilter: could <paramref name="text"/> hold a key ARN or a multi-Region key id? An ARN of another
    /// service (<c>arn:aws:s3:::…</c>, <c>arn:aws:sns:…</c>, common in the same code) has no <c>:kms:</c>.
    /// </summary>
    public static bool MayContainKeyIdentifier(string text) =>
        text.Length >= MultiRegionKeyIdLength &&
        ((text.IndexOf(KmsServiceField, System.StringComparison.Ordinal) >= 0 && text.IndexOf(ArnPrefix, System.StringComparison.Ordinal) >= 0) ||
         text.IndexOf(MultiRegionPrefix, System.StringComparison.Ordinal) >= 0);

    public const string KmsServiceField = ":kms:";

    /// <summary>
    /// Whether <paramref name="piece"/>, one of the strings a value is composed of (a literal term of a concatenation,
    /// the text of an interpolation, a constant's initializer), may hold part of a key identifier: a field of an ARN
    /// (<c>arn:</c>, <c>:kms:</c>, <c>:key/</c>, <c>:alias/</c>), <c>mrk-</c>, a dash beside four hex digits
    /// (<c>0b1c2d3e-4f50</c>, <c>-4a6b</c>), or eight hex digits alone (<c>9e0f1a2b3c4d</c>). A superset for a
    /// prefilter: a field split inside itself across two pieces (<c>"ar" + "n:…"</c>) is seen only with another piece.
    /// </summary>
    public static bool MayBeKeyIdentifierPiece(string piece)
    {
        // Every field holds a colon or a dash: most strings have neither and are read once, vectorized.
        if (piece.IndexOfAny(ColonOrDash) < 0)
            return IsHexDigits(piece);
        return piece.IndexOf(KmsServiceField, StringComparison.Ordinal) >= 0 || piece.IndexOf(ArnPrefix, StringComparison.Ordinal) >= 0 ||
            piece.IndexOf(MultiRegionPrefix, StringComparison.Ordinal) >= 0 || piece.IndexOf(KeyResourceField, StringComparison.Ordinal) >= 0 ||
            piece.IndexOf(AliasResourceField, StringComparison.Ordinal) >= 0 || HasDashBesideHexDigits(piece);
    }

    /// <summary>
    /// Whether a piece of a value (a constant's literal, an interpolation's text) holds what every key identifier holds
    /// at least one of, unsplit: <c>kms</c> (the service field of every KMS ARN), <c>mrk</c>, a dash beside four hex digits,
    /// a dash alone (a key id split at its dashes: <c>Head + "-" + …</c>) or eight hex digits alone (the pieces of a key
    /// id). Wider than <see cref="MayBeKeyIdentifierPiece"/> in one way: <c>"kms"</c> alone counts, as
    /// <c>"arn:aws:" + Service + …</c> builds an ARN with it; <c>arn:</c>, <c>:key/</c> and <c>:alias/</c> do not, as no
    /// identifier is made of them alone.
    /// </summary>
    public static bool MayHoldKeyIdentifierMarker(string piece) =>
        piece.IndexOf(KmsMarker, StringComparison.Ordinal) >= 0 || piece.IndexOf(MultiRegionMarker, StringComparison.Ordinal) >= 0 ||
        HasDashBesideHexDigits(piece) || IsHexDigits(piece) || piece == "-";

    /// <summary>
    /// <see cref="MayHoldKeyIdentifierMarker"/> over a source file's text, read without parsing: <c>kms</c>, <c>mrk</c>, a
    /// dash beside four hex digits or between two quotes anywhere (code, comments, strings), or an escape that may spell
    /// one (<c>\u006Bms</c>). A key id split at its dashes into literals has a dash beside its hex digits
    /// (<c>"0b1c2d3e-" + "4f50-…"</c>) or a literal dash (<c>"0b1c2d3e" + "-" + …</c>); its hex pieces alone are not looked
    /// for: eight hex digits right after a quote stopped the search at each of the 45,000 quotes of 200 files (0.8 ms,
    /// about as much as the other markers together). Not seen: a key id whose every dash stands between two interpolation
    /// holes (<c>$"{Head}-{Mid}-…"</c>) that read hex constants of files with no marker.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="mayHoldKmsInAnyCase">
    /// False when the caller knows that the text holds no <c>kms</c> in any case (<see cref="SourceMayHoldKmsInAnyCase"/>,
    /// one search that also answers for <c>KMS</c> in a namespace): spares the search for <c>kms</c>.
    /// </param>
    public static bool SourceMayHoldKeyIdentifierMarker(string text, bool mayHoldKmsInAnyCase = true) =>
        (mayHoldKmsInAnyCase && text.IndexOf(KmsMarker, StringComparison.Ordinal) >= 0) ||
        text.IndexOf(MultiRegionMarker, StringComparison.Ordinal) >= 0 || HasLetterEscape(text) || HasKeyIdDash(text, literalDash: true);

    /// <summary>Whether the text holds <c>kms</c> in any case: <c>kms:</c>, <c>KMS</c>, <c>Kms</c> (one search for all of them).</summary>
    public static bool SourceMayHoldKmsInAnyCase(string text) => text.IndexOf(KmsMarker, StringComparison.OrdinalIgnoreCase) >= 0;

    private const string KmsMarker = "kms";
    private const string MultiRegionMarker = "mrk";

    // \u, \U or \x: an escape that may spell a letter of a marker in a string or an identifier.
    private static bool HasLetterEscape(string text)
    {
        for (var at = text.IndexOf('\\'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('\\', at + 2))
        {
            if (text[at + 1] is 'u' or 'U' or 'x')
                return true;
        }

        return false;
    }

    private static readonly char[] ColonOrDash = { ':', '-' };
    private const string KeyResourceField = ":key/";

    // Eight hex digits or more and nothing else: the tail of a key id ("9e0f1a2b3c4d") or a run of one. Not "2024" or "add".
    private static bool IsHexDigits(string piece) =>
        piece.Length >= 8 && piece.Length <= UuidLength && AreHexDigits(piece, 0, piece.Length);

    private static bool HasDashBesideHexDigits(string text) => HasKeyIdDash(text, literalDash: false);

    // A dash beside four hex digits; with literalDash, also a dash between two quotes in source text ("-"), which a key
    // id split at its dashes into literals has.
    private static bool HasKeyIdDash(string text, bool literalDash)
    {
        for (var dash = text.IndexOf('-'); dash >= 0; dash = text.IndexOf('-', dash + 1))
        {
            if (IsHexRun(text, dash + 1) || IsHexRun(text, dash - 4) ||
                (literalDash && dash > 0 && dash + 1 < text.Length && text[dash - 1] == '"' && text[dash + 1] == '"'))
                return true;
        }

        return false;
    }

    private static bool IsHexRun(string text, int start) => start >= 0 && start + 4 <= text.Length && AreHexDigits(text, start, 4);

    private static bool AreHexDigits(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!IsHex(text[i]))
                return false;
        }

        return true;
    }

    /// <summary>What separates an alias ARN's account from its alias name.</summary>
    public const string AliasResourceField = ":alias/";

    /// <summary>What <see cref="MayContainKeyIdentifier(string)"/> looks for, for a value read in pieces.</summary>
    public static readonly string[] KeyIdentifierFragments = { KmsServiceField, ArnPrefix, MultiRegionPrefix };

    /// <summary>
    /// <see cref="MayContainKeyIdentifier(string)"/> of a value read in pieces: its length, and which of
    /// <see cref="KeyIdentifierFragments"/> it holds (bit i for fragment i).
    /// </summary>
    public static bool MayContainKeyIdentifier(int length, int fragments) =>
        length >= MultiRegionKeyIdLength && ((fragments & 0b011) == 0b011 || (fragments & 0b100) != 0);

    public static KmsIdentifierKind Classify(string s) => Classify(s, 0, s.Length);

    public static KmsIdentifierKind Classify(string s, int start, int length)
    {
        if (IsMultiRegionKeyId(s, start, length))
            return KmsIdentifierKind.MultiRegionKeyId;
        if (IsKeyId(s, start, length))
            return KmsIdentifierKind.KeyId;
        if (IsAliasName(s, start, length))
            return KmsIdentifierKind.AliasName;
        if (TryParseArn(s, start, length, out var arn))
            return arn.ResourceType == KmsResourceType.Key ? KmsIdentifierKind.KeyArn : KmsIdentifierKind.AliasArn;
        return KmsIdentifierKind.None;
    }

    /// <summary>A single-Region key id: a UUID (8-4-4-4-12 hex digits).</summary>
    public static bool IsKeyId(string s, int start, int length)
    {
        if (length != UuidLength)
            return false;
        for (var i = 0; i < UuidLength; i++)
        {
            var c = s[start + i];
            if (i is 8 or 13 or 18 or 23)
            {
                if (c != '-')
                    return false;
            }
            else if (!IsHex(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A multi-Region key id: <c>mrk-</c> followed by 32 lowercase hex digits.</summary>
    public static bool IsMultiRegionKeyId(string s, int start, int length)
    {
        if (length != MultiRegionKeyIdLength || string.CompareOrdinal(s, start, MultiRegionPrefix, 0, 4) != 0)
            return false;
        for (var i = start + 4; i < start + length; i++)
        {
            var c = s[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                return false;
        }

        return true;
    }

    public static bool IsMultiRegionKeyId(string s) => IsMultiRegionKeyId(s, 0, s.Length);

    /// <summary>An alias name: <c>alias/</c> then letters, digits, <c>/ _ - :</c>; 256 characters at most.</summary>
    public static bool IsAliasName(string s, int start, int length)
    {
        if (length <= AliasPrefix.Length || length > MaxAliasNameLength ||
            string.CompareOrdinal(s, start, AliasPrefix, 0, AliasPrefix.Length) != 0)
            return false;
        for (var i = start + AliasPrefix.Length; i < start + length; i++)
        {
            var c = s[i];
            if (!(IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or ':'))
                return false;
        }

        return true;
    }

    public static bool IsAliasName(string s) => IsAliasName(s, 0, s.Length);

    public static bool IsAwsManagedAlias(string aliasName) =>
        aliasName.StartsWith(AwsManagedAliasPrefix, System.StringComparison.Ordinal);

    public static bool IsAccountId(string s, int start, int length)
    {
        if (length != AccountIdLength)
            return false;
        for (var i = start; i < start + length; i++)
        {
            if (s[i] < '0' || s[i] > '9')
                return false;
        }

        return true;
    }

    public static bool IsDocumentationAccount(string s, int accountStart)
    {
        foreach (var account in DocumentationAccounts)
        {
            if (string.CompareOrdinal(s, accountStart, account, 0, AccountIdLength) == 0)
                return true;
        }

        return false;
    }

    /// <summary>Whether the key id at <paramref name="start"/> is one of the example key ids of the AWS documentation.</summary>
    public static bool IsDocumentationKeyId(string s, int start, int length) =>
        (length == DocumentationKeyId.Length && string.Compare(s, start, DocumentationKeyId, 0, length, System.StringComparison.OrdinalIgnoreCase) == 0) ||
        (length == DocumentationMultiRegionKeyId.Length && string.CompareOrdinal(s, start, DocumentationMultiRegionKeyId, 0, length) == 0);

    public static bool IsRegion(string s) => Partitions.OfRegion(s) != Partition.None;

    /// <summary>
    /// The Region of a KMS endpoint URL: <c>https://kms.eu-west-1.amazonaws.com</c>, <c>kms-fips.us-east-1…</c>, any
    /// partition's DNS suffix. Null for other hosts (a VPC endpoint or a proxy names no Region we can trust).
    /// </summary>
    public static string? RegionOfEndpointUrl(string url)
    {
        var hostStart = url.IndexOf("://", StringComparison.Ordinal);
        hostStart = hostStart < 0 ? 0 : hostStart + 3;
        string[] prefixes = { "kms.", "kms-fips." };
        foreach (var prefix in prefixes)
        {
            if (string.CompareOrdinal(url, hostStart, prefix, 0, prefix.Length) != 0)
                continue;
            var regionStart = hostStart + prefix.Length;
            var regionEnd = url.IndexOf('.', regionStart);
            if (regionEnd > regionStart && Partitions.OfRegion(url, regionStart, regionEnd - regionStart) != Partition.None)
                return url.Substring(regionStart, regionEnd - regionStart);
        }

        return null;
    }

    /// <summary>
    /// Parses exactly <c>arn:&lt;partition&gt;:kms:&lt;region&gt;:&lt;12 digits&gt;:key/&lt;uuid|mrk id&gt;</c>
    /// or <c>…:alias/&lt;name&gt;</c>; the Region must belong to the partition.
    /// </summary>
    public static bool TryParseArn(string s, int start, int length, out KmsArn arn)
    {
        arn = default;
        var end = start + length;
        if (length < 20 || string.CompareOrdinal(s, start, ArnPrefix, 0, ArnPrefix.Length) != 0)
            return false;

        var partitionStart = start + ArnPrefix.Length;
        var partitionEnd = IndexOf(s, ':', partitionStart, end);
        if (partitionEnd < 0)
            return false;
        var partition = Partitions.Parse(s, partitionStart, partitionEnd - partitionStart);
        if (partition == Partition.None)
            return false;

        var serviceStart = partitionEnd + 1;
        if (serviceStart + 4 > end || string.CompareOrdinal(s, serviceStart, "kms:", 0, 4) != 0)
            return false;

        var regionStart = serviceStart + 4;
        var regionEnd = IndexOf(s, ':', regionStart, end);
        if (regionEnd < 0 || !Partitions.IsRegionOf(partition, s, regionStart, regionEnd - regionStart))
            return false;

        var accountStart = regionEnd + 1;
        var accountEnd = accountStart + AccountIdLength;
        if (accountEnd >= end || !IsAccountId(s, accountStart, AccountIdLength) || s[accountEnd] != ':')
            return false;

        var resourceStart = accountEnd + 1;
        if (string.CompareOrdinal(s, resourceStart, "key/", 0, 4) == 0)
        {
            var idStart = resourceStart + 4;
            var idLength = end - idStart;
            if (!IsKeyId(s, idStart, idLength) && !IsMultiRegionKeyId(s, idStart, idLength))
                return false;
            arn = new KmsArn(s, start, length, regionStart, regionEnd - regionStart, accountStart, KmsResourceType.Key, idStart, partition);
            return true;
        }

        if (IsAliasName(s, resourceStart, end - resourceStart))
        {
            arn = new KmsArn(s, start, length, regionStart, regionEnd - regionStart, accountStart, KmsResourceType.Alias,
                resourceStart + AliasPrefix.Length, partition);
            return true;
        }

        return false;
    }

    public static bool TryParseArn(string s, out KmsArn arn) => TryParseArn(s, 0, s.Length, out arn);

    /// <summary>
    /// Characters that end a token inside a longer string: whitespace, quotes, list separators and brackets.
    /// A match must be a whole token, so <c>key/…-extra</c> or <c>xarn:…</c> never match.
    /// </summary>
    public static bool IsTokenDelimiter(char c) =>
        char.IsWhiteSpace(c) || c is '"' or '\'' or '`' or ',' or ';' or '(' or ')' or '[' or ']' or '{' or '}' or '<' or '>' or '=' or '|';

    /// <summary>
    /// Finds the next whole-token key ARN, alias ARN or multi-Region key id at or after <paramref name="from"/>; see
    /// <see cref="KmsTokenScanner"/>, which finds them all in one linear pass.
    /// </summary>
    public static bool TryFindToken(string text, int from, out KmsToken token, bool openStart = false, bool openEnd = false)
    {
        var scanner = new KmsTokenScanner(text, openStart, openEnd, from);
        return scanner.TryNext(out token);
    }

    private static int IndexOf(string s, char c, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (s[i] == c)
                return i;
        }

        return -1;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static bool IsAsciiLetterOrDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// <summary>
/// Scans a string for whole-token key ARNs, alias ARNs and multi-Region key ids, left to right, in linear time: the
/// positions of the next <c>arn:</c> and <c>mrk-</c> are kept between calls. A token that touches an open edge (the
/// side of a text part next to a non-constant interpolation hole) is not whole, so it is skipped.
/// </summary>
internal struct KmsTokenScanner
{
    private readonly string _text;
    private readonly bool _openStart;
    private readonly bool _openEnd;
    private int _next;
    private int _arnAt;
    private int _mrkAt;

    public KmsTokenScanner(string text, bool openStart = false, bool openEnd = false, int from = 0)
    {
        _text = text;
        _openStart = openStart;
        _openEnd = openEnd;
        _next = from;
        _arnAt = -2;
        _mrkAt = -2;
    }

    public bool TryNext(out KmsToken token)
    {
        token = default;
        var text = _text;
        while (_next < text.Length)
        {
            if (_arnAt != -1 && _arnAt < _next)
                _arnAt = text.IndexOf(KmsIdentifiers.ArnPrefix, _next, System.StringComparison.Ordinal);
            if (_mrkAt != -1 && _mrkAt < _next)
                _mrkAt = text.IndexOf(KmsIdentifiers.MultiRegionPrefix, _next, System.StringComparison.Ordinal);
            if (_arnAt < 0 && _mrkAt < 0)
            {
                _next = text.Length;
                return false;
            }

            var at = _arnAt < 0 ? _mrkAt : _mrkAt < 0 ? _arnAt : System.Math.Min(_arnAt, _mrkAt);
            var startsToken = at == 0 ? !_openStart : KmsIdentifiers.IsTokenDelimiter(text[at - 1]);
            if (!startsToken)
            {
                _next = at + 4;
                continue;
            }

            var end = at;
            while (end < text.Length && !KmsIdentifiers.IsTokenDelimiter(text[end]))
                end++;
            _next = end + 1; // no later match can start inside this token: its characters are not delimiters
            if (end == text.Length && _openEnd)
                continue;

            var length = end - at;
            if (at == _mrkAt)
            {
                if (KmsIdentifiers.IsMultiRegionKeyId(text, at, length))
                {
                    token = new KmsToken(text, at, length, KmsIdentifierKind.MultiRegionKeyId, default);
                    return true;
                }
            }
            else if (KmsIdentifiers.TryParseArn(text, at, length, out var arn))
            {
                var kind = arn.ResourceType == KmsResourceType.Key ? KmsIdentifierKind.KeyArn : KmsIdentifierKind.AliasArn;
                token = new KmsToken(text, at, length, kind, arn);
                return true;
            }
        }

        return false;
    }
}

/// <summary>A whole-token KMS identifier found inside a string.</summary>
internal readonly struct KmsToken
{
    public KmsToken(string source, int start, int length, KmsIdentifierKind kind, KmsArn arn)
    {
        Source = source;
        Start = start;
        Length = length;
        Kind = kind;
        Arn = arn;
    }

    public string Source { get; }
    public int Start { get; }
    public int Length { get; }
    public KmsIdentifierKind Kind { get; }

    /// <summary>The parsed ARN when <see cref="Kind"/> is a key or alias ARN.</summary>
    public KmsArn Arn { get; }

    public int End => Start + Length;
    public string Text => Source.Substring(Start, Length);

    /// <summary>The key id to look up in the alias map: the ARN's key id, or the multi-Region key id itself.</summary>
    public string KeyId => Kind == KmsIdentifierKind.KeyArn ? Arn.ResourceId : Text;

    /// <summary>
    /// An example copied from the AWS documentation (a documentation account or example key id), which the rules skip
    /// unless <c>kms_analyzers.report_documentation_accounts</c> asks for them.
    /// </summary>
    public bool IsDocumentationExample => Kind == KmsIdentifierKind.MultiRegionKeyId
        ? KmsIdentifiers.IsDocumentationKeyId(Source, Start, Length)
        : Arn.HasDocumentationAccount || Arn.HasDocumentationKeyId;
}
