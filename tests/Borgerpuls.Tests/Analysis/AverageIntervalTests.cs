using Borgerpuls.Analysis;
using Borgerpuls.Domain;

namespace Borgerpuls.Tests.Analysis;

/// <summary>Seed 004 (Copenhagen, VIVE), base 100 per question. Intervals computed by hand:
/// mean of shares ± 1.959964 · √(Σ pᵢ(1−pᵢ)/100) / 7; pooled with the Wilson formula over 700 answers.</summary>
public sealed class AverageIntervalTests
{
    private static readonly int[] JobReadyPositive = [93, 80, 89, 85, 79, 44, 85];
    private static readonly int[] JobReadyNegative = [3, 6, 4, 7, 3, 18, 3];
    private static readonly int[] VulnerablePositive = [80, 57, 85, 72, 64, 48, 79];
    private static readonly int[] VulnerableNegative = [11, 19, 6, 14, 14, 20, 10];

    private static QuestionAverages Averages(int[] positive, int[] negative) => QuestionAverages.From(positive.Zip(negative, (p, n) =>
        QuestionFigures.From([new(Polarity.Positive, 5, p), new(Polarity.Neutral, 3, 100 - p - n), new(Polarity.Negative, 1, n)])).ToList());

    [Fact]
    public void Job_ready_mean_of_shares_and_pooled_intervals()
    {
        var a = Averages(JobReadyPositive, JobReadyNegative);
        // Σ p(1−p) = 0.9903 → SE = √0.009903/7 = 0.014216 → 79.29 % ± 2.79.
        Assert.Equal(0.764994, a.PositiveMeanOfQuestionsInterval!.Value.Low, 6);
        Assert.Equal(0.820720, a.PositiveMeanOfQuestionsInterval!.Value.High, 6);
        Assert.Equal(0.045264, a.NegativeMeanOfQuestionsInterval!.Value.Low, 6);
        Assert.Equal(0.080450, a.NegativeMeanOfQuestionsInterval!.Value.High, 6);
        // Equal bases: pooled = mean of shares = 555/700, Wilson [76.13 %; 82.12 %].
        Assert.Equal(555.0 / 700, a.PositivePooled!.Value, 10);
        Assert.Equal(0.761277, a.PositivePooledInterval!.Value.Low, 6);
        Assert.Equal(0.821241, a.PositivePooledInterval!.Value.High, 6);
        Assert.Equal(7, a.Questions);
        Assert.Equal(700, a.PooledBase);
    }

    [Fact]
    public void Vulnerable_negative_mean_of_shares_is_13_4()
    {
        var a = Averages(VulnerablePositive, VulnerableNegative);
        Assert.Equal(94.0 / 7 / 100, a.NegativeMeanOfQuestions!.Value, 10);
        Assert.Equal(0.109258, a.NegativeMeanOfQuestionsInterval!.Value.Low, 6);
        Assert.Equal(0.159314, a.NegativeMeanOfQuestionsInterval!.Value.High, 6);
    }

    [Fact]
    public void Memo_targets_on_the_memos_own_figures()
    {
        // Job-ready: 6.29 % negative against "at most 6 %" → not met; 6 % lies inside [4.53 %; 8.05 %] → not significant.
        var jobReady = Averages(JobReadyPositive, JobReadyNegative);
        var negative = TargetStatus.Evaluate(jobReady.NegativeMeanOfQuestions!.Value, jobReady.NegativeMeanOfQuestionsInterval, 0.06, TargetDirection.AtMost);
        Assert.False(negative.Met);
        Assert.False(negative.Significant);
        // Job-ready: 79.29 % against "at least 79 %" → met (the unrounded value decides), not significant.
        var positive = TargetStatus.Evaluate(jobReady.PositiveMeanOfQuestions!.Value, jobReady.PositiveMeanOfQuestionsInterval, 0.79, TargetDirection.AtLeast);
        Assert.True(positive.Met);
        Assert.False(positive.Significant);
        // Vulnerable: 69.29 % against "at least 68 %" → met; 68 % lies inside [65.99 %; 72.58 %].
        var vulnerable = Averages(VulnerablePositive, VulnerableNegative);
        var status = TargetStatus.Evaluate(vulnerable.PositiveMeanOfQuestions!.Value, vulnerable.PositiveMeanOfQuestionsInterval, 0.68, TargetDirection.AtLeast);
        Assert.True(status.Met);
        Assert.False(status.Significant);
    }

    [Fact]
    public void A_clearly_met_target_is_significant()
    {
        // 21 of 700 negative = 3 %, Wilson [1.97 %; 4.54 %] lies wholly below 6 %.
        var status = TargetStatus.Evaluate(21.0 / 700, Proportion.Wilson(21, 700), 0.06, TargetDirection.AtMost);
        Assert.True(status.Met);
        Assert.True(status.Significant);
    }

    [Fact]
    public void Questions_without_a_base_are_left_out_of_both_averages()
    {
        var empty = QuestionFigures.From([new(Polarity.Excluded, null, 9)]);
        var half = QuestionFigures.From([new(Polarity.Positive, 5, 5), new(Polarity.Negative, 1, 5)]);
        var a = QuestionAverages.From([empty, half]);
        Assert.Equal(1, a.Questions);
        Assert.Equal(0.5, a.PositiveMeanOfQuestions!.Value, 10);
        Assert.Null(QuestionAverages.From([empty]).PositivePooled);
    }

    [Fact]
    public void Documented_example_of_eighteen_answers()
    {
        // docs/analysis.md: 8×5, 4×4, 3×3, 2×2, 1×1 and 2 × "ved ikke".
        var q = QuestionFigures.From([
            new(Polarity.Positive, 5, 8), new(Polarity.Positive, 4, 4), new(Polarity.Neutral, 3, 3),
            new(Polarity.Negative, 2, 2), new(Polarity.Negative, 1, 1), new(Polarity.Excluded, null, 2),
        ]);
        Assert.Equal(18, q.Base);
        Assert.Equal(70.0 / 18, q.Mean!.Value, 10);
        // s = 1.278275 → 3.8889 ± 1.959964 · 1.278275/√18.
        Assert.Equal(3.298367, q.MeanInterval!.Value.Low, 6);
        Assert.Equal(4.479411, q.MeanInterval!.Value.High, 6);
        Assert.Equal(0.437495, q.PositiveInterval!.Value.Low, 6);
        Assert.Equal(0.837212, q.PositiveInterval!.Value.High, 6);
    }
}
