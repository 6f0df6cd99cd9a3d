using System.Globalization;
using ScottPlot;

namespace Borgerpuls.Features.Charts;

/// <summary>Draws a <see cref="Chart"/> as SVG or PNG with ScottPlot. Every chart is readable in print and in grayscale:
/// series differ by pattern, marker and direct labels as well as by colour, and figures use the reader's number format.</summary>
public static class ChartRenderer
{
    public static string Svg(Chart chart, CultureInfo culture)
    {
        var (plot, width, height) = Build(chart, culture);
        using (plot)
        {
            return plot.GetSvgXml(width, height);
        }
    }

    public static byte[] Png(Chart chart, CultureInfo culture)
    {
        var (plot, width, height) = Build(chart, culture);
        using (plot)
        {
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }
    }

    private static (Plot Plot, int Width, int Height) Build(Chart chart, CultureInfo culture)
    {
        var plot = ChartStyle.NewPlot(chart.Title);
        var (width, height) = chart switch
        {
            ShareBarsChart bars => ShareBarsPlot.Draw(plot, bars, culture),
            TrendChart trend => TrendPlot.Draw(plot, trend, culture),
            PriorityMapChart map => PriorityMapPlot.Draw(plot, map, culture),
            HeatMapChart heat => HeatMapPlot.Draw(plot, heat, culture),
            CompareChart compare => ComparePlot.Draw(plot, compare, culture),
            CountBarsChart counts => CountBarsPlot.Draw(plot, counts, culture),
            _ => throw new ArgumentException($"No renderer for {chart.GetType().Name}.", nameof(chart)),
        };
        return (plot, width, height);
    }
}
