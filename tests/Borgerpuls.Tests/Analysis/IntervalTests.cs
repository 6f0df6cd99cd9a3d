using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

/// <summary>Expected values computed by hand from the Wilson formula (z = 1.959964), not by the code under test.</summary>
public sealed class IntervalTests
{
    [Theory]
    [InlineData(93, 100, 0.8625049, 0.9656807)]
    [InlineData(0, 10, 0.0, 0.2775328)]
    [InlineData(10, 10, 0.7224672, 1.0)]
    [InlineData(44, 700, 0.0471545, 0.0833315)]
    public void Wilson_interval_matches_hand_computation(long x, long n, double low, double high)
    {
        var interval = Proportion.Wilson(x, n);
        Assert.Equal(low, interval.Low, 1e-6);
        Assert.Equal(high, interval.High, 1e-6);
    }

    [Fact]
    public void Mean_interval_of_one_to_five_is_three_plus_minus_1_386()
    {
        // Values 1..5 once each: mean 3, sample sd √2.5, se √0.5, half-width 1.959964 × 0.707107 = 1.385904.
        var interval = Proportion.Mean(5, 15, 55);
        Assert.Equal(1.614096, interval.Low, 1e-6);
        Assert.Equal(4.385904, interval.High, 1e-6);
    }

    [Fact]
    public void Question_figures_count_excluded_answers_outside_the_base()
    {
        var figures = QuestionFigures.From([
            new(Borgerpuls.Domain.Polarity.Positive, 5, 30), new(Borgerpuls.Domain.Polarity.Positive, 4, 40), new(Borgerpuls.Domain.Polarity.Neutral, 3, 10),
            new(Borgerpuls.Domain.Polarity.Negative, 2, 15), new(Borgerpuls.Domain.Polarity.Negative, 1, 5), new(Borgerpuls.Domain.Polarity.Excluded, null, 12),
        ]);
        Assert.Equal(100, figures.Base);
        Assert.Equal(12, figures.Excluded);
        Assert.Equal(0.70, figures.PositiveShare!.Value, 10);
        Assert.Equal(0.10, figures.NeutralShare!.Value, 10);
        Assert.Equal(0.20, figures.NegativeShare!.Value, 10);
        Assert.Equal((150 + 160 + 30 + 30 + 5) / 100.0, figures.Mean!.Value, 10);
    }

    [Fact]
    public void An_empty_base_has_no_shares()
    {
        var figures = QuestionFigures.From([new(Borgerpuls.Domain.Polarity.Excluded, null, 4)]);
        Assert.Equal(0, figures.Base);
        Assert.Null(figures.PositiveShare);
        Assert.Null(figures.Mean);
    }
}
