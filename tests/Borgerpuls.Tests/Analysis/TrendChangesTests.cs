using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

public sealed class TrendChangesTests
{
    [Fact]
    public void A_significant_rise_is_flagged_and_a_small_one_is_not()
    {
        // 60/100 → 75/100: pooled 0.675, SE = √(0.675·0.325·0.02) = 0.066239, z = 2.264554, p = 0.023540 → flagged.
        // 75/100 → 78/100: pooled 0.765, z = 0.500313, p = 0.616855 → not flagged.
        var points = TrendChanges.Flag([new("2025-Q1", 60, 100), new("2025-Q2", 75, 100), new("2025-Q3", 78, 100)]);

        Assert.Null(points[0].VsPrevious);
        Assert.False(points[0].Flagged);
        Assert.Equal(0.15, points[1].VsPrevious!.Difference, 10);
        Assert.Equal(0.023540, points[1].VsPrevious!.PValue, 1e-6);
        Assert.True(points[1].Flagged);
        Assert.Equal(0.616855, points[2].VsPrevious!.PValue, 1e-6);
        Assert.False(points[2].Flagged);
        Assert.Equal(0.78, points[2].Share!.Value, 10);
    }

    [Fact]
    public void A_period_below_the_threshold_has_no_figures_and_breaks_the_comparison()
    {
        // 3 answers in February are below k = 5: February shows nothing, and March is not compared with it
        // (the difference would reveal February's share) nor with January (not the previous period).
        var points = TrendChanges.Flag([new("2025-01", 10, 50), new("2025-02", 3, 3), new("2025-03", 45, 50)], minimumBase: 5);

        Assert.Null(points[1].Share);
        Assert.Null(points[1].ShareInterval);
        Assert.Null(points[1].VsPrevious);
        Assert.Null(points[2].VsPrevious);
        Assert.Equal(0.9, points[2].Share!.Value, 10);
    }

    [Fact]
    public void A_period_hidden_for_another_reason_breaks_the_comparison_like_one_below_the_threshold()
    {
        // February has 40 answers but is hidden (complementary suppression): no figures, and neither January→February nor
        // February→March is tested; 30/40 → 12/40 across it would be significant (z = 4.03) and must not be flagged.
        var points = TrendChanges.Flag([new("2025-01", 30, 40), new("2025-02", 20, 40) { Hidden = true }, new("2025-03", 12, 40)], minimumBase: 5);

        Assert.Null(points[1].Share);
        Assert.Null(points[1].VsPrevious);
        Assert.Null(points[2].VsPrevious);
        Assert.False(points[2].Flagged);
        Assert.Equal(0.3, points[2].Share!.Value, 10);
    }

    [Fact]
    public void Small_periods_are_compared_with_fishers_exact_test()
    {
        // 7/10 against 2/10: expected successes 4.5 < 5 → Fisher; [[7,3],[2,8]] two-sided p = 0.069779.
        var points = TrendChanges.Flag([new("a", 2, 10), new("b", 7, 10)]);
        Assert.Equal(ComparisonTest.FisherExact, points[1].VsPrevious!.Test);
        Assert.Equal(0.069779, points[1].VsPrevious!.PValue, 5);
        Assert.False(points[1].Flagged);
    }
}
