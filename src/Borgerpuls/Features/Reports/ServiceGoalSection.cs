using Borgerpuls.Features.ServiceGoals;

namespace Borgerpuls.Features.Reports;

/// <summary>Servicemål: each goal's compliance over the report's months in the report's scope, with its interval and whether
/// the target share is met, and (in the workbook) the trend per month. Event counts, not answers: shown without the
/// anonymity threshold (docs/service-goals.md).</summary>
internal static class ServiceGoalSection
{
    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        yield return new ReportHeading(text["ServiceGoalsHeading"]);
        if (data.ServiceGoals.Count == 0)
        {
            yield return new ReportParagraph(text["ServiceGoalsNone"]);
            yield break;
        }
        var rows = data.ServiceGoals.Select(g => (IReadOnlyList<ReportCell>)
        [
            new ReportCell(g.Goal.Names.In(text.Language).Text) { Detail = text.Format("ServiceGoalPromise", g.Goal.Kind, text.Decimal(g.Goal.WithinHours, 0)) },
            text.CountCell(g.Total.Kept, false, 0),
            text.CountCell(g.Total.Counted, false, 0),
            Share(g.Total.Share, text),
            g.Total.Interval is { } i ? $"{text.Decimal(i.Low * 100)}–{text.Decimal(i.High * 100)}" : "–",
            new ReportCell(text.Format("Percent", text.Decimal(g.Goal.TargetShare * 100)), CellKind.Share, g.Goal.TargetShare),
            new ReportCell(g.Status?.Met switch { true => text["Met"], false => text["NotMet"], null => text["NoData"] }) { Strong = true },
            g.Status?.Significant switch { true => text["Significant"], false => text["NotSignificant"], null => "" },
        ]).ToList();
        yield return new ReportTable(text["SheetServiceGoals"], text["ServiceGoalsCaption"],
            [text["ServiceGoal"], text["ServiceGoalKept"], text["ServiceGoalCounted"], text["Value"], text["ServiceGoalInterval"], text["Threshold"], text["Status"], text["Significance"]], rows);
        var trend = data.ServiceGoals.SelectMany(g => g.Trend.Where(m => m.Figure.Counted > 0).Select(m => (IReadOnlyList<ReportCell>)
        [
            g.Goal.Names.In(text.Language).Text,
            text.Period(m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)),
            text.CountCell(m.Figure.Kept, false, 0),
            text.CountCell(m.Figure.Counted, false, 0),
            Share(m.Figure.Share, text),
        ])).ToList();
        // Goals without events in the period have no months to show; an empty sheet would only look like a fault.
        if (trend.Count > 0)
        {
            yield return new ReportTable(text["SheetServiceGoalTrend"], text["ServiceGoalTrendCaption"],
                [text["ServiceGoal"], text["Month"], text["ServiceGoalKept"], text["ServiceGoalCounted"], text["Value"]], trend) { WorkbookOnly = true };
        }
        yield return new ReportParagraph(text["ServiceGoalsNote"], Note: true);
    }

    /// <summary>One decimal: the goal is judged on the unrounded share.</summary>
    private static ReportCell Share(double? share, ReportText text) =>
        share is { } s ? new ReportCell(text.Format("Percent", text.Decimal(s * 100)), CellKind.Share, s) : "–";
}
