namespace Borgerpuls.Analysis;

public enum Quadrant
{
    /// <summary>Udfordringer – forbedr: important and rated low. Act here first.</summary>
    Challenge,

    /// <summary>Styrker – fasthold.</summary>
    Strength,

    /// <summary>Sekundære styrker.</summary>
    SecondaryStrength,

    /// <summary>Sekundære forbedringsområder.</summary>
    SecondaryChallenge,
}

public sealed record PriorityInput(string Key, double? Mean, double LowestValue, double HighestValue, PairSums WithOverall);

public sealed record PriorityPoint(string Key, double? Satisfaction, double? Importance, long N, Quadrant? Quadrant);

/// <summary>The priority map (prioriteringskort, SPEC §5): satisfaction = (mean − lowest) / (highest − lowest) × 100;
/// importance = Pearson r with the overall question (derived importance); placed with at least <see cref="MinimumN"/>
/// respondents; quadrants split at the mean importance and mean satisfaction of the placed questions, a value equal to
/// the mean counting as high.</summary>
public static class PriorityMap
{
    public const int MinimumN = 30;

    public static IReadOnlyList<PriorityPoint> Build(IEnumerable<PriorityInput> questions, int minimumN = MinimumN)
    {
        var points = questions.Select(q =>
        {
            var satisfaction = q.Mean is { } m && q.HighestValue > q.LowestValue ? (m - q.LowestValue) / (q.HighestValue - q.LowestValue) * 100 : (double?)null;
            var importance = q.WithOverall.N >= minimumN ? q.WithOverall.Pearson() : null;
            return new PriorityPoint(q.Key, satisfaction, importance, q.WithOverall.N, null);
        }).ToList();
        var placed = points.Where(p => p.Satisfaction is not null && p.Importance is not null).ToList();
        if (placed.Count == 0)
        {
            return points;
        }
        var meanImportance = placed.Average(p => p.Importance!.Value);
        var meanSatisfaction = placed.Average(p => p.Satisfaction!.Value);
        return points.Select(p => p.Satisfaction is null || p.Importance is null ? p : p with
        {
            Quadrant = (p.Importance >= meanImportance, p.Satisfaction >= meanSatisfaction) switch
            {
                (true, false) => Quadrant.Challenge,
                (true, true) => Quadrant.Strength,
                (false, true) => Quadrant.SecondaryStrength,
                (false, false) => Quadrant.SecondaryChallenge,
            },
        }).ToList();
    }

    public static string Code(Quadrant quadrant) => quadrant switch
    {
        Quadrant.Challenge => "challenge",
        Quadrant.Strength => "strength",
        Quadrant.SecondaryStrength => "secondary-strength",
        _ => "secondary-challenge",
    };
}
