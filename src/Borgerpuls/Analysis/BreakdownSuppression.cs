namespace Borgerpuls.Analysis;

/// <summary>One cell of a breakdown (a job centre, a target group, a month …) with the count the threshold applies to:
/// respondents for a group, the base for a question.</summary>
public sealed record BreakdownCell(string Key, long Count);

public enum SuppressionReason
{
    Shown,

    /// <summary>Fewer than k: "færre end k svar".</summary>
    BelowK,

    /// <summary>At or above k, hidden only so that the one cell below k cannot be derived from the total.</summary>
    Complementary,
}

public sealed record SuppressedCell(string Key, long Count, SuppressionReason Reason)
{
    public bool Suppressed => Reason != SuppressionReason.Shown;
}

/// <summary>Keyed form of <see cref="Suppression.Apply"/> that also says why a cell is hidden, so a page can say "færre end k
/// svar" for one and "skjult for at beskytte en anden gruppe" for the other. The rule itself lives in one place.</summary>
public static class BreakdownSuppression
{
    public static IReadOnlyList<SuppressedCell> Apply(IReadOnlyList<BreakdownCell> cells, int k = Suppression.DefaultK)
    {
        var hidden = Suppression.Apply(cells.Select(c => c.Count).ToList(), k);
        return cells.Select((c, i) => new SuppressedCell(c.Key, c.Count,
            !hidden[i] ? SuppressionReason.Shown : c.Count < k ? SuppressionReason.BelowK : SuppressionReason.Complementary)).ToList();
    }
}
