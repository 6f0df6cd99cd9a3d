using Borgerpuls.Domain;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The cell a response-rate denominator counts in: the main cube's key (instrument, month, organisation, target group,
/// channel) plus who referred the citizen, so that the rate can be placed next to the figures of the same cells.</summary>
public readonly record struct DenominatorKey(int InstrumentId, int Month, int JobCentreId, int SiteId, int UnitId, int TargetGroupId, string Channel, string Referral)
{
    /// <summary>The main-cube cell whose answers this denominator belongs to.</summary>
    public CellKey Cell => new(Cube.Main, InstrumentId, Month, JobCentreId, SiteId, UnitId, 0, TargetGroupId, Channel, "", "", false);

    public static DenominatorKey Of(Invitation i) =>
        Of(i.InstrumentId, i.MeetingDate.Year * 100 + i.MeetingDate.Month, i, nameof(Domain.Channel.Link), ReferralSource.Of(i.ReferredBy));

    public static DenominatorKey Of(DeclinedHandOver d) => Of(d.InstrumentId, CellKey.MonthOf(d.Hour), d, d.Channel.ToString(), "");

    public static DenominatorKey Of(PaperDistribution p) =>
        Of(p.InstrumentId, p.Month.Year * 100 + p.Month.Month, p, nameof(Domain.Channel.Paper), "");

    /// <summary>The place part is keyed alike for every kind, with "none" as 0.</summary>
    private static DenominatorKey Of(int instrumentId, int month, IPlaced place, string channel, string referral) =>
        new(instrumentId, month, place.JobCentreId, place.SiteId ?? 0, place.UnitId ?? 0, place.TargetGroupId ?? 0, channel, referral);
}

/// <summary>What a denominator cell counts: invitations issued or paper forms handed out (<see cref="Offered"/>), tablet
/// hand-overs declined, and invitations used. Answers on tablet and paper come from the main cube.</summary>
public readonly record struct DenominatorCounts(long Offered, long Declined, long Used)
{
    public static DenominatorCounts operator +(DenominatorCounts a, DenominatorCounts b) =>
        new(a.Offered + b.Offered, a.Declined + b.Declined, a.Used + b.Used);
}

/// <summary>One stored denominator cell. "None" is 0 or "" so that the primary key (and ON CONFLICT upserts) treat it as a value.</summary>
public sealed class DenominatorCell
{
    public int InstrumentId { get; set; }
    public int Month { get; set; }
    public int JobCentreId { get; set; }
    public int SiteId { get; set; }
    public int UnitId { get; set; }
    public int TargetGroupId { get; set; }
    public string Channel { get; set; } = "";
    public string Referral { get; set; } = "";
    public long Offered { get; set; }
    public long Declined { get; set; }
    public long Used { get; set; }
}
