using System.Globalization;
using ScottPlot;

namespace Borgerpuls.Features.Charts;

/// <summary>Horizontal bars of counts (comment themes), largest first, each labelled with its count.</summary>
internal static class CountBarsPlot
{
    public static (int Width, int Height) Draw(Plot plot, CountBarsChart chart, CultureInfo culture)
    {
        var rows = chart.Bars.OrderByDescending(b => b.Count).ToList();
        var bars = rows.Select((r, i) => new Bar
        {
            Position = i,
            Value = r.Count,
            Size = 0.7,
            Orientation = Orientation.Horizontal,
            Label = r.Count.ToString("N0", culture),
            FillColor = ChartStyle.Positive,
            LineWidth = 0,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.ForeColor = ChartStyle.Ink;
        plottable.ValueLabelStyle.FontSize = 11;
        foreach (var bar in plottable.Bars) bar.FillColor = ChartStyle.Positive;
        plot.Axes.Left.SetTicks(rows.Select((_, i) => (double)i).ToArray(), rows.Select(r => ChartStyle.Short(r.Label, 36)).ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = v => v.ToString("N0", culture) };
        plot.Axes.Bottom.Label.Text = chart.CountHeader;
        var max = rows.Count == 0 ? 1 : Math.Max(1, rows.Max(r => r.Count));
        plot.Axes.SetLimits(0, max * 1.15, Math.Max(rows.Count, 1) - 0.4, -0.6);
        return (900, Math.Max(rows.Count, 1) * 30 + 120);
    }
}
