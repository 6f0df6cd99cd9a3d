using Borgerpuls.Domain;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The dimensions of one aggregate cell; "none" is 0 or "". <see cref="Clock"/> is the kiosk cube's hour of the week
/// (see <see cref="KioskClock"/>).</summary>
public readonly record struct CellKey(Cube Cube, int InstrumentId, int Month, int JobCentreId, int SiteId, int UnitId, int OfferId, int TargetGroupId,
    string Channel, string MeetingType, string Language, bool Repeat, int Clock = 0)
{
    public static int MonthOf(DateTime hour) => hour.Year * 100 + hour.Month;

    /// <summary>The cells one response counts in: one per cube.</summary>
    public static IEnumerable<CellKey> For(Response r)
    {
        var month = MonthOf(r.SubmittedHour);
        var repeat = r.QualityFlags.HasFlag(ResponseQuality.KioskRepeat);
        yield return new(Cube.Main, r.InstrumentId, month, r.JobCentreId, r.SiteId ?? 0, r.UnitId ?? 0, 0, r.TargetGroupId ?? 0, r.Channel.ToString(), "", "", repeat);
        yield return new(Cube.MeetingType, r.InstrumentId, month, r.JobCentreId, 0, 0, 0, 0, "", r.MeetingType ?? "", "", repeat);
        yield return new(Cube.Language, r.InstrumentId, month, r.JobCentreId, 0, 0, 0, 0, "", "", r.Language, repeat);
        yield return new(Cube.Offer, r.InstrumentId, month, r.JobCentreId, 0, 0, r.OfferId ?? 0, 0, "", "", "", repeat);
        if (r.Channel == Domain.Channel.Kiosk)
        {
            yield return new(Cube.KioskClock, r.InstrumentId, month, r.JobCentreId, r.SiteId ?? 0, r.UnitId ?? 0, 0, 0, r.Channel.ToString(), "", "", repeat, KioskClock.Of(r.SubmittedHour));
        }
    }
}
