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
    }

    // ---- Fixed bugs (regression tests) ----

    [Fact]
    public Task Alias_fix_on_a_concatenation_keeps_the_comments_between_its_parts() => AssertFixesValidAsync("kms0001-comment-inside-concatenation");

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
    }

    [Fact]
    public async Task Every_fix_and_fix_all_is_valid_on_the_sample_app()
    {
        var tally = new Tally();
        await FixChecker.CheckAsync(Harness.SampleApp(), tally);
        tally.Print(_output, "Fix validity, sample app");
        tally.AssertClean();
    }

    [Fact]
    public async Task Every_fix_and_fix_all_is_valid_on_the_cdk_sample_app()
    {
        var tally = new Tally();
        await FixChecker.CheckAsync(Harness.CdkSampleApp(), tally);
        tally.Print(_output, "Fix validity, CDK sample app");
        tally.AssertClean();
    }
}
