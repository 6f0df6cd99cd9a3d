using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Results;

public sealed record PriorityMapReport(string Instrument, string? Overall, long Respondents, bool Suppressed, IReadOnlyList<PriorityMapQuestion> Questions)
{
    /// <summary>Why no question could be placed although the selection has answers (<see cref="PriorityMapUnavailable"/>);
    /// null when the map is drawn or is hidden for fewer than k respondents.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Unavailable { get; init; }
}

public sealed record PriorityMapQuestion(string Key, double? Satisfaction, double? Importance, long N, string? Quadrant);

/// <summary>What the priority map lacks: questions to place (an overall question and one scale question besides it, or without
/// an overall question two scale questions, each measured against the mean of the others), or
/// <see cref="PriorityMap.MinimumN"/> respondents behind a question's importance.</summary>
public static class PriorityMapUnavailable
{
    public const string TooFewQuestions = "tooFewQuestions";
    public const string TooFewAnswers = "tooFewAnswers";

    /// <summary>The one wording of a reason, for the dashboard, the report and the command line alike; its argument is
    /// <see cref="PriorityMap.MinimumN"/>.</summary>
    public static string TextKey(string reason) => "PriorityMap.Unavailable." + reason;
}

/// <summary>The priority map (SPEC §5) over the selected cells, from the aggregated pair sums.</summary>
public static class PriorityMapQuery
{
    public static async Task<PriorityMapReport> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, Viewer viewer, int k, CancellationToken ct)
    {
        Suppression.CheckK(k);
        if (request.By is not null)
        {
            throw new ResultsException("Results.Error.PriorityMapBreakdown");
        }
        var (instrument, _, sums) = await ResultsQuery.SumAsync(db, databases, request, viewer, "da", ct);
        var total = sums.Groups.Values.Select(g => g.Total).FirstOrDefault() ?? new CellTotal(sums.Layout);
        if (total.Respondents < k)
        {
            return new PriorityMapReport(instrument.Key, instrument.Overall?.Key, 0, true, []);
        }
        if (viewer.Ledger is { } ledger && sums.GroupCells.Values.FirstOrDefault() is { } cells)
        {
            ledger.Add(instrument.InstrumentId, new Security.Anonymity.RespondentSet(cells, ResultsQuery.Definition(request, "all")));
        }
        var scales = instrument.Questions.Where(q => q.Type == QuestionType.Scale && !q.IsOverall).ToList();
        if (scales.Count < (instrument.Overall is null ? 2 : 1))
        {
            return new PriorityMapReport(instrument.Key, instrument.Overall?.Key, total.Respondents, false, []) { Unavailable = PriorityMapUnavailable.TooFewQuestions };
        }
        var inputs = scales.Select(q =>
        {
            var figures = QuestionFigures.From(ResultsQuery.Tallies(total, sums.Layout, q));
            var values = q.Options.Where(o => o.Value is not null && o.Polarity is Polarity.Positive or Polarity.Neutral or Polarity.Negative).Select(o => o.Value!.Value).ToList();
            return new PriorityInput(q.Key, figures.Mean, values.Min(), values.Max(), total.PairOf(sums.Layout, q.Key));
        });
        var points = PriorityMap.Build(inputs);
        return new PriorityMapReport(instrument.Key, instrument.Overall?.Key, total.Respondents, false,
            points.Select(p => new PriorityMapQuestion(p.Key, p.Satisfaction, p.Importance, p.N, p.Quadrant is { } qd ? PriorityMap.Code(qd) : null)).ToList())
        {
            Unavailable = points.Any(p => p.Quadrant is not null) ? null : PriorityMapUnavailable.TooFewAnswers,
        };
    }
}
