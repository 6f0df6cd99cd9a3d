namespace Borgerpuls.Data.Aggregates;

/// <summary>The hour of the week in Danish local time (Monday 0–1 is 1, Sunday 23–24 is 168), the kiosk heat map's
/// cell. Stored hours are UTC; Danish offsets are whole hours, so the hour survives the conversion.</summary>
public static class KioskClock
{
    public const int Hours = 7 * 24;

    public static int Of(DateTime utcHour)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcHour, DateTimeKind.Utc), Localization.DanishTime.Zone);
        var day = ((int)local.DayOfWeek + 6) % 7; // Monday first, as Danish calendars have it
        return 1 + day * 24 + local.Hour;
    }

    public static (int Weekday, int Hour) Split(int clock) => ((clock - 1) / 24, (clock - 1) % 24);
}
