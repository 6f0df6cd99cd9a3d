using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

public sealed class BreakdownSuppressionTests
{
    [Fact]
    public void One_cell_below_k_hides_the_next_smallest_for_a_different_reason()
    {
        var cells = BreakdownSuppression.Apply([new("Nord", 40), new("Syd", 3), new("Vest", 12), new("Øst", 25)], 5);

        Assert.Equal([SuppressionReason.Shown, SuppressionReason.BelowK, SuppressionReason.Complementary, SuppressionReason.Shown],
            cells.Select(c => c.Reason));
        Assert.Equal(["Syd", "Vest"], cells.Where(c => c.Suppressed).Select(c => c.Key));
    }

    [Fact]
    public void Complementary_partner_is_the_smallest_shown_cell_even_when_several_are_equal()
    {
        // Two candidates of 8: the first in the breakdown's order is taken, so the result does not depend on sorting.
        var cells = BreakdownSuppression.Apply([new("a", 30), new("b", 8), new("c", 2), new("d", 8)], 5);
        Assert.Equal(["b", "c"], cells.Where(c => c.Suppressed).Select(c => c.Key));
    }

    [Fact]
    public void Two_below_k_need_no_partner_and_all_below_k_are_all_hidden()
    {
        var two = BreakdownSuppression.Apply([new("a", 30), new("b", 4), new("c", 1), new("d", 9)], 5);
        Assert.Equal(["b", "c"], two.Where(c => c.Suppressed).Select(c => c.Key));
        Assert.DoesNotContain(two, c => c.Reason == SuppressionReason.Complementary);

        var all = BreakdownSuppression.Apply([new("a", 4), new("b", 0), new("c", 2)], 5);
        Assert.All(all, c => Assert.Equal(SuppressionReason.BelowK, c.Reason));
    }

    [Fact]
    public void Exactly_k_is_shown_and_k_is_configurable_but_never_below_three()
    {
        var cells = BreakdownSuppression.Apply([new("a", 3), new("b", 3)], 3);
        Assert.All(cells, c => Assert.False(c.Suppressed));
        Assert.Throws<ArgumentOutOfRangeException>(() => BreakdownSuppression.Apply([new("a", 3)], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Suppression.CheckK(0));
        Assert.Equal(5, Suppression.DefaultK);
    }

    [Fact]
    public void Two_cells_one_below_k_hides_both()
    {
        // Total 20 with one cell of 17 shown would give the other away.
        var cells = BreakdownSuppression.Apply([new("a", 17), new("b", 3)], 5);
        Assert.All(cells, c => Assert.True(c.Suppressed));
    }
}
