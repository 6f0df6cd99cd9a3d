using System.Globalization;
using ScottPlot;

namespace Borgerpuls.Features.Charts;

/// <summary>Per question, the positive share of A (dark, solid) and B (light, dotted pattern) side by side, each labelled;
/// a question whose difference is significant gets an asterisk and a bold label.</summary>
internal static class ComparePlot
{
    public static (int Width, int Height) Draw(Plot plot, CompareChart chart, CultureInfo culture)
    {
        var a = new List<Bar>();
        var b = new List<Bar>();
        var ticks = new List<(double, string)>();
        for (var i = 0; i < chart.Rows.Count; i++)
        {
            var row = chart.Rows[i];
            var y = i * 2.6;
            ticks.Add((y + 0.5, (row.Significant ? "* " : "") + ChartStyle.Short(row.Label, 40)));
            if (row.Suppressed || row.PositiveA is not { } pa || row.PositiveB is not { } pb)
            {
                ChartStyle.Label(plot, chart.Text.Suppressed, 1, y + 0.5, Alignment.MiddleLeft, size: 11);
                continue;
            }
            a.Add(Bar(y, pa, culture));
            b.Add(Bar(y + 1, pb, culture));
        }
        var barsA = plot.Add.Bars(a);
        Style(barsA, chart.A, ChartStyle.Positive, null);
        var barsB = plot.Add.Bars(b);
        Style(barsB, chart.B, Color.FromHex("#9dc3e6"), new ScottPlot.Hatches.Dots());
        plot.Axes.Left.SetTicks(ticks.Select(t => t.Item1).ToArray(), ticks.Select(t => t.Item2).ToArray());
        plot.Axes.Bottom.SetTicks([0, 20, 40, 60, 80, 100], ["0", "20", "40", "60", "80", "100"]);
        plot.Axes.Bottom.Label.Text = chart.Text.Axis;
        plot.Axes.SetLimits(0, 108, chart.Rows.Count * 2.6 - 0.6, -0.8);
        plot.ShowLegend(Edge.Bottom);
        return (900, chart.Rows.Count * 62 + 150);
    }

    private static Bar Bar(double y, double share, CultureInfo culture) => new()
    {
        Position = y,
        Value = share * 100,
        Size = 0.9,
        Orientation = Orientation.Horizontal,
        Label = ChartFormat.Percent(share, culture),
        LineWidth = 0,
    };

    private static void Style(ScottPlot.Plottables.BarPlot bars, string legend, Color fill, IHatch? hatch)
    {
        bars.Horizontal = true;
        bars.LegendText = legend;
        bars.Color = fill;
        bars.ValueLabelStyle.ForeColor = ChartStyle.Ink;
        bars.ValueLabelStyle.FontSize = 11;
        foreach (var bar in bars.Bars)
        {
            bar.FillColor = fill;
            if (hatch is not null)
            {
                bar.FillHatch = hatch;
                bar.FillHatchColor = ChartStyle.Positive;
            }
        }
    }
}
