namespace Borgerpuls.Analysis;

/// <summary>One group's share against the other shown groups together, with the p-value Holm-adjusted over the groups tested.</summary>
public sealed record RestComparison(ComparisonTest Test, double Difference, double PValue, double AdjustedPValue)
{
    public bool Significant => AdjustedPValue < 0.05;
}

/// <summary>Which of three or more groups (job centres, sites, teams …) differ from the rest. Each group's share is tested
/// against the other groups together (<see cref="Comparison.Proportions"/>); testing every group at once would flag one by
/// chance far more often than 5 %, so the p-values are adjusted by Holm's step-down method, which keeps the chance of any
/// false flag at 5 % and is never weaker than Bonferroni. Hidden groups take no part: no flag says anything about them.</summary>
public static class GroupsAgainstRest
{
    /// <summary>Per group (null where hidden or without a base): the comparison with the rest; all null with fewer than
    /// three groups to compare, where the two-group comparison is the test.</summary>
    public static RestComparison?[] Test(IReadOnlyList<(long Positive, long Base)?> groups)
    {
        var result = new RestComparison?[groups.Count];
        var shown = Enumerable.Range(0, groups.Count).Where(i => groups[i] is { Base: > 0 }).ToList();
        if (shown.Count < 3) return result;
        var (positive, total) = (shown.Sum(i => groups[i]!.Value.Positive), shown.Sum(i => groups[i]!.Value.Base));
        var raw = shown.Select(i =>
        {
            var (p, n) = groups[i]!.Value;
            return Comparison.Proportions(p, n, positive - p, total - n);
        }).ToList();
        var adjusted = Holm(raw.Select(r => r.PValue).ToList());
        for (var j = 0; j < shown.Count; j++)
        {
            result[shown[j]] = new RestComparison(raw[j].Test, raw[j].Difference, raw[j].PValue, adjusted[j]);
        }
        return result;
    }

    /// <summary>Holm: sort the m p-values ascending; the i-th smallest (from 0) becomes min(1, (m − i) · p), and never less
    /// than the adjusted value before it, so the order of the decisions is kept.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var adjusted = new double[m];
        var running = 0.0;
        var rank = 0;
        foreach (var i in Enumerable.Range(0, m).OrderBy(i => pValues[i]))
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
            rank++;
        }
        return adjusted;
    }
}
