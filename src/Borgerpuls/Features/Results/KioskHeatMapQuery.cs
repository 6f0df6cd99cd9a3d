using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Results;

public sealed record KioskHeatMapReport(string Instrument, string? Question, int K, long LeftOutRepeats, IReadOnlyList<KioskHour> Hours);

/// <summary>One hour of the week (weekday 0 = Monday, local hour 0–23): presses and the positive share of the kiosk question;
/// both withheld when suppressed.</summary>
public sealed record KioskHour(int Weekday, int Hour, long? Presses, double? Positive, bool Suppressed);

/// <summary>The kiosk heat map (SPEC §5): presses by local weekday and hour from the kiosk cube, with the anonymity threshold and
/// complementary suppression over the hours, the viewer's scope, and the count of repeat presses left out. Its cost follows
/// the number of cells, not of presses.</summary>
public static class KioskHeatMapQuery
{
    public static async Task<KioskHeatMapReport> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, Viewer viewer, int k, CancellationToken ct)
    {
        Suppression.CheckK(k);
        var versionId = await db.InstrumentVersions.LatestPublished(request.Instrument).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct)
            ?? throw new ResultsException("Results.Error.UnknownInstrument", request.Instrument);
        var instrument = await databases.Catalog.VersionAsync(versionId, ct);
        var index = await databases.Catalog.OrganisationAsync(ct);
        var question = instrument.Overall ?? instrument.Questions.FirstOrDefault(q => q.Type == QuestionType.Scale);
        // Kiosk presses carry no target group or channel choice: only the organisation and the period narrow them.
        var organisation = request.Where.Where(w => w.Key is Dimension.JobCentre or Dimension.Site or Dimension.Unit).ToDictionary(w => w.Key, w => w.Value);
        var scoped = request with { By = null, Where = organisation };
        var (hours, repeats) = await databases.Aggregates.Cells.ReadAsync(instrument.InstrumentId, cells =>
        {
            var selection = CellSelection.Select(scoped, cells, index, viewer, kioskClock: true);
            var byClock = new SortedDictionary<int, (long Presses, QuestionFigures? Figures, RespondentSet? Set)>();
            foreach (var group in selection.Cells.GroupBy(c => c.Key.Clock))
            {
                var total = new CellTotal(cells.Layout);
                foreach (var cell in group) total.Add(cell);
                var set = viewer.Ledger is null ? null
                    : new RespondentSet(group.Select(c => KeyValuePair.Create(c.Key, c.Respondents)), ResultsQuery.Definition(scoped, $"kiosk-clock {group.Key}"));
                byClock[group.Key] = (total.Respondents, question is null ? null : QuestionFigures.From(ResultsQuery.Tallies(total, cells.Layout, question)), set);
            }
            return (byClock.ToList(), selection.LeftOutRepeats);
        }, ct);
        var hidden = Suppression.Apply(hours.Select(h => h.Value.Presses).ToList(), k);
        if (viewer.Ledger is { } ledger)
        {
            var shown = hours.Where((_, i) => !hidden[i]).Select(h => h.Value.Set!).ToList();
            shown.ForEach(set => ledger.Add(instrument.InstrumentId, set));
            if (shown.Count > 1) ledger.Add(instrument.InstrumentId, new RespondentSet(shown.SelectMany(s => s.Cells), ResultsQuery.Definition(scoped, "kiosk-clock")));
        }
        var result = hours.Select((h, i) =>
        {
            var (weekday, hour) = KioskClock.Split(h.Key);
            return hidden[i]
                ? new KioskHour(weekday, hour, null, null, true)
                : new KioskHour(weekday, hour, h.Value.Presses, h.Value.Figures?.Base >= k ? h.Value.Figures.PositiveShare : null, false);
        }).ToList();
        return new KioskHeatMapReport(instrument.Key, question?.Key, k, repeats, result);
    }
}
