using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Reports;

/// <summary>Seed 004's tables: the share of positive and of negative answers per question (rows) and target group
/// (columns), the two averages underneath, then the bases, and — in the workbook only — every figure with its interval.</summary>
internal static class ShareTables
{
    public static IEnumerable<ReportBlock> Blocks(ReportData data, ReportText text)
    {
        var columns = ReportComposer.Columns(data, text);
        var questions = data.Questions.Where(q => q.InTables).ToList();
        var k = data.Request.K;
        IReadOnlyList<ReportCell> header = [text["Question"], .. columns.Select(c => new ReportCell(c.Label))];

        yield return new ReportHeading(text["SharesHeading"]);
        yield return ReportCharts.Shares(data, text);
        foreach (var positive in new[] { true, false })
        {
            var rows = new List<IReadOnlyList<ReportCell>>();
            foreach (var q in questions)
            {
                var labels = positive ? q.PositiveLabels : q.NegativeLabels;
                ReportCell title = new($"{q.Number}. {q.Text}") { Detail = labels.Count == 0 ? null : text.Format("ShareOf", text.Alternatives(labels)) };
                rows.Add([title, .. columns.Select(c => Cell(c.Group, q.Key, positive, text, k))]);
            }
            rows.Add([new ReportCell(text["AverageMeanOfQuestions"]) { Strong = true },
                .. columns.Select(c => text.ShareCell(positive ? c.Group.Average?.PositiveMeanOfQuestions : c.Group.Average?.NegativeMeanOfQuestions, c.Group.Suppressed, k, c.Group.SuppressedReason))]);
            rows.Add([text["AveragePooled"],
                .. columns.Select(c => text.ShareCell(positive ? c.Group.Average?.PositivePooled : c.Group.Average?.NegativePooled, c.Group.Suppressed, k, c.Group.SuppressedReason))]);
            rows.Add([text["Respondents"], .. columns.Select(c => text.CountCell(c.Group.Respondents, c.Group.Suppressed, k, c.Group.SuppressedReason))]);
            yield return new ReportHeading(text[positive ? "PositiveHeading" : "NegativeHeading"], 2);
            yield return new ReportTable(text[positive ? "SheetPositive" : "SheetNegative"], text[positive ? "PositiveCaption" : "NegativeCaption"], header, rows);
            if (positive && columns.Any(c => c.Group.Questions.Any(q => q.VersusRest is { Significant: true })))
            {
                yield return new ReportParagraph(text["DiffersFromRestNote"], Note: true);
            }
        }

        var bases = questions.Select(q => (IReadOnlyList<ReportCell>)
        [
            $"{q.Number}. {q.Text}",
            .. columns.Select(c => Of(c.Group, q.Key) is { } r ? text.CountCell(r.Base, r.Suppressed, k, r.SuppressedReason) : "–"),
            Of(data.Total.Groups.Single(), q.Key) is { Suppressed: false } t ? text.CountCell(t.Excluded, false, k) : text.Suppressed(k, Of(data.Total.Groups.Single(), q.Key)?.SuppressedReason),
        ]).ToList();
        yield return new ReportHeading(text["BasesHeading"], 2);
        yield return new ReportTable(text["SheetBases"], text["BasesCaption"], [.. header, text["Excluded"]], bases);
        foreach (var block in ResponseRateTable.Blocks(text, columns)) yield return block;

        yield return Details(data, text, columns, questions);
    }

    private static QuestionResult? Of(GroupResult group, string key) => group.Questions.FirstOrDefault(q => q.Key == key);

    /// <summary>A share; a positive share that differs from the other groups' (Holm-adjusted) says so on a second line.</summary>
    private static ReportCell Cell(GroupResult group, string key, bool positive, ReportText text, int k) => Of(group, key) switch
    {
        null => "–",
        { VersusRest.Significant: true } q when positive => text.ShareCell(q.Positive, false, k) with { Detail = text["DiffersFromRest"], Strong = true },
        var q => text.ShareCell(positive ? q.Positive : q.Negative, q.Suppressed, k, q.SuppressedReason),
    };

    private static ReportTable Details(ReportData data, ReportText text, IReadOnlyList<(string Label, GroupResult Group)> columns, List<ReportQuestion> questions)
    {
        var k = data.Request.K;
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var (label, group) in columns)
        {
            foreach (var question in questions)
            {
                var q = Of(group, question.Key);
                if (q is null || q.Suppressed)
                {
                    rows.Add([label, question.Key, question.Text, text.Suppressed(k, q?.SuppressedReason)]);
                    continue;
                }
                rows.Add([label, question.Key, question.Text, text.CountCell(q.Base, false, k), text.CountCell(q.Excluded, false, k),
                    text.ShareCell(q.Positive, false, k), Bound(q.PositiveCi, 0, text), Bound(q.PositiveCi, 1, text),
                    text.ShareCell(q.Neutral, false, k),
                    text.ShareCell(q.Negative, false, k), Bound(q.NegativeCi, 0, text), Bound(q.NegativeCi, 1, text),
                    text.DecimalCell(q.Mean, 2), text.DecimalCell(q.MeanCi?[0], 2), text.DecimalCell(q.MeanCi?[1], 2)]);
            }
        }
        return new ReportTable(text["SheetDetails"], text["DetailsCaption"],
            [text["Group"], text["Key"], text["Question"], text["Base"], text["Excluded"], text["Positive"], text["Low"], text["High"], text["Neutral"],
             text["Negative"], text["Low"], text["High"], text["Mean"], text["Low"], text["High"]], rows) { WorkbookOnly = true };
    }

    private static ReportCell Bound(double[]? interval, int end, ReportText text) =>
        interval is { Length: 2 } i ? new ReportCell(text.Format("Percent", text.Decimal(i[end] * 100)), CellKind.Share, i[end]) : "–";
}
