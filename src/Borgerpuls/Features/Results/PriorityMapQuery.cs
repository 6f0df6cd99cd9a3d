using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Results;

public sealed record PriorityMapReport(string Instrument, string? Overall, long Respondents, bool Suppressed, IReadOnlyList<PriorityMapQuestion> Questions);

public sealed record PriorityMapQuestion(string Key, double? Satisfaction, double? Importance, long N, string? Quadrant);

/// <summary>The priority map (SPEC §5) over the selected cells, from the aggregated pair sums.</summary>
public static class PriorityMapQuery
{
    public static async Task<PriorityMapReport> RunAsync(BorgerpulsDb db, DatabaseSetup.Target target, ResultsRequest request, Viewer viewer, int k, CancellationToken ct)
    {
        Suppression.CheckK(k);
        if (request.By is not null)
        {
            throw new ResultsException("The priority map has no breakdown; filter with --where instead.");
        }
        var (instrument, _, sums) = await ResultsQuery.SumAsync(db, target, request, viewer, "da", ct);
        var total = sums.Groups.Values.Select(g => g.Total).FirstOrDefault() ?? new CellTotal(sums.Layout);
        if (total.Respondents < k)
        {
            return new PriorityMapReport(instrument.Key, instrument.Overall?.Key, 0, true, []);
        }
        var inputs = instrument.Questions.Where(q => q.Type == QuestionType.Scale && !q.IsOverall).Select(q =>
        {
            var figures = QuestionFigures.From(ResultsQuery.Tallies(total, sums.Layout, q));
            var values = q.Options.Where(o => o.Value is not null && o.Polarity is Polarity.Positive or Polarity.Neutral or Polarity.Negative).Select(o => o.Value!.Value).ToList();
            return new PriorityInput(q.Key, figures.Mean, values.Min(), values.Max(), total.PairOf(sums.Layout, q.Key));
        });
        var points = PriorityMap.Build(inputs);
        if (viewer.Ledger is { } ledger && sums.GroupCells.Values.FirstOrDefault() is { } cells)
        {
            ledger.Add(instrument.InstrumentId, new Security.Anonymity.RespondentSet(cells, ResultsQuery.Definition(request, "all")));
        }
        return new PriorityMapReport(instrument.Key, instrument.Overall?.Key, total.Respondents, false,
            points.Select(p => new PriorityMapQuestion(p.Key, p.Satisfaction, p.Importance, p.N, p.Quadrant is { } qd ? PriorityMap.Code(qd) : null)).ToList());
    }
}
