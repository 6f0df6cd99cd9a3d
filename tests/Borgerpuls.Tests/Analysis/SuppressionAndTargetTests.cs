using Borgerpuls.Analysis;
using Borgerpuls.Domain;

namespace Borgerpuls.Tests.Analysis;

public sealed class SuppressionAndTargetTests
{
    [Fact]
    public void One_cell_below_k_hides_the_next_smallest_too()
    {
        Assert.Equal([false, true, true, false], Suppression.Apply([40, 3, 12, 25], 5));
    }

    [Fact]
    public void Two_cells_below_k_hide_only_themselves()
    {
        Assert.Equal([false, true, true, false], Suppression.Apply([40, 3, 4, 25], 5));
    }

    [Fact]
    public void All_cells_below_k_are_hidden()
    {
        Assert.Equal([true, true, true], Suppression.Apply([1, 4, 2], 5));
    }

    [Fact]
    public void A_single_cell_below_k_is_hidden_without_a_partner()
    {
        Assert.Equal([true], Suppression.Apply([4], 5));
        Assert.Equal([false, false], Suppression.Apply([5, 6], 5));
    }

    [Fact]
    public void K_below_three_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Suppression.Apply([10], 2));
    }

    [Fact]
    public void Differencing_protection_refuses_small_differences_only()
    {
        Assert.False(Suppression.IsDifferencingRisk(0, 5));
        Assert.True(Suppression.IsDifferencingRisk(1, 5));
        Assert.True(Suppression.IsDifferencingRisk(4, 5));
        Assert.False(Suppression.IsDifferencingRisk(5, 5));
    }

    [Fact]
    public void Six_point_three_against_at_most_six_is_not_met_and_not_significant()
    {
        // 44 of 700 negative = 6.29 %, Wilson [4.72 %, 8.33 %] contains 6 %.
        var status = TargetStatus.Evaluate(44.0 / 700, Proportion.Wilson(44, 700), 0.06, TargetDirection.AtMost);
        Assert.False(status.Met);
        Assert.False(status.Significant);
    }

    [Fact]
    public void A_clearly_missed_target_is_significant_and_the_unrounded_value_decides()
    {
        var missed = TargetStatus.Evaluate(0.55, Proportion.Wilson(550, 1000), 0.68, TargetDirection.AtLeast);
        Assert.False(missed.Met);
        Assert.True(missed.Significant);
        // 67.96 % rounds to 68 % but does not meet "at least 68 %".
        Assert.False(TargetStatus.Evaluate(0.6796, null, 0.68, TargetDirection.AtLeast).Met);
    }
}
