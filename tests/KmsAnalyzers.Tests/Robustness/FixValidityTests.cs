using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace KmsAnalyzers.Tests.Robustness;

/// <summary>
/// Issue item 4: every fix and every Fix All (document scope, per equivalence key) on every corpus input and on the
/// sample apps (LegacyKmsApp, and the CDK sample KeyInfrastructure for KMS0006/KMS0007) yields code that parses, adds
/// no compiler error, keeps every comment and directive, and is stable when the same fix is applied again.
/// </summary>
public sealed class FixValidityTests
{
    private readonly ITestOutputHelper _output;

    public FixValidityTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// What each corpus input guarantees: at least this many single fixes applied and Fix All runs that changed the
    /// code (counted when the sweep began to assert them). A change that stops offering fixes fails here instead of
    /// passing a sweep that checked nothing. Zero where the corpus input is about a fix being withheld.
    /// </summary>
    private static readonly Dictionary<string, (int FixActions, int FixAlls)> Floors = new()
    {
        ["kms0001-alias-withheld-through-flow"] = (0, 0),
        ["kms0001-arn-and-separate-mrk-in-one-string"] = (2, 1),
        ["kms0001-attribute-default-case"] = (6, 4),
        ["kms0001-comment-inside-concatenation"] = (0, 0),
        ["kms0001-concatenation"] = (11, 4),
        ["kms0001-const-regular-with-trivia"] = (8, 4),
        ["kms0001-constant-interpolation"] = (14, 2),
        ["kms0001-derive-off"] = (0, 0),
        ["kms0001-dictionary-and-array"] = (8, 2),
        ["kms0001-documentation-accounts-reported-on-request"] = (8, 2),
        ["kms0001-members-and-locals"] = (16, 4),
        ["kms0001-other-partitions"] = (10, 4),
        ["kms0001-runtime-interpolation-text"] = (4, 2),
        ["kms0001-several-in-one-string"] = (3, 2),
        ["kms0001-sinks"] = (7, 4),
        ["kms0001-switch-on-regional-arns-of-one-mrk"] = (3, 2),
        ["kms0001-top-level-statements"] = (6, 2),
        ["kms0001-unicode-escapes"] = (8, 4),
        ["kms0001-utf8"] = (6, 2),
        ["kms0001-verbatim-and-raw"] = (7, 4),
        ["kms0002-forms"] = (13, 1),
        ["kms0002-request"] = (3, 1),
        ["kms0003-client-forms"] = (25, 5),
        ["kms0003-client-from-another-class"] = (21, 7),
        ["kms0003-client-passed-to-a-constructor"] = (4, 2),
        ["kms0003-config-set-after-creation"] = (6, 3),
        ["kms0003-field-pinned-in-constructor"] = (9, 4),
        ["kms0003-home-regions"] = (2, 1),
        ["kms0003-partial-and-nested"] = (15, 5),
        ["kms0003-reencrypt-sync-alias-arn"] = (19, 6),
        ["kms0003-remove-key-with-comments"] = (8, 4),
        ["kms0003-replica-pattern"] = (3, 1),
        ["kms0003-top-level"] = (10, 5),
        ["kms0003-trailing-comments"] = (6, 3),
        ["kms0004-flows-to-sinks"] = (8, 4),
        ["kms0004-no-alias-sinks"] = (0, 0),
        ["kms0004-top-level"] = (4, 2),
        ["kms0005-alias-arn-forms"] = (6, 1),
        ["kms0008-key-management-no-alias"] = (5, 1),
        ["kms0008-operation-families"] = (33, 12),
        ["kms0008-top-level"] = (8, 4),
        ["near-misses-comments-runtime-values-one-real-arn"] = (4, 2),
        ["silent-generated-code"] = (0, 0),
        ["silent-uuids-that-are-not-keys"] = (0, 0),
    };

    public static TheoryData<string> CorpusNames()
    {
        var data = new TheoryData<string>();
        foreach (var entry in RobustnessCorpus.Entries)
            data.Add(entry.Name);

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public async Task Every_fix_and_fix_all_is_valid_on_the_corpus(string name)
    {
        var tally = new Tally();
        await FixChecker.CheckAsync(RobustnessCorpus.Get(name).ToInput(), tally);
        tally.Print(_output, "Fix validity, " + name);
        tally.AssertClean();
        Assert.True(Floors.TryGetValue(name, out var floor), $"corpus input '{name}' has no entry in {nameof(Floors)}");
        tally.AssertFixedAtLeast(floor.FixActions, floor.FixAlls);
    }

    // ---- Fixed bugs (regression tests) ----

    [Fact]
    public async Task Alias_fix_is_withheld_where_it_would_delete_comments_between_the_parts_of_a_concatenation()
    {
        var tally = new Tally();
        await FixChecker.CheckAsync(RobustnessCorpus.Get("kms0001-comment-inside-concatenation").ToInput(), tally);
        tally.AssertClean();
        Assert.Equal(2, tally.Diagnostics);
        Assert.Equal(0, tally.FixActions);
    }

    [Fact]
    public Task Remove_key_fix_keeps_the_comment_at_the_end_of_the_removed_line() => AssertFixesValidAsync("kms0003-trailing-comments");

    [Fact]
    public Task Fix_all_does_not_make_two_case_labels_equal() => AssertFixesValidAsync("kms0001-switch-on-regional-arns-of-one-mrk");

    [Fact]
    public Task Fix_all_fixes_a_string_with_a_key_arn_and_a_separate_mrk_id_in_one_pass() => AssertFixesValidAsync("kms0001-arn-and-separate-mrk-in-one-string");

    private async Task AssertFixesValidAsync(string name)
    {
        var tally = new Tally();
        await FixChecker.CheckAsync(RobustnessCorpus.Get(name).ToInput(), tally);
        tally.Print(_output, "Fix validity, " + name);
        tally.AssertClean();
        tally.AssertFixedAtLeast(1, 1); // the regression is about a fix: it must have been offered and applied
    }

    [Fact]
    public async Task Every_fix_and_fix_all_is_valid_on_the_sample_app()
    {
        var tally = new Tally();
        await FixChecker.CheckAsync(Harness.SampleApp(), tally);
        tally.Print(_output, "Fix validity, sample app");
        tally.AssertClean();
        tally.AssertFixedAtLeast(41, 20);
    }

    [Fact]
    public async Task Every_fix_and_fix_all_is_valid_on_the_cdk_sample_app()
    {
        var tally = new Tally();
        await FixChecker.CheckAsync(Harness.CdkSampleApp(), tally);
        tally.Print(_output, "Fix validity, CDK sample app");
        tally.AssertClean();
        tally.AssertFixedAtLeast(5, 2);
    }
}
