using System.Globalization;
using ScottPlot;

namespace Borgerpuls.Features.Charts;

/// <summary>One line per series over the periods, with its 95 % interval as a light band; a gap where a period is suppressed;
/// an asterisk above a point that changed significantly from the period before; the series name at the line's end.</summary>
internal static class TrendPlot
{
    public static (int Width, int Height) Draw(Plot plot, TrendChart chart, CultureInfo culture)
    {
        var anyPoint = false;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var style = ChartStyle.Series[s % ChartStyle.Series.Length];
            foreach (var run in Runs(series.Points))
            {
                var xs = run.Select(i => (double)i).ToArray();
                var ys = run.Select(i => series.Points[i]!.Value * 100).ToArray();
                if (run.All(i => series.Points[i]!.Low is not null && series.Points[i]!.High is not null) && run.Count > 1)
                {
                    var band = plot.Add.FillY(xs, run.Select(i => series.Points[i]!.Low!.Value * 100).ToArray(), run.Select(i => series.Points[i]!.High!.Value * 100).ToArray());
                    band.FillColor = style.Color.WithAlpha(0.12);
                    band.LineWidth = 0;
                }
                var line = plot.Add.Scatter(xs, ys);
                line.Color = style.Color;
                line.LineWidth = 2.5f;
                line.MarkerShape = style.Marker;
                line.MarkerSize = 9;
                anyPoint = true;
            }
            for (var i = 0; i < series.Points.Count; i++)
            {
                if (series.Points[i] is { Significant: true } point)
                {
                    ChartStyle.Label(plot, "*", i, point.Value * 100 + 3, Alignment.LowerCenter, style.Color, 18, bold: true);
                }
            }
            var last = Enumerable.Range(0, series.Points.Count).LastOrDefault(i => series.Points[i] is not null, -1);
            if (last >= 0)
            {
                var end = series.Points[last]!;
                ChartStyle.Label(plot, $"{series.Name} {ChartFormat.Percent(end.Value, culture)}", last + 0.15, end.Value * 100, Alignment.MiddleLeft, style.Color, 11, bold: true);
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, chart.Periods.Count).Select(i => (double)i).ToArray(), chart.Periods.ToArray());
        plot.Axes.Left.SetTicks([0, 20, 40, 60, 80, 100], ["0", "20", "40", "60", "80", "100"]);
        plot.Axes.Left.Label.Text = chart.Text.Axis;
        plot.Axes.SetLimits(-0.5, Math.Max(chart.Periods.Count - 1, 1) + 2.5, 0, 105);
        if (!anyPoint)
        {
            ChartStyle.Label(plot, chart.Text.Suppressed, 0, 50, Alignment.MiddleLeft);
        }
        return (900, 420);
    }

    private static IEnumerable<List<int>> Runs(IReadOnlyList<TrendPoint?> points)
    {
        var run = new List<int>();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] is null)
            {
                if (run.Count > 0) yield return run;
                run = [];
            }
            else
            {
                run.Add(i);
            }
        }
        if (run.Count > 0) yield return run;
    }
}
