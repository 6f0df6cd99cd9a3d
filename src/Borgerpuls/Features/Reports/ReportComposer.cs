using System.Globalization;
using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Reports;

/// <summary>Lays the report out in the order a committee paper reads (seed 002 and 004): summary, targets, the positive and
/// negative shares per question and target group, trends, priority map, comments, the action plan, and the method.</summary>
public static class ReportComposer
{
    public static ReportDocument Compose(ReportData data, ReportText text)
    {
        var blocks = new List<ReportBlock>();
        blocks.AddRange(SummarySection.Blocks(data, text));
        blocks.AddRange(TargetSection.Blocks(data, text));
        blocks.AddRange(ServiceGoalSection.Blocks(data, text));
        blocks.AddRange(ShareTables.Blocks(data, text));
        blocks.AddRange(BenchmarkSection.Blocks(data, text));
        blocks.AddRange(TrendSection.Blocks(data, text));
        blocks.AddRange(PriorityMapSection.Blocks(data, text));
        blocks.AddRange(MirrorSection.Blocks(data, text));
        blocks.AddRange(CommentSection.Blocks(data, text));
        blocks.AddRange(ActionSection.Blocks(data, text));
        blocks.AddRange(MethodSection.Blocks(data, text));
        var subtitle = string.Join(" · ", new[] { data.InstrumentName, Period(data, text), Scope(data, text) });
        return new ReportDocument(text["Title"], subtitle, text.Language, blocks);
    }

    public static string Period(ReportData data, ReportText text)
    {
        static DateOnly? Parse(string? date) => date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (from, to) = (Parse(data.Total.Period.From), Parse(data.Total.Period.To));
        return (from, to) switch
        {
            (null, null) => text["AllPeriods"],
            ({ } f, null) => text.Format("PeriodFrom", text.Date(f)),
            (null, { } t) => text.Format("PeriodTo", text.Date(t)),
            ({ } f, { } t) => text.Format("PeriodRange", text.Date(f), text.Date(t)),
        };
    }

    public static string Scope(ReportData data, ReportText text) => data.Request.Results.Where.Count == 0
        ? text["ScopeAll"]
        : string.Join(", ", data.Request.Results.Where.OrderBy(w => w.Key).Select(w => $"{ResultsRequest.Name(w.Key)} = {w.Value}"));

    /// <summary>"2. Hvor tilfreds er du …" as the questionnaire numbers it.</summary>
    public static string QuestionTitle(ReportData data, string key) => data.Question(key) is { } q ? $"{q.Number}. {q.Text}" : key;

    /// <summary>The groups of the breakdown followed by the total, as the share tables' columns.</summary>
    public static IReadOnlyList<(string Label, GroupResult Group)> Columns(ReportData data, ReportText text) =>
        data.Groups.Groups.Select(g => (g.Label, g)).Append((text["Total"], data.Total.Groups.Single())).ToList();
}
