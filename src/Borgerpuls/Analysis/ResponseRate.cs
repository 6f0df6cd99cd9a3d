namespace Borgerpuls.Analysis;

/// <summary>Response rate where the denominator is known (SPEC §5): answered ÷ offered. A low rate is flagged because those
/// who decline are not like those who answer — VIVE's survey was criticised because upset citizens declined.</summary>
public readonly record struct ResponseRate(long Offered, long Answered)
{
    /// <summary>Below this share the figures are flagged. Aalborg's two-week paper round reached 50 % (seed 001); under a
    /// third the answers say more about who chose to answer than about the group.</summary>
    public const double LowThreshold = 1.0 / 3;

    public double Rate => Offered == 0 ? double.NaN : (double)Answered / Offered;

    public bool Low => Offered > 0 && Rate < LowThreshold;

    /// <summary>How far apart a group's rate and the other groups' must be to be marked as differing strongly.</summary>
    public const double MarkedDifference = 0.15;

    public static ResponseRate operator +(ResponseRate a, ResponseRate b) => new(a.Offered + b.Offered, a.Answered + b.Answered);

    /// <summary>Per group: does its rate differ strongly from that of the other groups together — significant at 95 %
    /// (<see cref="Comparison.Proportions"/>) and at least <see cref="MarkedDifference"/> apart? Groups that answer at very
    /// different rates are not comparable without care (VIVE's survey: caseworkers chose whom to refer).</summary>
    public static bool[] DiffersFromRest(IReadOnlyList<ResponseRate> rates)
    {
        var total = rates.Aggregate(new ResponseRate(0, 0), (a, b) => a + b);
        return rates.Select(rate =>
        {
            var rest = new ResponseRate(total.Offered - rate.Offered, total.Answered - rate.Answered);
            if (rate.Offered == 0 || rest.Offered == 0) return false;
            var test = Comparison.Proportions(rate.Answered, rate.Offered, rest.Answered, rest.Offered);
            return test.Significant && Math.Abs(test.Difference) >= MarkedDifference;
        }).ToArray();
    }
}
