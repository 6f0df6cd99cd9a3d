namespace Borgerpuls.Analysis;

/// <summary>One period of a series: how many of the base answered in the category followed (usually positive).</summary>
public sealed record PeriodCount(string Period, long Successes, long Base)
{
    /// <summary>Hidden whatever its base, e.g. by complementary suppression: it shows no figures and is compared with neither
    /// neighbour, like a period below the threshold.</summary>
    public bool Hidden { get; init; }
}

/// <summary>A period's share with its Wilson interval and, when both it and the period before have figures, the comparison
/// with the period before. Share and interval are null when the period has no figures (empty or below the threshold).</summary>
public sealed record TrendPoint(string Period, long Base, double? Share, Interval? ShareInterval, ComparisonResult? VsPrevious)
{
    /// <summary>A change is flagged only when significant at 95 % (SPEC §5).</summary>
    public bool Flagged => VsPrevious is { Significant: true };
}

/// <summary>Significant changes against the previous period (SPEC §5, trends).</summary>
public static class TrendChanges
{
    /// <summary>Compares each period with the one immediately before it — not the last one with figures, because a
    /// "change" across a gap would mean something else than "since last month". A period whose base is below
    /// <paramref name="minimumBase"/> (pass k) gets no figures and is not compared either way: a difference against it
    /// would reveal its hidden share.</summary>
    public static IReadOnlyList<TrendPoint> Flag(IReadOnlyList<PeriodCount> periods, int minimumBase = 1)
    {
        var floor = Math.Max(1, minimumBase);
        var points = new List<TrendPoint>(periods.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var current = periods[i];
            if (current.Base < floor || current.Hidden)
            {
                points.Add(new TrendPoint(current.Period, current.Base, null, null, null));
                continue;
            }
            var previous = i > 0 ? periods[i - 1] : null;
            var change = previous is { Hidden: false } && previous.Base >= floor
                ? Comparison.Proportions(current.Successes, current.Base, previous.Successes, previous.Base)
                : null;
            points.Add(new TrendPoint(current.Period, current.Base, (double)current.Successes / current.Base,
                Proportion.Wilson(current.Successes, current.Base), change));
        }
        return points;
    }
}
