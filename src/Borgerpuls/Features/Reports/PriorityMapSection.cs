namespace Borgerpuls.Features.Reports;

/// <summary>The priority map (prioriteringskort) as a table: satisfaction, derived importance and quadrant per question,
/// challenges first, as Rødovre's action plan reads it (seed 002). A chart can be added by the dashboard's chart module.</summary>
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
        if (map.Questions.Count == 0 || map.Questions.All(q => q.Quadrant is null))
        {
            yield return new ReportParagraph(text["PriorityNone"]);
            yield break;
        }
        yield return new ReportParagraph(text["PriorityIntro"]);
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
}
