using Borgerpuls.Analysis;
using Borgerpuls.Domain;

namespace Borgerpuls.Tests.Analysis;

/// <summary>The published figures of seeds 004 (Copenhagen, VIVE) and 002 (Rødovre, Rambøll), rebuilt from answer counts.</summary>
public sealed class SeedFigureTests
{
    private static readonly int[] JobReadyPositive = [93, 80, 89, 85, 79, 44, 85];
    private static readonly int[] JobReadyNegative = [3, 6, 4, 7, 3, 18, 3];
    private static readonly int[] VulnerablePositive = [80, 57, 85, 72, 64, 48, 79];
    private static readonly int[] VulnerableNegative = [11, 19, 6, 14, 14, 20, 10];

    private static QuestionFigures Question(int positivePercent, int negativePercent, int n = 100) => QuestionFigures.From([
        new(Polarity.Positive, 5, positivePercent * n / 100),
        new(Polarity.Neutral, 3, (100 - positivePercent - negativePercent) * n / 100),
        new(Polarity.Negative, 1, negativePercent * n / 100),
    ]);

    [Fact]
    public void Job_ready_citizens_average_79_percent_positive_and_6_percent_negative()
    {
        var averages = QuestionAverages.From(JobReadyPositive.Zip(JobReadyNegative, (p, n) => Question(p, n)).ToList());
        Assert.Equal(555.0 / 7 / 100, averages.PositiveMeanOfQuestions!.Value, 10); // 79.29 % → "79 pct."
        Assert.Equal(44.0 / 7 / 100, averages.NegativeMeanOfQuestions!.Value, 10);  // 6.29 % → "6 pct."
        Assert.Equal(79, Math.Round(averages.PositiveMeanOfQuestions!.Value * 100));
        Assert.Equal(6, Math.Round(averages.NegativeMeanOfQuestions!.Value * 100));
    }

    [Fact]
    public void Vulnerable_citizens_mean_of_question_shares_is_69_3_not_the_memos_68()
    {
        var averages = QuestionAverages.From(VulnerablePositive.Zip(VulnerableNegative, (p, n) => Question(p, n)).ToList());
        Assert.Equal(485.0 / 7 / 100, averages.PositiveMeanOfQuestions!.Value, 10); // 69.29 %
        Assert.Equal(69, Math.Round(averages.PositiveMeanOfQuestions!.Value * 100));
        Assert.Equal(13, Math.Round(averages.NegativeMeanOfQuestions!.Value * 100)); // 94/7 = 13.43 %
    }

    [Fact]
    public void Pooled_with_unequal_bases_can_give_68_percent_from_the_same_shares()
    {
        // The two progress questions answered by twice as many: (80+57+85+72+64+2·48+2·79) / 900 = 612/900 = 68.0 %.
        int[] bases = [100, 100, 100, 100, 100, 200, 200];
        var questions = VulnerablePositive.Zip(VulnerableNegative).Select((pn, i) => Question(pn.First, pn.Second, bases[i])).ToList();
        var averages = QuestionAverages.From(questions);
        Assert.Equal(0.68, averages.PositivePooled!.Value, 10);
        Assert.Equal(485.0 / 7 / 100, averages.PositiveMeanOfQuestions!.Value, 10);
    }

    [Fact]
    public void Roedovre_overall_54_21_25()
    {
        // delvist5: 5 and 4 positive, "Delvist tilfreds" (3) neutral, 2 and 1 negative.
        var overall = QuestionFigures.From([
            new(Polarity.Positive, 5, 20), new(Polarity.Positive, 4, 34), new(Polarity.Neutral, 3, 21), new(Polarity.Negative, 2, 15), new(Polarity.Negative, 1, 10),
        ]);
        Assert.Equal(0.54, overall.PositiveShare!.Value, 10);
        Assert.Equal(0.21, overall.NeutralShare!.Value, 10);
        Assert.Equal(0.25, overall.NegativeShare!.Value, 10);
        Assert.Equal(3.39, overall.Mean!.Value, 10);
    }
}
