using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

/// <summary>Fisher probabilities counted by hand from the hypergeometric distribution, z-test p-values from erfc.</summary>
public sealed class ComparisonEdgeTests
{
    [Fact]
    public void Fisher_counts_tables_exactly_as_likely_as_the_observed_one()
    {
        // Margins 5/5/5/5: table probabilities ∝ C(5,x)·C(5,5−x) = 1, 25, 100, 100, 25, 1 (of 252). Observed x = 1 (25);
        // x = 4 is exactly as likely and must count despite floating-point rounding: p = (1+25+25+1)/252 = 13/63.
        Assert.Equal(13.0 / 63, Comparison.FisherTwoSided(1, 4, 4, 1), 10);
        // x = 2 and x = 3 tie at the most likely table: every table counts, p = 1.
        Assert.Equal(1, Comparison.FisherTwoSided(2, 3, 3, 2), 10);
    }

    [Fact]
    public void Fisher_dieting_example()
    {
        // The textbook table [[1, 9], [11, 3]] (Wikipedia, "Fisher's exact test"): two-sided p = 0.002759.
        Assert.Equal(0.0027594562, Comparison.FisherTwoSided(1, 9, 11, 3), 9);
    }

    [Fact]
    public void An_expected_count_of_exactly_five_still_uses_the_z_test()
    {
        // 7/10 against 3/10: every expected count is 5, not below 5. z = 0.4/√(0.5·0.5·0.2) = 1.788854, p = 0.073638.
        var result = Comparison.Proportions(7, 10, 3, 10);
        Assert.Equal(ComparisonTest.TwoProportionZ, result.Test);
        Assert.Equal(0.073638, result.PValue, 5);
        Assert.False(result.Significant);
    }

    [Fact]
    public void An_expected_count_just_below_five_switches_to_fisher()
    {
        // 7/10 against 2/10: expected successes 4.5 → Fisher, [[7, 3], [2, 8]] p = 0.069779.
        var result = Comparison.Proportions(7, 10, 2, 10);
        Assert.Equal(ComparisonTest.FisherExact, result.Test);
        Assert.Equal(0.5, result.Difference, 10);
        Assert.Equal(0.069779, result.PValue, 5);
    }

    [Fact]
    public void Direction_of_the_difference_is_a_minus_b()
    {
        var result = Comparison.Proportions(30, 100, 45, 100);
        Assert.Equal(-0.15, result.Difference, 10);
        Assert.Equal(0.028460, result.PValue, 5);
    }
}
