using ScottPlot;

namespace Borgerpuls.Features.Charts;

/// <summary>The look shared by all charts: one sans-serif font, dark text, light grid, and a palette whose colours also
/// differ in lightness (and, for negative answers, in pattern), so that a grayscale print keeps them apart.</summary>
internal static class ChartStyle
{
    public static readonly Color Ink = Color.FromHex("#1a1a1a");
    public static readonly Color Grid = Color.FromHex("#e3e3e3");
    public static readonly Color Positive = Color.FromHex("#1f4e79");
    public static readonly Color Neutral = Color.FromHex("#cfcfcf");
    public static readonly Color Negative = Color.FromHex("#e08a2c");
    public static readonly Color NegativeHatch = Color.FromHex("#8a4a0b");
    public static readonly Color Highlight = Color.FromHex("#fbe3e3");

    /// <summary>Series styles in the order they are used: colour, lightness and marker shape all differ, and every line is
    /// labelled at its end. Lines are solid because Skia's SVG output cannot draw dash patterns.</summary>
    public static readonly (Color Color, MarkerShape Marker)[] Series =
    [
        (Color.FromHex("#1a1a1a"), MarkerShape.FilledCircle),
        (Color.FromHex("#2e75b6"), MarkerShape.FilledSquare),
        (Color.FromHex("#c0504d"), MarkerShape.FilledTriangleUp),
        (Color.FromHex("#4f7a28"), MarkerShape.FilledDiamond),
        (Color.FromHex("#7f3f98"), MarkerShape.OpenCircle),
    ];

    private static readonly Lock FontLock = new();
    private static string? _font;

    public static Plot NewPlot(string title)
    {
        var plot = new Plot();
        var font = FontName();
        plot.Font.Set(font);
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontSize = 16;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Ink;
        plot.Axes.Color(Ink);
        plot.Grid.MajorLineColor = Grid;
        plot.Legend.FontName = font;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>A font that is on this machine, registered from its file so that PNGs render text without fontconfig.</summary>
    private static string FontName()
    {
        lock (FontLock)
        {
            if (_font is not null) return _font;
            string[] candidates =
            [
                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            ];
            foreach (var path in candidates.Where(File.Exists))
            {
                var name = Path.GetFileNameWithoutExtension(path).Replace("-Regular", "", StringComparison.Ordinal);
                Fonts.AddFontFile(name, path);
                var bold = path.Replace("-Regular", "-Bold", StringComparison.Ordinal).Replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", StringComparison.Ordinal);
                if (File.Exists(bold)) Fonts.AddFontFile(name, bold, bold: true);
                return _font = name;
            }
            return _font = Fonts.Sans;
        }
    }

    public static ScottPlot.Plottables.Text Label(Plot plot, string text, double x, double y, Alignment alignment, Color? color = null, float size = 12, bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.Alignment = alignment;
        label.LabelStyle.ForeColor = color ?? Ink;
        label.LabelStyle.FontSize = size;
        label.LabelStyle.Bold = bold;
        label.LabelStyle.FontName = plot.Axes.Title.Label.FontName;
        return label;
    }

    /// <summary>Long question texts shortened for axis labels; the table beside the chart has them in full.</summary>
    public static string Short(string text, int max = 48) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
