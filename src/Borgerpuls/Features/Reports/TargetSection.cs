using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Reports;

/// <summary>Target status (måltal): met or not on the unrounded value, and whether the difference from the threshold is
/// statistically significant, so that 6.3 % against "at most 6 %" reads "not met — not significantly different".</summary>
internal static class TargetSection
{
    /// <summary>The report's targets: each once, evaluated on its own population and year (see <see cref="TargetQuery"/>).</summary>
    public static IReadOnlyList<TargetResult> Lines(ReportData data) => data.Total.Targets;

    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        yield return new ReportHeading(text["TargetsHeading"]);
        var lines = Lines(data);
        if (lines.Count == 0)
        {
            yield return new ReportParagraph(text["TargetsNone"]);
            yield break;
        }
        var rows = lines.Select(t => (IReadOnlyList<ReportCell>)
        [
            t.Population ?? text["AllCitizens"],
            t.Name,
            TargetPeriod.Of(t.Period, text.Culture) ?? text["WholeSelection"],
            t.Suppressed ? new ReportCell(text.Suppressed(data.Total.K, t.SuppressedReason), CellKind.Suppressed) : Value(t.Value, t.Metric, text),
            // "mindst 79,0 pct." in Word and HTML; the workbook keeps the number, so the column can be compared and sorted.
            Value(t.Threshold, t.Metric, text) is var threshold ? threshold with { Text = text.Format(t.Direction == "atLeast" ? "AtLeast" : "AtMost", threshold.Text) } : "",
            new ReportCell(t.Met switch { true => text["Met"], false => text["NotMet"], null => text["NoData"] }) { Strong = true },
            t.Significant switch { true => text["Significant"], false => text["NotSignificant"], null => "" },
        ]).ToList();
        yield return new ReportTable(text["SheetTargets"], text["TargetsCaption"],
            [text["Population"], text["Target"], text["TargetPeriod"], text["Value"], text["Threshold"], text["Status"], text["Significance"]], rows);
    }

    /// <summary>One decimal, because a target is judged on the unrounded value and "6 pct." could hide 6.3 %.</summary>
    private static ReportCell Value(double? value, string metric, ReportText text) => value switch
    {
        null => "–",
        { } v when metric == "mean" => text.DecimalCell(v, 2),
        { } v => new ReportCell(text.Format("Percent", text.Decimal(v * 100)), CellKind.Share, v),
    };
}
