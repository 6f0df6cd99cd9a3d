using Borgerpuls.Analysis;
using Borgerpuls.Domain;

namespace Borgerpuls.Tests.Analysis;

/// <summary>Where the memo's 68 % / 13 % for vulnerable citizens can come from (docs/analysis.md, seed 004). The plain mean of
/// its rounded shares is 69.3 % / 13.4 %; pooling over answers with unequal bases can give both published figures.</summary>
public sealed class Seed004WeightingTests
{
    private static readonly int[] Positive = [80, 57, 85, 72, 64, 48, 79];
    private static readonly int[] Negative = [11, 19, 6, 14, 14, 20, 10];

    private static QuestionFigures Question(int positivePercent, int negativePercent, int n) => QuestionFigures.From([
        new(Polarity.Positive, 5, positivePercent * n / 100),
        new(Polarity.Neutral, 3, (100 - positivePercent - negativePercent) * n / 100),
        new(Polarity.Negative, 1, negativePercent * n / 100),
    ]);

    [Fact]
    public void Unequal_bases_give_68_2_and_13_4_pooled_from_the_same_shares()
    {
        // Questions 3, 5 and 6 answered by 200, the others by 100 (1 000 answers):
        // positive (80+57+2·85+72+2·64+2·48+79)/1000 = 682/1000; negative (11+19+2·6+14+2·14+2·20+10)/1000 = 134/1000.
        int[] bases = [100, 100, 200, 100, 200, 200, 100];
        var averages = QuestionAverages.From(Positive.Select((p, i) => Question(p, Negative[i], bases[i])).ToList());

        Assert.Equal(0.682, averages.PositivePooled!.Value, 10);
        Assert.Equal(0.134, averages.NegativePooled!.Value, 10);
        Assert.Equal(68, Math.Round(averages.PositivePooled!.Value * 100));
        Assert.Equal(13, Math.Round(averages.NegativePooled!.Value * 100));
        // The mean of question shares ignores the bases and stays at 485/7 and 94/7.
        Assert.Equal(485.0 / 700, averages.PositiveMeanOfQuestions!.Value, 10);
        Assert.Equal(94.0 / 700, averages.NegativeMeanOfQuestions!.Value, 10);
        Assert.Equal(1000, averages.PooledBase);
    }

    [Theory]
    [InlineData(0, 405.0 / 6, 83.0 / 6)] // without "samtale": 67.5 % / 13.8 % → 68 / 14
    [InlineData(6, 406.0 / 6, 84.0 / 6)] // without "inddrager": 67.7 % / 14.0 % → 68 / 14
    public void Dropping_one_question_reaches_68_but_never_13_at_the_same_time(int dropped, double positivePercent, double negativePercent)
    {
        var questions = Positive.Select((p, i) => (p, i)).Where(x => x.i != dropped).Select(x => Question(x.p, Negative[x.i], 100)).ToList();
        var averages = QuestionAverages.From(questions);
        Assert.Equal(positivePercent / 100, averages.PositiveMeanOfQuestions!.Value, 10);
        Assert.Equal(negativePercent / 100, averages.NegativeMeanOfQuestions!.Value, 10);
        Assert.Equal(14, Math.Round(averages.NegativeMeanOfQuestions!.Value * 100));
    }
}
