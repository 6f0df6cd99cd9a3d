using System.Globalization;
using ScottPlot;

namespace Borgerpuls.Features.Charts;

/// <summary>Weekdays down, hours across; each cell shaded by its positive share (lighter = lower, darker = higher, a scale that stays
/// monotone in grayscale) and labelled with it; suppressed cells are hatched and unlabelled, empty hours blank.</summary>
internal static class HeatMapPlot
{
    private static readonly Color Low = Color.FromHex("#f7fbff");
    private static readonly Color High = Color.FromHex("#08306b");

    public static (int Width, int Height) Draw(Plot plot, HeatMapChart chart, CultureInfo culture)
    {
        // The shading spans the shares actually shown, so that weaker hours stand out even when all are high; the labels
        // carry the values themselves.
        var shown = chart.Cells.Where(c => !c.Suppressed && c.Positive is not null).Select(c => c.Positive!.Value).ToList();
        var (lowest, highest) = shown.Count == 0 ? (0.0, 1.0) : (shown.Min(), shown.Max());
        var first = chart.Cells.Count == 0 ? 7 : Math.Min(7, chart.Cells.Min(c => c.Hour));
        var last = chart.Cells.Count == 0 ? 17 : Math.Max(17, chart.Cells.Max(c => c.Hour));
        foreach (var cell in chart.Cells)
        {
            var rect = plot.Add.Rectangle(cell.Hour, cell.Hour + 1, cell.Weekday + 0.5, cell.Weekday - 0.5);
            rect.LineColor = Colors.White;
            rect.LineWidth = 1;
            if (cell.Suppressed || cell.Positive is not { } share)
            {
                rect.FillColor = Colors.White;
                rect.FillHatch = new ScottPlot.Hatches.Striped();
                rect.FillHatchColor = ChartStyle.Neutral;
                continue;
            }
            var fill = Low.InterpolateRgb(High, highest > lowest ? 0.15 + 0.85 * (share - lowest) / (highest - lowest) : 0.85);
            rect.FillColor = fill;
            ChartStyle.Label(plot, ChartFormat.Points(share, culture), cell.Hour + 0.5, cell.Weekday, Alignment.MiddleCenter, fill.Luminance > 0.5f ? ChartStyle.Ink : Colors.White, 11, bold: true);
        }
        var hours = Enumerable.Range(first, last - first + 1).ToArray();
        plot.Axes.Bottom.SetTicks(hours.Select(h => h + 0.5).ToArray(), hours.Select(h => h.ToString("00", culture)).ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, 7).Select(d => (double)d).ToArray(), chart.Weekdays.ToArray());
        plot.Axes.Bottom.Label.Text = chart.Text.Hour;
        plot.Axes.SetLimits(first, last + 1, 6.5, -0.5);
        plot.HideGrid();
        if (chart.Cells.Count == 0)
        {
            ChartStyle.Label(plot, chart.Text.Suppressed, first + 0.5, 3, Alignment.MiddleLeft);
        }
        return (900, 360);
    }
}
