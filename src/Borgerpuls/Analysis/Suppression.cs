namespace Borgerpuls.Analysis;

/// <summary>The anonymity threshold (SPEC §5): a cell with fewer than k respondents shows no figures; when exactly one cell of
/// a breakdown is hidden, the next-smallest is hidden too, so the hidden one cannot be derived from the total.</summary>
public static class Suppression
{
    public const int DefaultK = 5;
    public const int MinimumK = 3;
    public const int DefaultCommentK = 10;

    public static int CheckK(int k) => k >= MinimumK
        ? k
        : throw new ArgumentOutOfRangeException(nameof(k), k, $"The anonymity threshold can never be below {MinimumK}.");

    /// <summary>For each cell (by its respondent count), whether it is suppressed.</summary>
    public static bool[] Apply(IReadOnlyList<long> counts, int k)
    {
        CheckK(k);
        var hidden = counts.Select(c => c < k).ToArray();
        if (counts.Count > 1 && hidden.Count(h => h) == 1)
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => !hidden[i]).OrderBy(i => counts[i]).ThenBy(i => i).FirstOrDefault(-1);
            if (next >= 0)
            {
                hidden[next] = true;
            }
        }
        return hidden;
    }

    /// <summary>Differencing protection: two outputs whose respondent sets differ by at least one but fewer than k respondents
    /// would reveal those few; the same query repeated (difference 0) is fine.</summary>
    public static bool IsDifferencingRisk(long symmetricDifference, int k) => symmetricDifference > 0 && symmetricDifference < k;
}
