using System.Globalization;
using ScottPlot;

namespace Borgerpuls.Features.Charts;

/// <summary>Horizontal 100 % bars per question and group: positive (dark), neutral (light), negative (striped), each segment
/// labelled with its share, and a black line for the positive share's 95 % interval.</summary>
internal static class ShareBarsPlot
{
    private const double Thickness = 0.7;

    public static (int Width, int Height) Draw(Plot plot, ShareBarsChart chart, CultureInfo culture)
    {
        var positive = new List<Bar>();
        var neutral = new List<Bar>();
        var negative = new List<Bar>();
        var ticks = new List<(double Y, string Label)>();
        var intervals = new List<(double Y, double Low, double High)>();
        var y = 0.0;
        string? question = null;
        foreach (var bar in chart.Bars)
        {
            if (bar.Question != question)
            {
                question = bar.Question;
                ChartStyle.Label(plot, ChartStyle.Short(question, 90), 0, y, Alignment.MiddleLeft, bold: true);
                y += 1;
            }
            ticks.Add((y, ChartStyle.Short(bar.Group, 30)));
            if (bar.Suppressed || bar.Positive is not { } pos || bar.Neutral is not { } neu || bar.Negative is not { } neg)
            {
                ChartStyle.Label(plot, chart.Text.HiddenLabel(bar), 1, y, Alignment.MiddleLeft, size: 11);
            }
            else
            {
                positive.Add(Segment(y, 0, pos, culture));
                neutral.Add(Segment(y, pos, pos + neu, culture));
                negative.Add(Segment(y, pos + neu, 1, culture));
                if (bar.PositiveLow is { } low && bar.PositiveHigh is { } high)
                {
                    intervals.Add((y + 0.22, low * 100, high * 100));
                }
            }
            y += 1;
        }
        Add(plot, positive, chart.Text.Positive, ChartStyle.Positive, Colors.White, null);
        Add(plot, neutral, chart.Text.Neutral, ChartStyle.Neutral, ChartStyle.Ink, null);
        Add(plot, negative, chart.Text.Negative, ChartStyle.Negative, ChartStyle.Ink, new ScottPlot.Hatches.Striped());
        foreach (var (iy, low, high) in intervals)
        {
            Interval(plot, iy, low, high);
        }

        plot.Axes.Left.SetTicks(ticks.Select(t => t.Y).ToArray(), ticks.Select(t => t.Label).ToArray());
        plot.Axes.Bottom.SetTicks([0, 20, 40, 60, 80, 100], ["0", "20", "40", "60", "80", "100"]);
        plot.Axes.Bottom.Label.Text = chart.Text.Axis;
        plot.Axes.SetLimits(0, 100, y - 0.3, -0.7);
        plot.ShowLegend(Edge.Bottom);
        return (900, (int)(y * 26) + 150);
    }

    private static Bar Segment(double y, double from, double to, CultureInfo culture) => new()
    {
        Position = y,
        ValueBase = from * 100,
        Value = to * 100,
        Size = Thickness,
        Orientation = Orientation.Horizontal,
        Label = to - from >= 0.07 ? ChartFormat.Points(to - from, culture) : "",
        CenterLabel = true,
        LineWidth = 0,
    };

    private static void Add(Plot plot, List<Bar> bars, string legend, Color fill, Color text, IHatch? hatch)
    {
        foreach (var bar in bars)
        {
            bar.FillColor = fill;
            if (hatch is not null)
            {
                bar.FillHatch = hatch;
                bar.FillHatchColor = ChartStyle.NegativeHatch;
            }
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.LegendText = legend;
        plottable.Color = fill;
        plottable.ValueLabelStyle.ForeColor = text;
        plottable.ValueLabelStyle.FontSize = 11;
        plottable.ValueLabelStyle.Bold = true;
        if (hatch is not null)
        {
            // Figures stay legible on the striped pattern.
            plottable.ValueLabelStyle.BackgroundColor = Colors.White.WithAlpha(0.85);
        }
        foreach (var bar in plottable.Bars)
        {
            bar.FillColor = fill;
        }
    }

    /// <summary>The interval as a line with end caps, drawn low in the bar so the label above it stays legible.</summary>
    private static void Interval(Plot plot, double y, double low, double high)
    {
        foreach (var (x1, y1, x2, y2) in new[] { (low, y, high, y), (low, y - 0.1, low, y + 0.1), (high, y - 0.1, high, y + 0.1) })
        {
            var line = plot.Add.Line(x1, y1, x2, y2);
            line.LineColor = ChartStyle.Ink;
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
        }
    }
}
