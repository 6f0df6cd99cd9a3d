using Borgerpuls.Features.Charts;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Reports;

/// <summary>The priority map (prioriteringskort) as the dashboard's chart — the scatter with named quadrants — and as a table:
/// satisfaction, derived importance and quadrant per question, challenges first, as Rødovre's action plan reads it (seed 002).</summary>
internal static class PriorityMapSection
{
    private static readonly string[] Order = ["challenge", "strength", "secondary-challenge", "secondary-strength"];

    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        yield return new ReportHeading(text["PriorityHeading"]);
        var map = data.PriorityMap;
        if (map.Suppressed)
        {
            yield return new ReportParagraph(text.Format("PrioritySuppressed", data.Request.K));
            yield break;
        }
        if (map.Unavailable is { } reason)
        {
            yield return new ReportParagraph(SharedTexts.Format(text.Culture, PriorityMapUnavailable.TextKey(reason), Analysis.PriorityMap.MinimumN));
            yield break;
        }
        yield return new ReportParagraph(text["PriorityIntro"]);
        yield return Chart(data, text);
        var rows = map.Questions
            .OrderBy(q => q.Quadrant is null ? Order.Length : Array.IndexOf(Order, q.Quadrant)).ThenByDescending(q => q.Importance)
            .Select(q => (IReadOnlyList<ReportCell>)
            [
                ReportComposer.QuestionTitle(data, q.Key),
                text.DecimalCell(q.Satisfaction),
                text.DecimalCell(q.Importance, 2),
                text.CountCell(q.N, false, data.Request.K),
                q.Quadrant is { } quadrant ? new ReportCell(text["Quadrant." + quadrant]) { Strong = quadrant == "challenge" } : text["NotPlaced"],
            ]).ToList();
        yield return new ReportTable(text["SheetPriority"], text["PriorityCaption"],
            [text["Question"], text["Satisfaction"], text["Importance"], text["N"], text["Quadrant"]], rows);
    }

    private static ReportImage Chart(ReportData data, ReportText text)
    {
        var quadrants = new PriorityMapText(text["Question"], text["Satisfaction"], text["Importance"], text["N"], text["Quadrant"], text["NotPlaced"],
            text["Quadrant.challenge"], text["Quadrant.strength"], text["Quadrant.secondary-strength"], text["Quadrant.secondary-challenge"]);
        var chart = new PriorityMapChart(text["PriorityHeading"], text["PriorityIntro"], quadrants,
            data.PriorityMap.Questions.Select(q => new PriorityPoint(ReportComposer.QuestionTitle(data, q.Key), q.Satisfaction, q.Importance, q.N, q.Quadrant)).ToList());
        // The alternative text names the questions in each quadrant, challenges first: what a sighted reader takes from the chart.
        var placed = Order.Select(quadrant => (Name: quadrants.QuadrantName(quadrant),
                Questions: data.PriorityMap.Questions.Where(q => q.Quadrant == quadrant).OrderByDescending(q => q.Importance).Select(q => ReportComposer.QuestionTitle(data, q.Key)).ToList()))
            .Where(x => x.Questions.Count > 0)
            .Select(x => $"{x.Name}: {string.Join(", ", x.Questions)}");
        return new ReportImage(text["PriorityChartCaption"], text.Format("PriorityChartAlt", string.Join("; ", placed)),
            ChartRenderer.Png(chart, text.Culture), ChartRenderer.Svg(chart, text.Culture));
    }
}
