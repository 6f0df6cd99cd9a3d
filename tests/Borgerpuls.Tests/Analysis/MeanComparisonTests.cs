using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

/// <summary>Welch figures computed by hand: t = (m₁ − m₂)/√(s₁²/n₁ + s₂²/n₂), Welch–Satterthwaite df, and the two-sided p
/// from the t distribution integrated numerically (Simpson, 200 000 steps) — independently of MathNet.</summary>
public sealed class MeanComparisonTests
{
    [Fact]
    public void Welch_40_at_3_9_against_25_at_3_3()
    {
        // s₁²/n₁ = 1.21/40 = 0.03025, s₂²/n₂ = 1.96/25 = 0.0784, SE = 0.329165, t = 0.6/SE = 1.822724,
        // df = 0.10865² / (0.03025²/39 + 0.0784²/24) = 42.2250, p = 0.075810.
        var result = MeanComparison.Welch(new MeanSample(40, 3.9, 1.1), new MeanSample(25, 3.3, 1.4));
        Assert.Equal(0.6, result.Difference, 10);
        Assert.Equal(1.8202724, result.T, 6);
        Assert.Equal(42.224955, result.DegreesOfFreedom, 1e-5);
        Assert.Equal(0.075810, result.PValue, 1e-5);
        Assert.False(result.Significant);
    }

    [Fact]
    public void Welch_large_groups_is_significant()
    {
        // 100 at 4.1 (sd 0.9) against 100 at 3.8 (sd 1.0): t = 0.3/√0.0181 = 2.229882, df = 195.842, p = 0.026891.
        var result = MeanComparison.Welch(new MeanSample(100, 4.1, 0.9), new MeanSample(100, 3.8, 1.0));
        Assert.Equal(2.2298824, result.T, 6);
        Assert.Equal(195.84198, result.DegreesOfFreedom, 1e-4);
        Assert.Equal(0.026891, result.PValue, 1e-5);
        Assert.True(result.Significant);
    }

    [Fact]
    public void Sample_from_sums_uses_the_sample_standard_deviation()
    {
        // Values 1..5 once each: Σ = 15, Σ² = 55, mean 3, s² = (55 − 45)/4 = 2.5.
        var sample = MeanSample.FromSums(5, 15, 55);
        Assert.Equal(3, sample.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), sample.StandardDeviation, 12);
    }

    [Fact]
    public void Equal_means_give_p_one_and_groups_of_one_are_refused()
    {
        Assert.Equal(1, MeanComparison.Welch(new MeanSample(12, 3.0, 1.2), new MeanSample(12, 3.0, 1.5)).PValue, 10);
        Assert.Equal(1, MeanComparison.Welch(new MeanSample(5, 4, 0), new MeanSample(7, 4, 0)).PValue);
        Assert.Equal(0, MeanComparison.Welch(new MeanSample(5, 4, 0), new MeanSample(7, 3, 0)).PValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanComparison.Welch(new MeanSample(1, 4, 0), new MeanSample(7, 3, 1)));
    }
}
