using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

public sealed class ResponseRateTests
{
    [Fact]
    public void A_rate_is_marked_only_when_it_differs_significantly_and_by_at_least_15_points_from_the_other_groups()
    {
        // 80 % against the rest's 40 %: z-test, pooled 0.6, z = 0.4 / √(0.6·0.4·(2/100)) = 5.77 → marked; likewise the 40 %.
        // A group without a denominator is never marked.
        Assert.Equal([true, true, false], ResponseRate.DiffersFromRest([new(100, 80), new(100, 40), new(0, 0)]));
        // 50 % against 60 % on 2 000 each: z = 6.36, significant, but 10 points apart → not marked.
        Assert.Equal([false, false], ResponseRate.DiffersFromRest([new(2000, 1000), new(2000, 1200)]));
        // 60 % against 40 % on 10 each: 20 points apart, but z = 0.2 / √(0.5·0.5·(2/10)) = 0.89, p = 0.37 → not marked.
        Assert.Equal([false, false], ResponseRate.DiffersFromRest([new(10, 6), new(10, 4)]));
        Assert.Equal([false], ResponseRate.DiffersFromRest([new(10, 1)]));
    }
}
