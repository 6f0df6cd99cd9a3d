using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Reports;

/// <summary>Trends: both average shares per period, and the questions whose positive share changed significantly from the
/// period before (▲ up, ▼ down) — directional trends are what seed 000 asks the committee to work with.</summary>
internal static class TrendSection
{
    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        var k = data.Request.K;
        yield return new ReportHeading(text["TrendHeading"]);
        if (data.Trend.Groups.Count == 0)
        {
            yield return new ReportParagraph(text["TrendNone"]);
            yield break;
        }
        var unit = text[data.Request.TrendPeriod switch { PeriodGranularity.Month => "PeriodMonth", PeriodGranularity.Year => "PeriodYear", _ => "PeriodQuarter" }];
        yield return ReportCharts.Trend(data, text, unit);
        var rows = data.Trend.Groups.Select(g => (IReadOnlyList<ReportCell>)
        [
            text.Period(g.Label),
            text.CountCell(g.Respondents, g.Suppressed, k, g.SuppressedReason),
            text.ShareCell(g.Average?.PositiveMeanOfQuestions, g.Suppressed, k, g.SuppressedReason),
            text.ShareCell(g.Average?.NegativeMeanOfQuestions, g.Suppressed, k, g.SuppressedReason),
            Changes(data, g, text),
        ]).ToList();
        yield return new ReportTable(text["SheetTrend"], text.Format("TrendCaption", unit),
            [text["Period"], text["Respondents"], text["PositiveAverage"], text["NegativeAverage"], text["Changes"]], rows);
    }

    private static string Changes(ReportData data, GroupResult period, ReportText text) => string.Join(", ", period.Questions
        .Where(q => q.Change is { Significant: true })
        .Select(q => text.Format("Change", data.Question(q.Key)?.Number ?? 0, q.Change!.Difference > 0 ? "▲" : "▼",
            text.Decimal(Math.Abs(q.Change.Difference) * 100, 0))));
}
