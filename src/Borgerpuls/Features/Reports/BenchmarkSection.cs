using Borgerpuls.Features.Benchmark;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Reports;

/// <summary>Andre kommuner (gennemsnit): per question the own municipality beside the average of the other opted-in
/// municipalities and how many contribute, or why there is no average (docs/cross-municipal.md). Left out entirely when no
/// municipality of the deployment takes part.</summary>
internal static class BenchmarkSection
{
    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        if (data.Benchmark is not { } panel) yield break;
        string T(string key, params object?[] args) => SharedTexts.Format(text.Culture, key, args);
        yield return new ReportHeading(T("Benchmark.Title"));
        if (panel.Report is not { Refused: null } report)
        {
            yield return new ReportParagraph(T(panel.MessageKey!, panel.Args ?? []));
            yield break;
        }
        yield return new ReportParagraph(T("Benchmark.Lead", report.MunicipalityName, report.K));
        var rows = report.Questions.Select(q => (IReadOnlyList<ReportCell>)
        [
            data.Question(q.Key) is { } question ? $"{question.Number}. {question.Text}" : q.Key,
            q.Own is { } own ? new ReportCell(text.Percent(own.PositiveShare), CellKind.Share, own.PositiveShare) : "–",
            q.Own?.Mean is { } mean ? new ReportCell(text.Decimal(mean), CellKind.Decimal, mean) : "–",
            q.Others is { } others ? new ReportCell(text.Percent(others.PositiveShare), CellKind.Share, others.PositiveShare) : T(BenchmarkQuery.ReasonKey(q.Refused!.Value)),
            q.Others?.Mean is { } othersMean ? new ReportCell(text.Decimal(othersMean), CellKind.Decimal, othersMean) : "–",
            q.Others is null ? "–" : text.CountCell(q.Contributing, false, 0),
        ]).ToList();
        yield return new ReportTable(T("Benchmark.Sheet"), T("Benchmark.Caption"),
            [T("Benchmark.Question"), T("Benchmark.OwnShare"), T("Benchmark.OwnMean"), T("Benchmark.OthersShare"), T("Benchmark.OthersMean"), T("Benchmark.Contributing")], rows);
        yield return new ReportParagraph(T("Benchmark.Note", BenchmarkQuery.MinimumOthers) + " " + T("Benchmark.ReportScope"), Note: true);
    }
}
