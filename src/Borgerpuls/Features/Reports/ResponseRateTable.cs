using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Reports;

/// <summary>The response rate per group next to the bases (SPEC §5), for the groups whose denominator is known. Those who
/// decline are not like those who answer, so a low or strongly differing rate is named in words in every format — a reader
/// of a printed page cannot be warned by colour.</summary>
internal static class ResponseRateTable
{
    public static IEnumerable<ReportBlock> Blocks(ReportText text, IReadOnlyList<(string Label, GroupResult Group)> columns)
    {
        var known = columns.Where(c => c.Group.ResponseRate is not null).Select(c => (c.Label, Rate: c.Group.ResponseRate!)).ToList();
        if (known.Count == 0) yield break;

        yield return new ReportHeading(text["RatesHeading"], 2);
        var flagged = known.Where(k => k.Rate.Low || k.Rate.DiffersFromRest).Select(k => k.Label).ToList();
        if (flagged.Count > 0)
        {
            yield return new ReportParagraph(text.Format("RateWarning", string.Join(", ", flagged)));
        }
        var rows = known.Select(k => (IReadOnlyList<ReportCell>)
        [
            k.Label,
            new ReportCell(text.Percent(k.Rate.Rate), CellKind.Share, k.Rate.Rate),
            new ReportCell(text.Count(k.Rate.Answered), CellKind.Count, k.Rate.Answered),
            new ReportCell(text.Count(k.Rate.Offered), CellKind.Count, k.Rate.Offered),
            Note(k.Rate, text),
        ]).ToList();
        yield return new ReportTable(text["SheetRates"], text["RatesCaption"],
            [text["Group"], text["Rate"], text["Answered"], text["Offered"], text["RateNote"]], rows);
    }

    private static string Note(ResponseRateResult rate, ReportText text) =>
        string.Join("; ", new[] { rate.Low ? text["RateLow"] : null, rate.DiffersFromRest ? text["RateDiffers"] : null }.OfType<string>());
}
