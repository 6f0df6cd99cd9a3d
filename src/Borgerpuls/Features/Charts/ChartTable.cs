using System.Globalization;
using System.Text;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Charts;

public enum ColumnKind
{
    Text,

    /// <summary>A fraction 0–1, shown as a percentage ("54,3 pct.").</summary>
    Share,

    /// <summary>A difference of two shares, shown in percentage points ("9,8 procentpoint"), never as a percentage.</summary>
    PercentagePoints,
    Count,
    Number,
}

public sealed record ChartColumn(string Name, ColumnKind Kind = ColumnKind.Text);

/// <summary>The figures a chart shows, as a table: the accessible alternative under every chart and its CSV download.
/// A null cell is empty (suppressed or missing); the row says why in a text column.</summary>
public sealed record ChartTable(IReadOnlyList<ChartColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public string Text(int row, int column, CultureInfo culture) => ChartFormat.Cell(Rows[row][column], Columns[column].Kind, culture, 1);

    /// <summary>Semicolon-separated with the culture's decimal mark and a BOM, as Danish spreadsheets open it; percentages as
    /// numbers with the unit in the header; every cell neutralised against formula injection.</summary>
    public string ToCsv(CultureInfo culture)
    {
        var csv = new StringBuilder("\uFEFF");
        csv.AppendJoin(';', Columns.Select(c => CsvCell.Of(c.Kind switch
        {
            ColumnKind.Share => $"{c.Name} ({ChartFormat.PercentUnit(culture)})",
            ColumnKind.PercentagePoints => $"{c.Name} ({ChartFormat.PointsUnit(culture)})",
            _ => c.Name,
        }))).Append("\r\n");
        foreach (var row in Rows)
        {
            csv.AppendJoin(';', row.Select((value, i) => CsvCell.Of(value switch
            {
                null => "",
                double share when Columns[i].Kind is ColumnKind.Share or ColumnKind.PercentagePoints => (share * 100).ToString("0.0", culture),
                double number => number.ToString("0.###", culture),
                long or int => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(culture),
                _ => Convert.ToString(value, culture),
            }))).Append("\r\n");
        }
        return csv.ToString();
    }
}

/// <summary>Numbers as Danish readers expect them: decimal comma and "pct."; English gets its own conventions.</summary>
public static class ChartFormat
{
    public static bool IsDanish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "da";

    public static string PercentUnit(CultureInfo culture) => Localization.SharedTexts.Get("Units.Percent", culture);

    public static string PointsUnit(CultureInfo culture) => Localization.SharedTexts.Get("Units.PercentagePoints", culture);

    public static string Percent(double share, CultureInfo culture, int decimals = 0)
    {
        var number = (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), culture);
        // "72 pct." with a space in Danish, "72%" without in English.
        return IsDanish(culture) ? $"{number} {PercentUnit(culture)}" : number + PercentUnit(culture);
    }

    /// <summary>A threshold as it was set: "85 pct.", "82,5 pct." — whole per cents without decimals, others with one.</summary>
    public static string Threshold(double share, CultureInfo culture) =>
        Percent(share, culture, Math.Abs(share * 1000 - Math.Round(share * 100) * 10) < 1e-6 ? 0 : 1);

    /// <summary>A percentage without its unit, for labels inside bars and cells where the axis names the unit.</summary>
    public static string Points(double share, CultureInfo culture) => Math.Round(share * 100).ToString("0", culture);

    public static string Cell(object? value, ColumnKind kind, CultureInfo culture, int decimals) => value switch
    {
        null => "–",
        double share when kind == ColumnKind.Share => Percent(share, culture, decimals),
        double points when kind == ColumnKind.PercentagePoints =>
            $"{(points * 100).ToString("+0.0;−0.0;0.0", culture)} {PointsUnit(culture)}",
        double number => number.ToString("0.00", culture),
        long or int => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("N0", culture),
        _ => Convert.ToString(value, culture) ?? "",
    };
}
