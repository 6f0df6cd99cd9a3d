using System.Globalization;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.DeviceHealth;

/// <summary>When devices are expected to be in use, in Danish local time: <c>Devices:OpeningHours</c>, e.g.
/// <c>"Mon-Thu 08:00-16:00; Fri 08:00-13:00"</c> (default Mon–Fri 08:00–16:00). A device is silent when it has not been in
/// contact for more than <c>Devices:SilentAfterMinutes</c> (default 30) of opening time.</summary>
public sealed class OpeningHours
{
    public const string Default = "Mon-Fri 08:00-16:00";

    private static TimeZoneInfo Denmark => DanishTime.Zone;

    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    // Opening intervals per weekday, Monday first.
    private readonly List<(TimeOnly From, TimeOnly To)>[] _days = Enumerable.Range(0, 7).Select(_ => new List<(TimeOnly, TimeOnly)>()).ToArray();

    public string Text { get; }
    public TimeSpan SilentAfter { get; }

    private OpeningHours(string text, TimeSpan silentAfter)
    {
        Text = text;
        SilentAfter = silentAfter;
    }

    public static OpeningHours FromConfiguration(IConfiguration configuration) =>
        Parse(configuration["Devices:OpeningHours"] ?? Default, TimeSpan.FromMinutes(configuration.GetValue("Devices:SilentAfterMinutes", 30)));

    /// <summary>Parses "Day[-Day] HH:mm-HH:mm" entries separated by ';'; a mistake stops the start with a clear message.</summary>
    public static OpeningHours Parse(string text, TimeSpan silentAfter)
    {
        var hours = new OpeningHours(text, silentAfter);
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var days = parts.Length == 2 ? parts[0].Split('-') : [];
            var times = parts.Length == 2 ? parts[1].Split('-') : [];
            var first = days.Length is 1 or 2 ? Array.IndexOf(DayNames, days[0]) : -1;
            var last = days.Length == 2 ? Array.IndexOf(DayNames, days[1]) : first;
            if (first < 0 || last < first || times.Length != 2
                || !TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to <= from)
            {
                throw new InvalidOperationException($"Devices:OpeningHours: cannot read '{entry}'; write e.g. \"{Default}; Sat 10:00-12:00\".");
            }
            for (var d = first; d <= last; d++) hours._days[d].Add((from, to));
        }
        return hours;
    }

    /// <summary>How much opening time lies between two instants.</summary>
    public TimeSpan OpenBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        // A device silent for weeks is silent; counting the first eight days is enough to know.
        if (to - from > TimeSpan.FromDays(8)) from = to - TimeSpan.FromDays(8);
        var total = TimeSpan.Zero;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Denmark).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, Denmark).DateTime);
        for (; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var (open, close) in _days[((int)day.DayOfWeek + 6) % 7])
            {
                var start = Local(day, open);
                var end = Local(day, close);
                var overlap = (end < to ? end : to) - (start > from ? start : from);
                if (overlap > TimeSpan.Zero) total += overlap;
            }
        }
        return total;
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Denmark.GetUtcOffset(local));
    }
}
