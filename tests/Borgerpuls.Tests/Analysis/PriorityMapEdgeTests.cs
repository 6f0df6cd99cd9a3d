using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

public sealed class PriorityMapEdgeTests
{
    private static PairSums Pairs(IEnumerable<(double X, double Y)> pairs) => pairs.Aggregate(default(PairSums), (s, p) => s + PairSums.Of(p.X, p.Y));

    private static readonly PairSums Follows = Pairs(Enumerable.Range(0, 40).Select(i => (1.0 + i % 5, 1.0 + i % 5)));

    [Fact]
    public void A_value_exactly_at_the_mean_counts_as_high()
    {
        // Satisfaction (2−1)/4·100 = 25, 50, 75 → mean 50 exactly; all importances are 1 → mean 1, all high.
        // The unplaced question (29 pairs, satisfaction 0) must not pull the split down.
        var points = PriorityMap.Build([
            new("lav", 2, 1, 5, Follows),
            new("midt", 3, 1, 5, Follows),
            new("hoej", 4, 1, 5, Follows),
            new("for-faa", 1, 1, 5, Pairs(Enumerable.Range(0, 29).Select(i => (1.0 + i % 5, 1.0 + i % 5)))),
        ]).ToDictionary(p => p.Key);

        Assert.Equal(Quadrant.Challenge, points["lav"].Quadrant);
        Assert.Equal(Quadrant.Strength, points["midt"].Quadrant);
        Assert.Equal(Quadrant.Strength, points["hoej"].Quadrant);
        Assert.Null(points["for-faa"].Quadrant);
        Assert.Null(points["for-faa"].Importance);
        Assert.Equal(0, points["for-faa"].Satisfaction!.Value, 10);
    }

    [Fact]
    public void The_minimum_n_is_configurable_and_thirty_by_default()
    {
        Assert.Equal(30, PriorityMap.MinimumN);
        var thirty = Pairs(Enumerable.Range(0, 30).Select(i => (1.0 + i % 5, 1.0 + i % 5)));
        Assert.NotNull(PriorityMap.Build([new("q", 3, 1, 5, thirty)])[0].Quadrant);
        Assert.Null(PriorityMap.Build([new("q", 3, 1, 5, thirty)], minimumN: 31)[0].Quadrant);
    }

    [Fact]
    public void Questions_without_a_mean_or_a_span_or_variation_are_not_placed()
    {
        var constant = Pairs(Enumerable.Range(0, 40).Select(i => (3.0, 1.0 + i % 5)));
        var points = PriorityMap.Build([
            new("ingen-svar", null, 1, 5, Follows),
            new("ingen-skala", 3, 3, 3, Follows),
            new("alle-ens", 3, 1, 5, constant),
        ]);
        Assert.All(points, p => Assert.Null(p.Quadrant));
        Assert.Null(points[2].Importance); // no variation in x: r undefined
    }

    [Fact]
    public void Pearson_from_sums_edge_cases()
    {
        Assert.Equal(-1, Pairs([(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)]).Pearson()!.Value, 10);
        Assert.Null(PairSums.Of(1, 2).Pearson());
        Assert.Null(default(PairSums).Pearson());
        // x = 1,2,3,4; y = 1,3,2,4: Sxy = 4, Sxx = Syy = 5 → r = 0.8.
        Assert.Equal(0.8, Pairs([(1, 1), (2, 3), (3, 2), (4, 4)]).Pearson()!.Value, 10);
        // Sums add up across cells: the two halves give the same r as the whole.
        var whole = Pairs([(1, 1), (2, 3), (3, 2), (4, 4)]);
        Assert.Equal(whole, Pairs([(1, 1), (2, 3)]) + Pairs([(3, 2), (4, 4)]));
    }

    [Theory]
    [InlineData(Quadrant.Challenge, "challenge")]
    [InlineData(Quadrant.Strength, "strength")]
    [InlineData(Quadrant.SecondaryStrength, "secondary-strength")]
    [InlineData(Quadrant.SecondaryChallenge, "secondary-challenge")]
    public void Quadrant_codes(Quadrant quadrant, string code) => Assert.Equal(code, PriorityMap.Code(quadrant));
}
