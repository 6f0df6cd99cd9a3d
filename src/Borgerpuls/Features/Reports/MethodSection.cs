using System.Globalization;
namespace Borgerpuls.Features.Reports;

/// <summary>Method notes: what the base is, how intervals, averages, targets and the priority map are computed, and the
/// anonymity rules — so the figures can be read and defended without the analyst in the room.</summary>
internal static class MethodSection
{
    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        yield return new ReportHeading(text["MethodHeading"]);
        yield return new ReportParagraph(text["MethodBase"]);
        yield return new ReportParagraph(text["MethodShares"]);
        yield return new ReportParagraph(text["MethodAverages"]);
        yield return new ReportParagraph(text["MethodIntervals"]);
        yield return new ReportParagraph(text["MethodTargets"]);
        yield return new ReportParagraph(text["MethodPriority"]);
        yield return new ReportParagraph(text["MethodResponseRate"]);
        yield return new ReportParagraph(text.Format("MethodSuppression", data.Request.K, data.Request.KComments));
        if (data.Total.LeftOutKioskRepeats > 0)
        {
            yield return new ReportParagraph(text.Format("MethodKiosk", text.Count(data.Total.LeftOutKioskRepeats)));
        }
        // Danish local time, as the committee reads the clock; the date in words like every other date in the report.
        var local = Localization.DanishTime.Of(data.GeneratedAt);
        yield return new ReportParagraph(text.Format("Generated", text.Date(DateOnly.FromDateTime(local.DateTime)) + local.ToString(" HH:mm", CultureInfo.InvariantCulture)), Note: true);
    }
}
