using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

public sealed class ComparisonTests
{
    [Fact]
    public void Two_proportion_z_test_45_of_100_against_30_of_100()
    {
        // Pooled p = 0.375, SE = √(0.375·0.625·0.02) = 0.068465, z = 0.15 / SE = 2.19089, two-sided p = 0.028460.
        var result = Comparison.Proportions(45, 100, 30, 100);
        Assert.Equal(ComparisonTest.TwoProportionZ, result.Test);
        Assert.Equal(0.15, result.Difference, 10);
        Assert.Equal(0.028460, result.PValue, 5);
        Assert.True(result.Significant);
    }

    [Fact]
    public void Small_expected_counts_use_fishers_exact_test_lady_tasting_tea()
    {
        // Fisher's tea-tasting table [[3, 1], [1, 3]]: two-sided p = 34/70 = 0.485714.
        var result = Comparison.Proportions(3, 4, 1, 4);
        Assert.Equal(ComparisonTest.FisherExact, result.Test);
        Assert.Equal(34.0 / 70, result.PValue, 6);
        Assert.False(result.Significant);
    }

    [Fact]
    public void Fisher_one_sided_extreme_table()
    {
        // [[5, 0], [0, 5]]: two tables as extreme (each 1/252) → p = 2/252.
        Assert.Equal(2.0 / 252, Comparison.FisherTwoSided(5, 0, 0, 5), 8);
    }

    [Fact]
    public void Equal_shares_are_not_significant()
    {
        var result = Comparison.Proportions(80, 100, 160, 200);
        Assert.Equal(0, result.Difference, 10);
        Assert.Equal(1, result.PValue, 6);
    }
}
