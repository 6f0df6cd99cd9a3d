using System.Globalization;

namespace Borgerpuls.Features.Results;

/// <summary>The months a target was judged on, as a reader says them: "2026" for a whole year, "2025–2026" for whole years, "januar–juni 2026" for part
/// of one, "marts 2025–februar 2026" across years; null when the target has no year and the selection no period.</summary>
public static class TargetPeriod
{
    public static string? Of(PeriodInfo period, CultureInfo culture)
    {
        if (period.From is null || period.To is null) return null;
        var from = DateOnly.ParseExact(period.From, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(period.To, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (from.Month == 1 && to.Month == 12)
        {
            return from.Year == to.Year ? from.Year.ToString(CultureInfo.InvariantCulture) : $"{from.Year}–{to.Year}";
        }
        if (from.Year == to.Year && from.Month == to.Month) return from.ToString("MMMM yyyy", culture);
        return from.Year == to.Year
            ? $"{from.ToString("MMMM", culture)}–{to.ToString("MMMM yyyy", culture)}"
            : $"{from.ToString("MMMM yyyy", culture)}–{to.ToString("MMMM yyyy", culture)}";
    }
}
