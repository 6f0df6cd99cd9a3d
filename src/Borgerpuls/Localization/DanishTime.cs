using System.Globalization;

namespace Borgerpuls.Localization;

/// <summary>Danish local time: instants are stored in UTC and shown as a Danish clock shows them, summer time included.</summary>
public static class DanishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Today's date on a Danish calendar: months and days of figures turn at Danish midnight, not at UTC's.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Of(clock.GetUtcNow()).DateTime);

    /// <summary>A stored UTC time (EF reads it without a kind) as Danish local time.</summary>
    public static DateTimeOffset OfUtc(DateTime utc) => Of(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>The date in the culture's format and the time with a colon in every language, as on Danish clocks and
    /// timetables; seconds where order within a minute matters (the audit log).</summary>
    public static string Format(DateTimeOffset instant, CultureInfo culture, bool seconds = false)
    {
        var local = Of(instant);
        return local.ToString("d", culture) + " " + local.ToString(seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);
    }
}
