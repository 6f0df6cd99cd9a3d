using Borgerpuls.Domain;

namespace Borgerpuls.Features.Reports;

/// <summary>The action plan's status: each initiative with owner, deadline, status and the questions it should move — the
/// link from survey to action that seed 002's plan makes by question number — and how those questions moved since.</summary>
internal static class ActionSection
{
    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        yield return new ReportHeading(text["ActionsHeading"]);
        if (data.Actions.Count == 0)
        {
            yield return new ReportParagraph(text["ActionsNone"]);
            yield break;
        }
        var rows = data.Actions.Select(a => (IReadOnlyList<ReportCell>)
        [
            new ReportCell(a.Title) { Detail = a.Description },
            a.Owner ?? "",
            a.Deadline is { } d ? text.Date(d) : "",
            new ReportCell(text["ActionStatus." + a.Status]) { Strong = a.Status == ActionStatus.InProgress },
            string.Join(", ", a.QuestionKeys.Select(k => data.Question(k)?.Number.ToString(text.Culture) ?? k)),
            a.ExpectedEffect ?? "",
            Effects(data, a, text),
        ]).ToList();
        yield return new ReportTable(text["SheetActions"], text["ActionsCaption"],
            [text["Action"], text["Owner"], text["Deadline"], text["Status"], text["Questions"], text["ExpectedEffect"], text["BeforeAfter"]], rows);
    }

    private static string Effects(ReportData data, ActionItem action, ReportText text) =>
        data.ActionEffects.TryGetValue(action.Id, out var effects) ? ActionEffects.Describe(effects, k => data.Question(k)?.Number, data.Request.K, text) : "";
}
