using System.Globalization;

namespace Borgerpuls.Features.Shared;

/// <summary>Months as a month field (<c>&lt;input type="month"&gt;</c>) and the API write them, "2026-01" — read and written
/// in one place for the dashboard, paper entry, transparency and every other form that asks for months.</summary>
public static class MonthField
{
    /// <summary>"yyyy-MM", or a date "yyyy-MM-dd" whose month is meant; the first day of the month, or null.</summary>
    public static DateOnly? Parse(string? text)
    {
        var value = text?.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? new DateOnly(date.Year, date.Month, 1) : null;
    }

    public static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly LastDay(DateOnly month) => new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(-1);
}
