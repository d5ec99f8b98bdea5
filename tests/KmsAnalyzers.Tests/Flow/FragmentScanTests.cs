using KmsAnalyzers.Flow;
using KmsAnalyzers.Identifiers;
using Xunit;

namespace KmsAnalyzers.Tests.Flow;

/// <summary>The fragment scan of a value read in pieces, right to left: every way a fragment can fall across pieces.</summary>
public sealed class FragmentScanTests
{
    private static readonly string[] Fragments = { KmsIdentifiers.KmsServiceField, KmsIdentifiers.ArnPrefix, KmsIdentifiers.MultiRegionPrefix, KmsIdentifiers.AliasResourceField };

    [Theory]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:key/mrk-0b1c", 0b0111)]
    [InlineData("arn:aws:kms:eu-west-1:210987654321:alias/orders", 0b1011)]
    [InlineData("SELECT id FROM orders WHERE created > @since -- arn", 0)]
    [InlineData("xbrn:aws:kns:eu-west-1:nrk-0b1c:elias/", 0)] // look-alikes: every fragment but one character
    [InlineData("mrk-", 0b0100)]
    [InlineData("x:alias/", 0b1000)]
    public void Finds_each_fragment_at_every_split_into_two_and_three_pieces(string value, int expected)
    {
        Assert.Equal(expected, Scan(value));
        for (var first = 0; first <= value.Length; first++)
        {
            Assert.Equal(expected, Scan(value.Substring(0, first), value.Substring(first)));
            for (var second = first; second <= value.Length; second++)
                Assert.Equal(expected, Scan(value.Substring(0, first), value.Substring(first, second - first), value.Substring(second)));
        }
    }

    [Fact]
    public void Counts_the_length_of_all_pieces_and_starts_over_on_reset()
    {
        var scan = new FragmentScan(Fragments);
        scan.Term("n:aws:kms:eu");
        scan.Term("ar");
        Assert.Equal(14, scan.Length);
        Assert.Equal(0b0011, scan.Found);

        scan = new FragmentScan(Fragments);
        scan.Term("n:aws:kms:eu");
        scan.Reset();
        scan.Term("ar");
        Assert.Equal(2, scan.Length);
        Assert.Equal(0, scan.Found); // "ar" + "n:" is not read across a reset
    }

    // The pieces in source order; the scan reads them from the last to the first.
    private static int Scan(params string[] pieces)
    {
        var scan = new FragmentScan(Fragments);
        for (var i = pieces.Length - 1; i >= 0; i--)
            scan.Term(pieces[i]);
        Assert.Equal(string.Concat(pieces).Length, scan.Length);
        return scan.Found;
    }
}
