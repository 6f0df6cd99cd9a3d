using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Dashboard;

/// <summary>Period keys as people say them: "2025-Q2" → "2. kvt. 2025", "2025-04" → "april 2025"; years stay as they are.</summary>
public static partial class PeriodLabel
{
    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(\d{4})-(0[1-9]|1[0-2])$")]
    private static partial Regex Month();

    public static string Of(string key, IStringLocalizer t, CultureInfo culture) => Of(key, (name, args) => t[name, args], culture);

    /// <param name="text">Formats a resource by its name (the report reads the resources without a localizer).</param>
    public static string Of(string key, Func<string, object[], string> text, CultureInfo culture)
    {
        if (Quarter().Match(key) is { Success: true } q)
        {
            return text("Dashboard.Period.Quarter", [q.Groups[2].Value, q.Groups[1].Value]);
        }
        if (Month().Match(key) is { Success: true } m)
        {
            var name = culture.DateTimeFormat.GetMonthName(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            return text("Dashboard.Period.Month", [name, m.Groups[1].Value]);
        }
        return key;
    }
}
