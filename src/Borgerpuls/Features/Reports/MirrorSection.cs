using Borgerpuls.Features.Mirror;

namespace Borgerpuls.Features.Reports;

/// <summary>Borgernes svar og medarbejdernes forventning: for a questionnaire with a mirror, per target group and question the
/// citizens' positive share beside the share staff expected, the gap and, in words, whether it is significant
/// (docs/mirror-survey.md). Absent for a questionnaire without a mirror.</summary>
internal static class MirrorSection
{
    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        if (data.Mirror is not { } mirror) yield break;
        yield return new ReportHeading(text["MirrorHeading"]);
        yield return new ReportParagraph(text.Format("MirrorLead", mirror.MirrorNames.In(text.Language).Text));
        var rows = mirror.Groups.SelectMany(g => g.Questions.Select(q => (IReadOnlyList<ReportCell>)
        [
            g.Label,
            MirrorText.Question(q, text.Culture),
            text.ShareCell(q.Citizens.Share, !q.Citizens.Shown, mirror.K, q.Citizens.SuppressedReason),
            text.CountCell(q.Citizens.Base, !q.Citizens.Shown, mirror.K, q.Citizens.SuppressedReason),
            text.ShareCell(q.Staff.Share, !q.Staff.Shown, mirror.K, q.Staff.SuppressedReason),
            text.CountCell(q.Staff.Base, !q.Staff.Shown, mirror.K, q.Staff.SuppressedReason),
            q.GapPoints is { } gap ? new ReportCell(MirrorText.Gap(q, text.Culture), CellKind.Decimal, gap) : "–",
            new ReportCell(MirrorText.Assessment(q, text.Culture)) { Strong = q.Test?.Significant == true },
        ])).ToList();
        yield return new ReportTable(text["SheetMirror"], text["MirrorCaption"],
            [text["MirrorGroup"], text["MirrorQuestion"], text["MirrorCitizens"], "n", text["MirrorStaff"], "n", text["MirrorGap"], text["MirrorAssessment"]], rows);
        yield return new ReportParagraph(text.Format("MirrorNote", mirror.K), Note: true);
    }
}
