using Borgerpuls.Domain;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The dimensions of one aggregate cell; "none" is 0 or "". <see cref="Clock"/> is the kiosk cube's hour of the week
/// (see <see cref="KioskClock"/>); <see cref="BackgroundKey"/> and <see cref="BackgroundCode"/> are the background cube's
/// variable and the code the response carries for it.</summary>
public readonly record struct CellKey(Cube Cube, int InstrumentId, int Month, int JobCentreId, int SiteId, int UnitId, int OfferId, int TargetGroupId,
    string Channel, string MeetingType, string Language, bool Repeat, int Clock = 0, string BackgroundKey = "", string BackgroundCode = "")
{
    /// <summary>The cell columns, named as the properties of <see cref="AggregateCell"/> and in the order of <see cref="Values"/>:
    /// the unique index, the upsert and the load all follow this one list.</summary>
    public static readonly string[] Columns =
        ["Cube", "InstrumentId", "Month", "JobCentreId", "SiteId", "UnitId", "OfferId", "TargetGroupId", "Channel", "MeetingType", "Language", "Repeat", "Clock", "BackgroundKey", "BackgroundCode"];

    public object[] Values() =>
        [(int)Cube, InstrumentId, Month, JobCentreId, SiteId, UnitId, OfferId, TargetGroupId, Channel, MeetingType, Language, Repeat, Clock, BackgroundKey, BackgroundCode];

    public static CellKey Of(AggregateCell c) =>
        new(c.Cube, c.InstrumentId, c.Month, c.JobCentreId, c.SiteId, c.UnitId, c.OfferId, c.TargetGroupId, c.Channel, c.MeetingType, c.Language, c.Repeat, c.Clock, c.BackgroundKey, c.BackgroundCode);

    public static int MonthOf(DateTime hour) => hour.Year * 100 + hour.Month;

    /// <summary>The cells one response counts in: one per cube, and one in the background cube per background variable it carries.</summary>
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
        foreach (var (key, code) in r.Background)
        {
            yield return new(Cube.Background, r.InstrumentId, month, r.JobCentreId, 0, 0, 0, 0, "", "", "", repeat, 0, key, code);
        }
    }
}
