using System.Globalization;
using Borgerpuls.Features.Charts;

namespace Borgerpuls.Tests.Features.Charts;

public sealed class ChartRendererTests
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public void Shares_are_written_the_Danish_way_and_neutralised_in_CSV()
    {
        Assert.Equal("54,3 pct.", ChartFormat.Percent(0.5432, Danish, 1));
        Assert.Equal("54.3%", ChartFormat.Percent(0.5432, CultureInfo.GetCultureInfo("en-GB"), 1));
        var table = new ChartTable([new("Spørgsmål"), new("Positive", ColumnKind.Share), new("Svar", ColumnKind.Count)], [["=HYPERLINK(\"x\")", 0.5, 1200L], ["b", null, null]]);
        var csv = table.ToCsv(Danish).Split("\r\n");
        Assert.Equal("\uFEFF\"Spørgsmål\";\"Positive (pct.)\";\"Svar\"", csv[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\";\"50,0\";\"1200\"", csv[1]);
        Assert.Equal("\"b\";\"\";\"\"", csv[2]);
        Assert.Equal("–", table.Text(1, 1, Danish));
    }

    [Fact]
    public void Every_chart_renders_as_SVG_and_PNG()
    {
        Chart[] charts =
        [
            new ShareBarsChart("Svar", "d", new("Q", "G", "Pos", "Neu", "Neg", "I", "lo", "hi", "n", "Note", "færre end 5 svar", "pct."),
                [new("1. Samtale", "Udsatte", 0.5, 0.25, 0.25, 0.4, 0.6, 20, false), new("1. Samtale", "Jobparate", null, null, null, null, null, null, true)]),
            new TrendChart("Udvikling", "d", new("S", "P", "V", "lo", "hi", "n", "Note", "*", "færre end 5 svar", "pct."), ["2025-01", "2025-02"],
                [new("I alt", [new TrendPoint(0.6, 0.5, 0.7, 40, false), new TrendPoint(0.7, 0.6, 0.8, 40, true)])]),
            new PriorityMapChart("Kort", "d", new("Q", "S", "I", "n", "K", "ikke placeret", "U", "S", "SS", "SU"),
                [new("a", 40, 0.7, 50, "challenge"), new("b", 80, 0.2, 50, "secondary-strength"), new("c", null, null, 3, null)]),
            new HeatMapChart("Kiosk", "d", new("Dag", "Time", "Tryk", "Pos", "Note", "færre end 5 svar"), ["ma", "ti", "on", "to", "fr", "lø", "sø"],
                [new(0, 9, 12, 0.75, false), new(1, 10, null, null, true)]),
            new CompareChart("Sammenligning", "d", new("Q", "Diff", "p", "Note", "sig", "ikke sig", "færre end 5 svar", "pct."), "A", "B",
                [new("1. Samtale", 0.8, 0.5, 0.3, 0.01, true, false), new("2. Behandling", null, null, null, null, false, true)]),
            new CountBarsChart("Temaer", "d", "Tema", "Antal", "Andel", [new("Ventetid", 12, 0.3), new("Breve", 4, 0.1)]),
        ];
        foreach (var chart in charts)
        {
            Assert.Contains("<svg", ChartRenderer.Svg(chart, Danish));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], ChartRenderer.Png(chart, Danish)[..4]);
            Assert.NotEmpty(chart.Table.Rows);
        }
    }
}
