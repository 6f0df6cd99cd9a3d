namespace Borgerpuls.Analysis;

/// <summary>The anonymity threshold (SPEC §5) with complementary suppression by construction: a cell with fewer than k
/// respondents shows no figures, and the hidden cells of a breakdown together always hold at least k respondents (or none),
/// so that the total minus the shown cells never pins fewer than k people.</summary>
public static class Suppression
{
    public const int DefaultK = 5;
    public const int MinimumK = 3;
    public const int DefaultCommentK = 10;

    public static int CheckK(int k) => k >= MinimumK
        ? k
        : throw new ArgumentOutOfRangeException(nameof(k), k, $"The anonymity threshold can never be below {MinimumK}.");

    /// <summary>For each cell (by its respondent count), whether it is suppressed.</summary>
    public static bool[] Apply(IReadOnlyList<long> counts, int k) => Apply(counts, k, null);

    /// <summary>As <see cref="Apply(IReadOnlyList{long},int)"/>, with cells that are hidden already for another reason (e.g.
    /// the whole group is hidden when only one question's base is looked at): they count towards the hidden total.</summary>
    public static bool[] Apply(IReadOnlyList<long> counts, int k, IReadOnlyList<bool>? hiddenAlready)
    {
        CheckK(k);
        var hidden = counts.Select((c, i) => c < k || (hiddenAlready?[i] ?? false)).ToArray();
        // The hidden cells are what the total minus the shown cells reveals, as one group: it must be empty or at least k.
        // Hiding the smallest shown cell first costs the least information; when none is left, everything is hidden.
        var hiddenTotal = counts.Where((_, i) => hidden[i]).Sum();
        while (hiddenTotal > 0 && hiddenTotal < k)
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => !hidden[i]).OrderBy(i => counts[i]).ThenBy(i => i).FirstOrDefault(-1);
            if (next < 0) break;
            hidden[next] = true;
            hiddenTotal += counts[next];
        }
        return hidden;
    }

    /// <summary>Differencing protection: two outputs whose respondent sets differ by at least one but fewer than k respondents
    /// would reveal those few; the same set again (difference 0) is fine.</summary>
    public static bool IsDifferencingRisk(long symmetricDifference, int k) => symmetricDifference > 0 && symmetricDifference < k;
}
