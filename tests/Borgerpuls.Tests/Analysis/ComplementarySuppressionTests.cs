using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

/// <summary>Complementary suppression (<see cref="Suppression.Apply(IReadOnlyList{long},int)"/>): which cells of a breakdown
/// are hidden with one below k, so that the total minus the shown cells never pins fewer than k people.</summary>
public sealed class ComplementarySuppressionTests
{
    [Fact]
    public void Complementary_partner_is_the_smallest_shown_cell_even_when_several_are_equal()
    {
        // Two candidates of 8: the first in the breakdown's order is taken, so the result does not depend on sorting.
        Assert.Equal([false, true, true, false], Suppression.Apply([30, 8, 2, 8], 5));
    }

    [Fact]
    public void Two_below_k_that_together_hold_k_need_no_partner()
    {
        Assert.Equal([false, true, true, false], Suppression.Apply([30, 4, 1, 9], 5));
    }

    [Fact]
    public void Exactly_k_is_shown_and_k_is_configurable_but_never_below_three()
    {
        Assert.Equal([false, false], Suppression.Apply([3, 3], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Suppression.Apply([3], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Suppression.CheckK(0));
        Assert.Equal(5, Suppression.DefaultK);
    }

    [Fact]
    public void Two_cells_one_below_k_hides_both()
    {
        // Total 20 with one cell of 17 shown would give the other away.
        Assert.Equal([true, true], Suppression.Apply([17, 3], 5));
    }

    [Fact]
    public void Several_small_cells_are_hidden_together_with_at_least_k()
    {
        // 8 respondents, Danish 6, Arabic 1, Polish 1. Hiding only the two small cells would leave 8 − 6 = 2 people pinned by
        // subtraction; nothing can be shown.
        Assert.Equal([true, true, true], Suppression.Apply([6, 1, 1], 5));

        // 2 + 1 = 3 hidden is not enough: the smallest shown cell (12) joins them, 15 hidden in all.
        Assert.Equal([false, true, true, true, false], Suppression.Apply([40, 2, 1, 12, 25], 5));
    }

    [Fact]
    public void Cells_hidden_for_another_reason_count_towards_the_hidden_total()
    {
        // A question's bases per group: the second group is hidden as a whole (its respondents were below k) but
        // 7 answered this question; with it hidden, 7 ≥ 5 are hidden and nothing more is needed.
        Assert.Equal([false, true, false], Suppression.Apply([20, 7, 9], 5, [false, true, false]));
        // A base of 0 reveals nothing and needs no partner.
        Assert.Equal([false, true, false], Suppression.Apply([20, 0, 9], 5));
    }

    [Fact]
    public void Hidden_cells_never_hold_between_one_and_k_minus_one_respondents()
    {
        var random = new Random(4711);
        for (var trial = 0; trial < 2000; trial++)
        {
            var counts = Enumerable.Range(0, random.Next(1, 9)).Select(_ => (long)random.Next(0, 14)).ToList();
            var k = random.Next(3, 8);
            var hidden = Suppression.Apply(counts, k);
            var hiddenTotal = counts.Where((_, i) => hidden[i]).Sum();
            // With fewer than k in the whole breakdown, everything is hidden and nothing can be subtracted.
            if (hidden.All(h => h)) continue;
            Assert.False(hiddenTotal is > 0 && hiddenTotal < k, $"{string.Join(",", counts)} k={k}: {hiddenTotal} hidden");
            Assert.All(counts.Where((_, i) => !hidden[i]), c => Assert.True(c >= k));
        }
    }
}
