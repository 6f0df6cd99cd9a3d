using Borgerpuls.Analysis;

namespace Borgerpuls.Tests.Analysis;

public sealed class PriorityMapTests
{
    private static PairSums Pairs(IEnumerable<(double X, double Y)> pairs) => pairs.Aggregate(default(PairSums), (s, p) => s + PairSums.Of(p.X, p.Y));

    [Fact]
    public void Pearson_from_sums_matches_a_hand_computed_value()
    {
        // x = 1..5, y = 2,4,5,4,5: Sxy = 6, Sxx = 10, Syy = 6 → r = 6 / √60 = 0.774597.
        var sums = Pairs([(1, 2), (2, 4), (3, 5), (4, 4), (5, 5)]);
        Assert.Equal(6 / Math.Sqrt(60), sums.Pearson()!.Value, 10);
        Assert.Null(Pairs([(1, 2), (1, 3)]).Pearson());
    }

    [Fact]
    public void A_planted_structure_lands_in_its_quadrants()
    {
        // Overall y cycles 1..5. "udfordring" follows y closely but is rated low; "styrke" follows y and is rated high;
        // "sekundaer-styrke" hardly follows y and is rated high; "sekundaer" hardly follows y and is rated low.
        var ys = Enumerable.Range(0, 60).Select(i => 1.0 + i % 5).ToList();
        double Noise(int i) => (i * 7 % 5) - 2;
        var close = Pairs(ys.Select((y, i) => (y, y)));
        var loose = Pairs(ys.Select((y, i) => (3 + Noise(i), y)));
        var points = PriorityMap.Build([
            new("udfordring", 2.0, 1, 5, close),
            new("styrke", 4.5, 1, 5, close),
            new("sekundaer-styrke", 4.4, 1, 5, loose),
            new("sekundaer", 2.2, 1, 5, loose),
            new("for-faa", 1.0, 1, 5, Pairs(ys.Take(29).Select(y => (y, y)))),
        ]);

        var byKey = points.ToDictionary(p => p.Key);
        Assert.Equal(Quadrant.Challenge, byKey["udfordring"].Quadrant);
        Assert.Equal(Quadrant.Strength, byKey["styrke"].Quadrant);
        Assert.Equal(Quadrant.SecondaryStrength, byKey["sekundaer-styrke"].Quadrant);
        Assert.Equal(Quadrant.SecondaryChallenge, byKey["sekundaer"].Quadrant);
        Assert.Null(byKey["for-faa"].Quadrant);
        Assert.Equal(29, byKey["for-faa"].N);
        Assert.Equal(25.0, byKey["udfordring"].Satisfaction!.Value, 10); // (2 − 1) / (5 − 1) × 100
        Assert.Equal(1.0, byKey["styrke"].Importance!.Value, 10);
    }
}
