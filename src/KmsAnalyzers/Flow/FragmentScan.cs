using System;

namespace KmsAnalyzers.Flow;

/// <summary>
/// The length of a string read in pieces from its end to its start, and which of some short fragments occur in it
/// (bit i for fragment i), also across the boundary of two pieces: <c>"ar" + "n:aws:kms:…"</c> holds <c>arn:</c>.
/// No piece is copied into a whole value.
/// </summary>
internal struct FragmentScan
{
    /// <summary>The longest fragment a scan looks for.</summary>
    public const int MaxFragment = 8;

    private readonly string[] _fragments;
    // The first characters of the pieces read so far, MaxFragment at most, 16 bits each (0-3 in the low word, 4-7 in
    // the high one): a fragment may begin in the next piece and end here. Kept in the struct, so a scan allocates nothing.
    private ulong _headLow, _headHigh;
    private int _headLength;

    public FragmentScan(string[] fragments)
    {
        _fragments = fragments;
        _headLow = _headHigh = 0;
        _headLength = 0;
        Length = 0;
        Found = 0;
    }

    public int Length { get; private set; }
    public int Found { get; private set; }

    /// <summary>The piece that comes before all the pieces read so far.</summary>
    public void Term(string text)
    {
        Length += text.Length;
        for (var i = 0; i < _fragments.Length; i++)
        {
            if ((Found & (1 << i)) == 0 && (text.IndexOf(_fragments[i], StringComparison.Ordinal) >= 0 || Spans(text, _fragments[i])))
                Found |= 1 << i;
        }

        // The new head: this piece's first characters, then the old head's.
        var copied = Math.Min(text.Length, MaxFragment);
        if (copied == 0)
            return;
        var kept = Math.Min(_headLength, MaxFragment - copied);
        ulong low = 0, high = 0;
        for (var i = 0; i < copied + kept; i++)
        {
            ulong c = i < copied ? text[i] : Head(i - copied);
            if (i < 4)
                low |= c << (16 * i);
            else
                high |= c << (16 * (i - 4));
        }

        _headLow = low;
        _headHigh = high;
        _headLength = copied + kept;
    }

    private char Head(int index) => (char)((index < 4 ? _headLow >> (16 * index) : _headHigh >> (16 * (index - 4))) & 0xFFFF);

    /// <summary>Starts over, as after a piece whose text is not known.</summary>
    public void Reset()
    {
        _headLow = _headHigh = 0;
        _headLength = 0;
        Length = 0;
        Found = 0;
    }

    // Whether the fragment starts at the end of `left` and ends in the head, split at some character. Compared char by
    // char, last character first: this runs for every term of every constant concatenation and almost always fails there.
    private bool Spans(string left, string fragment)
    {
        if (_headLength == 0 || left.Length == 0)
            return false;
        var last = left[left.Length - 1];
        for (var split = 1; split < fragment.Length; split++)
        {
            var rest = fragment.Length - split;
            if (fragment[split - 1] != last || split > left.Length || rest > _headLength)
                continue;
            var matches = true;
            for (var i = 0; i < split - 1 && matches; i++)
                matches = left[left.Length - split + i] == fragment[i];
            for (var i = 0; i < rest && matches; i++)
                matches = Head(i) == fragment[split + i];
            if (matches)
                return true;
        }

        return false;
    }
}
