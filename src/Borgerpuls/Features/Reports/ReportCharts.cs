using Borgerpuls.Features.Charts;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Reports;

/// <summary>The dashboard's share bars and trend line for the report: every citizen in the selection, so the picture holds what
/// the committee reads first, while the tables beside it break the figures down. Hidden figures stay hidden in the picture.</summary>
internal static class ReportCharts
{
    public static ReportImage Shares(ReportData data, ReportText text)
    {
        var k = data.Request.K;
        var total = data.Total.Groups.Single();
        var bars = data.Questions.Where(q => q.InTables).Select(q => (Question: q, Result: total.Questions.FirstOrDefault(r => r.Key == q.Key)))
            .Where(x => x.Result is not null)
            .Select(x => new ShareBar($"{x.Question.Number}. {x.Question.Text}", text["AllInSelection"], x.Result!.Positive, x.Result.Neutral, x.Result.Negative,
                x.Result.PositiveCi?[0], x.Result.PositiveCi?[1], x.Result.Base, x.Result.Suppressed || total.Suppressed)
            {
                Complementary = HiddenBecause.IsComplementary(total.Suppressed ? total.SuppressedReason : x.Result.SuppressedReason),
            }).ToList();
        // Inside the picture the dashboard's short title; the report's caption above it says the rest.
        var chart = new ShareBarsChart(SharedTexts.Get("Dashboard.Bars.Title", text.Culture), text["SharesChartCaption"],
            ChartTexts.Bars(Texts(text), text.Suppressed(k), text.Suppressed(k, HiddenBecause.Complementary)), bars);
        var read = bars.Select(b => $"{b.Question}: {(b.Suppressed || b.Positive is null ? text.Suppressed(k, b.Complementary ? HiddenBecause.Complementary : null) : text.Percent(b.Positive.Value))}");
        return Image(chart, text["SharesChartCaption"], text.Format("SharesChartAlt", string.Join("; ", read)), text);
    }

    public static ReportImage Trend(ReportData data, ReportText text, string unit)
    {
        var k = data.Request.K;
        var periods = data.Trend.Groups.Select(g => g.Label).ToList();
        var points = data.Trend.Groups.Select(g => g is { Suppressed: false, Average.PositiveMeanOfQuestions: { } value }
            ? new TrendPoint(value, g.Average.PositiveMeanOfQuestionsCi?[0], g.Average.PositiveMeanOfQuestionsCi?[1], g.Respondents, g.Questions.Any(q => q.Change?.Significant == true))
            : null).ToList();
        var caption = text.Format("TrendChartCaption", unit);
        var chart = new TrendChart(SharedTexts.Get("Dashboard.Trend.Title", text.Culture), caption, ChartTexts.Trend(Texts(text), text.Suppressed(k)),
            periods.Select(text.Period).ToList(), [new TrendSeries(text["AllInSelection"], points)]);
        var read = data.Trend.Groups.Select((g, i) => $"{text.Period(g.Label)} {(points[i] is { } point ? text.Percent(point.Value) : text.Suppressed(k, g.SuppressedReason))}");
        return Image(chart, caption, text.Format("TrendChartAlt", string.Join("; ", read)), text);
    }

    private static Func<string, string> Texts(ReportText text) => key => SharedTexts.Get(key, text.Culture);

    private static ReportImage Image(Chart chart, string caption, string alt, ReportText text) =>
        new(caption, alt, ChartRenderer.Png(chart, text.Culture), ChartRenderer.Svg(chart, text.Culture));
}
