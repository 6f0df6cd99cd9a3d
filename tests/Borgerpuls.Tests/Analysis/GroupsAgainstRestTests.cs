using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

/// <summary>The worked example of docs/analysis.md, computed by hand (two-proportion z-test, pooled SE; Holm over four).</summary>
public sealed class GroupsAgainstRestTests
{
    [Fact]
    public void Four_centres_one_differs_after_Holm_and_one_only_before_it()
    {
        // Nord 62/100, Syd 50/100, Vest 48/100, Øst 41/100; all 201/400.
        // Nord against 139/300: p̄ = 201/400, SE = √(0.5025 · 0.4975 · (1/100 + 1/300)) = 0.057735, z = 0.156667 / 0.057735 = 2.7136,
        // p = 0.006656. Øst against 160/300: difference −0.123333, z = −2.1362, p = 0.032661.
        var flags = GroupsAgainstRest.Test([(62, 100), (50, 100), (48, 100), (41, 100)]);

        Assert.Equal(0.156667, flags[0]!.Difference, 6);
        Assert.Equal(0.006656, flags[0]!.PValue, 6);
        Assert.Equal(0.032661, flags[3]!.PValue, 6);
        // Holm: 4 × 0.006656 = 0.026624; 3 × 0.032661 = 0.097984; then 2 × 0.603327 and 1 × 0.953959 capped at 1.
        Assert.Equal(0.026624, flags[0]!.AdjustedPValue, 5);
        Assert.Equal(0.097984, flags[3]!.AdjustedPValue, 5);
        Assert.Equal(1.0, flags[1]!.AdjustedPValue, 10);
        Assert.True(flags[0]!.Significant);
        Assert.False(flags[3]!.Significant); // p < 0.05 alone, but not among four groups tested at once
        Assert.All(flags, f => Assert.Equal(ComparisonTest.TwoProportionZ, f!.Test));
    }

    [Fact]
    public void Two_groups_or_hidden_ones_are_not_tested_against_the_rest()
    {
        Assert.All(GroupsAgainstRest.Test([(62, 100), (41, 100)]), Assert.Null);
        // A hidden group takes no part: three shown remain, compared among themselves.
        var flags = GroupsAgainstRest.Test([(62, 100), null, (48, 100), (41, 100)]);
        Assert.Null(flags[1]);
        Assert.NotNull(flags[0]);
        Assert.Equal(62.0 / 100 - 89.0 / 200, flags[0]!.Difference, 12);
    }

    [Fact]
    public void Holm_keeps_the_order_of_the_decisions()
    {
        Assert.Equal([0.03, 0.06, 0.06], GroupsAgainstRest.Holm([0.01, 0.03, 0.04]).Select(p => Math.Round(p, 10)));
        Assert.Equal([0.9, 0.02], GroupsAgainstRest.Holm([0.9, 0.01]).Select(p => Math.Round(p, 10)));
    }
}
