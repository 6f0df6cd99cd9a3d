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

    public static ResponseRate operator +(ResponseRate a, ResponseRate b) => new(a.Offered + b.Offered, a.Answered + b.Answered);
}
