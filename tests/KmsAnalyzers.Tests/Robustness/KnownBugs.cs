using System.Collections.Generic;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>
/// Corpus inputs that hit a known bug in src, left out of the sweeps so that they stay green; each has a skipped
/// repro test named here. Remove the entry when the bug is fixed and the repro test passes.
/// </summary>
internal static class KnownBugs
{
    /// <summary>Corpus entry name → the skipped repro test that covers it.</summary>
    public static readonly IReadOnlyDictionary<string, string> FixValidity = new Dictionary<string, string>
    {
        ["kms0001-switch-on-regional-arns-of-one-mrk"] = nameof(FixValidityTests.Fix_all_does_not_make_two_case_labels_equal),
    };
}
