using System.Globalization;
using ScottPlot;

namespace Borgerpuls.Features.Charts;

/// <summary>The priority map as a scatter plot: satisfaction across, importance up, lines at the means, the four
/// quadrants named in their corners and the challenge quadrant (act here first) shaded; every point labelled.</summary>
internal static class PriorityMapPlot
{
    public static (int Width, int Height) Draw(Plot plot, PriorityMapChart chart, CultureInfo culture)
    {
        var placed = chart.Points.Where(p => p.Satisfaction is not null && p.Importance is not null && p.Quadrant is not null).ToList();
        plot.Axes.Bottom.Label.Text = chart.Text.Satisfaction;
        plot.Axes.Left.Label.Text = chart.Text.Importance;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0", culture) };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0.0#", culture) };
        if (placed.Count == 0)
        {
            plot.Axes.SetLimits(0, 100, 0, 1);
            ChartStyle.Label(plot, chart.Text.NotPlaced, 50, 0.5, Alignment.MiddleCenter);
            return (900, 560);
        }
        var meanX = placed.Average(p => p.Satisfaction!.Value);
        var meanY = placed.Average(p => p.Importance!.Value);
        var (left, right) = Pad(placed.Min(p => p.Satisfaction!.Value), placed.Max(p => p.Satisfaction!.Value), 8, 0, 100);
        var (bottom, top) = Pad(placed.Min(p => p.Importance!.Value), placed.Max(p => p.Importance!.Value), 0.08, -1, 1);

        var challenge = plot.Add.Rectangle(left, meanX, meanY, top);
        challenge.FillColor = ChartStyle.Highlight;
        challenge.LineWidth = 0;
        plot.Add.VerticalLine(meanX, 1.5f, ChartStyle.Ink);
        plot.Add.HorizontalLine(meanY, 1.5f, ChartStyle.Ink);
        ChartStyle.Label(plot, chart.Text.Challenge, left, top, Alignment.UpperLeft, bold: true);
        ChartStyle.Label(plot, chart.Text.Strength, right, top, Alignment.UpperRight, bold: true);
        ChartStyle.Label(plot, chart.Text.SecondaryChallenge, left, bottom, Alignment.LowerLeft, bold: true);
        ChartStyle.Label(plot, chart.Text.SecondaryStrength, right, bottom, Alignment.LowerRight, bold: true);

        foreach (var p in placed)
        {
            plot.Add.Marker(p.Satisfaction!.Value, p.Importance!.Value, p.Quadrant == "challenge" ? MarkerShape.FilledSquare : MarkerShape.FilledCircle, 11,
                p.Quadrant == "challenge" ? Color.FromHex("#b22222") : ChartStyle.Positive);
            var label = ChartStyle.Label(plot, ChartStyle.Short(p.Label, 34), p.Satisfaction.Value, p.Importance.Value, Alignment.LowerLeft, size: 11);
            label.OffsetX = 7;
            label.OffsetY = -4;
        }
        plot.Axes.SetLimits(left, right, bottom, top);
        return (900, 560);
    }

    private static (double Low, double High) Pad(double low, double high, double pad, double min, double max)
    {
        var span = Math.Max(high - low, pad);
        return (Math.Max(min, low - span * 0.25 - pad / 2), Math.Min(max, high + span * 0.25 + pad / 2));
    }
}
