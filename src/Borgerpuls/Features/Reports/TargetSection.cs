using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Reports;

/// <summary>Target status (måltal): met or not on the unrounded value, and whether the difference from the threshold is
/// statistically significant, so that 6.3 % against "at most 6 %" reads "not met — not significantly different".</summary>
internal static class TargetSection
{
    /// <summary>Each group's targets, then the total's (an empty group name); a target for no particular group shows in both.</summary>
    public static IReadOnlyList<(string Group, TargetResult Target)> Lines(ReportData data)
    {
        var lines = new List<(string Group, TargetResult Target)>();
        foreach (var group in data.Groups.Groups)
        {
            lines.AddRange(group.Targets.Select(t => (group.Label, t)));
        }
        lines.AddRange(data.Total.Groups.SelectMany(g => g.Targets).Select(t => ("", t)));
        return lines;
    }

    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        yield return new ReportHeading(text["TargetsHeading"]);
        var lines = Lines(data);
        if (lines.Count == 0)
        {
            yield return new ReportParagraph(text["TargetsNone"]);
            yield break;
        }
        var rows = lines.Select(l => (IReadOnlyList<ReportCell>)
        [
            l.Group.Length == 0 ? text["Total"] : l.Group,
            l.Target.Name,
            Value(l.Target.Value, l.Target.Metric, text),
            text.Format(l.Target.Direction == "atLeast" ? "AtLeast" : "AtMost", Value(l.Target.Threshold, l.Target.Metric, text).Text),
            new ReportCell(l.Target.Met switch { true => text["Met"], false => text["NotMet"], null => text["NoData"] }) { Strong = true },
            l.Target.Significant switch { true => text["Significant"], false => text["NotSignificant"], null => "" },
        ]).ToList();
        yield return new ReportTable(text["SheetTargets"], text["TargetsCaption"],
            [text["TargetGroup"], text["Target"], text["Value"], text["Threshold"], text["Status"], text["Significance"]], rows);
    }

    /// <summary>One decimal, because a target is judged on the unrounded value and "6 pct." could hide 6.3 %.</summary>
    private static ReportCell Value(double? value, string metric, ReportText text) => value switch
    {
        null => "–",
        { } v when metric == "mean" => text.DecimalCell(v, 2),
        { } v => new ReportCell(text.Format("Percent", text.Decimal(v * 100)), CellKind.Share, v),
    };
}
