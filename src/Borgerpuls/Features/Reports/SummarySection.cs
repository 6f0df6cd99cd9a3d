using Borgerpuls.Domain;

namespace Borgerpuls.Features.Reports;

/// <summary>The summary a committee member reads first: how many answered, the average positive and negative shares per
/// group in seed 004's words, target status, the priority map's challenges and the action plan's progress.</summary>
internal static class SummarySection
{
    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        var k = data.Request.K;
        var points = new List<string>();
        var total = data.Total.Groups.Single();
        points.Add(total.Suppressed || total.Respondents is null
            ? text.Format("SummaryFew", k)
            : text.Format("SummaryRespondents", text.Count(total.Respondents.Value)));
        foreach (var (label, group) in ReportComposer.Columns(data, text))
        {
            if (group.Suppressed || group.Average?.PositiveMeanOfQuestions is not { } positive || group.Average.NegativeMeanOfQuestions is not { } negative)
            {
                continue;
            }
            points.Add(text.Format("SummaryGroup", label, text.Percent(positive), text.Percent(negative)));
        }
        // Targets, not cells: each target is evaluated once, and one that could not be judged is said to be so.
        var targets = TargetSection.Lines(data);
        var judged = targets.Where(t => t.Met is not null).ToList();
        if (judged.Count > 0)
        {
            points.Add(judged.Count == targets.Count
                ? text.Format("SummaryTargets", judged.Count(t => t.Met == true), judged.Count)
                : text.Format("SummaryTargetsUnjudged", judged.Count(t => t.Met == true), judged.Count, targets.Count - judged.Count));
        }
        var challenges = data.PriorityMap.Questions.Where(q => q.Quadrant == "challenge").OrderByDescending(q => q.Importance).Select(q => ReportComposer.QuestionTitle(data, q.Key)).ToList();
        if (challenges.Count > 0)
        {
            points.Add(text.Format("SummaryChallenges", string.Join("; ", challenges)));
        }
        if (data.Actions.Count > 0)
        {
            points.Add(text.Format("SummaryActions", data.Actions.Count, data.Actions.Count(a => a.Status == ActionStatus.Done),
                data.Actions.Count(a => a.Status == ActionStatus.InProgress), data.Actions.Count(a => a.Status == ActionStatus.Planned)));
        }
        yield return new ReportHeading(text["SummaryHeading"]);
        yield return new ReportBullets(points);
        yield return new ReportParagraph(text["EditableNote"], Note: true);
    }
}
