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
    private string _head; // the start of the pieces read so far: a fragment may begin in the next piece and end here

    public FragmentScan(string[] fragments)
    {
        _fragments = fragments;
        _head = "";
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
            if ((Found & (1 << i)) == 0 && (text.IndexOf(_fragments[i], StringComparison.Ordinal) >= 0 || Spans(text, _head, _fragments[i])))
                Found |= 1 << i;
        }

        _head = text.Length >= MaxFragment ? text : text + (_head.Length > MaxFragment ? _head.Substring(0, MaxFragment) : _head);
    }

    /// <summary>Starts over, as after a piece whose text is not known.</summary>
    public void Reset()
    {
        _head = "";
        Length = 0;
        Found = 0;
    }

    // Whether the fragment starts in `left` and ends in `right`, split at some character.
    private static bool Spans(string left, string right, string fragment)
    {
        for (var split = 1; split < fragment.Length; split++)
        {
            var rest = fragment.Length - split;
            if (split <= left.Length && rest <= right.Length &&
                string.CompareOrdinal(left, left.Length - split, fragment, 0, split) == 0 &&
                string.CompareOrdinal(right, 0, fragment, split, rest) == 0)
                return true;
        }

        return false;
    }
}
