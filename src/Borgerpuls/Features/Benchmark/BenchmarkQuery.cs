using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Benchmark;

/// <summary>What a benchmark is asked for: an instrument and whole months, for one municipality (the viewer's; named when
/// the viewer's scope covers more than one).</summary>
public sealed record BenchmarkRequest(string Instrument, DateOnly? From, DateOnly? To, string? Municipality = null);

/// <summary>Why a benchmark shows no average: the viewer's own municipality has not opted in, or fewer than three other
/// opted-in municipalities have at least k answers to the question.</summary>
public enum BenchmarkRefusal
{
    NotOptedIn,
    FewerThanThree,
}

/// <summary>One figure: the positive share and, for scale questions, the mean.</summary>
public sealed record BenchmarkFigure(double PositiveShare, double? Mean);

/// <summary>One question: the own municipality's figure (null below k) beside the other municipalities' unweighted average
/// and how many contribute (null with the reason when refused). Never which municipalities, nor their own figures.</summary>
public sealed record BenchmarkQuestion(string Key, long Base, BenchmarkFigure? Own, int Contributing, BenchmarkFigure? Others, BenchmarkRefusal? Refused);

public sealed record BenchmarkReport(string Instrument, PeriodInfo Period, int K, string MunicipalityKey, string MunicipalityName,
    BenchmarkRefusal? Refused, IReadOnlyList<BenchmarkQuestion> Questions);

/// <summary>The cross-municipal benchmark (docs/cross-municipal.md, ADR 0017): per question the viewer's municipality beside the
/// unweighted mean of the other opted-in municipalities' figures — each other municipality counted only with at least k
/// answers to the question, and the average shown only when at least <see cref="MinimumOthers"/> contribute. Reads the
/// in-memory aggregates through <see cref="CellSelection"/> and counts with <see cref="QuestionFigures"/>, as results do.</summary>
public static class BenchmarkQuery
{
    /// <summary>Fewer other municipalities than this and the average is refused: with two, one of them together with the
    /// viewer's municipality could work out the other's own figure.</summary>
    public const int MinimumOthers = 3;

    public static string ReasonKey(BenchmarkRefusal refusal) => "Benchmark.Refused." + refusal;

    public static async Task<BenchmarkReport> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, BenchmarkRequest request, Viewer viewer, int k, CancellationToken ct)
    {
        Suppression.CheckK(k);
        if (request.From is { } f && request.To is { } t && t < f) throw new ResultsException("Results.Error.ToBeforeFrom");
        var municipalities = await db.Municipalities.AsNoTracking().Select(m => new { m.Id, m.Key, m.Name, m.Benchmark }).ToListAsync(ct);
        var centres = await db.JobCentres.AsNoTracking().Select(j => new { j.Id, j.Key, j.MunicipalityId }).ToListAsync(ct);
        var municipalityOf = centres.ToDictionary(c => c.Id, c => c.MunicipalityId);

        // A manager's municipality is that of their centres; the other roles see the whole deployment and name one.
        var visible = viewer.SeesAll ? municipalities : municipalities.Where(m => centres.Any(c => c.MunicipalityId == m.Id && viewer.SeesCentre(c.Key))).ToList();
        var own = request.Municipality is { Length: > 0 } wanted
            ? municipalities.FirstOrDefault(m => m.Key == wanted) is { } named
                ? visible.Contains(named) ? named : throw new ResultsException("Benchmark.Error.NotYourMunicipality", wanted)
                : throw new ResultsException("Benchmark.Error.UnknownMunicipality", wanted)
            : visible.Count == 1 ? visible[0]
            : throw new ResultsException("Benchmark.Error.ChooseMunicipality", string.Join(", ", visible.Select(m => m.Key).Order(StringComparer.Ordinal)));
        var ownCentres = centres.Where(c => c.MunicipalityId == own.Id && viewer.SeesCentre(c.Key)).Select(c => c.Id).ToHashSet();
        var optedIn = municipalities.Where(m => m.Benchmark && m.Id != own.Id).Select(m => m.Id).ToHashSet();

        var versionId = await db.InstrumentVersions.LatestPublished(request.Instrument).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct)
            ?? throw new ResultsException("Results.Error.UnknownInstrument", request.Instrument);
        var instrument = await databases.Catalog.VersionAsync(versionId, ct);
        var index = await databases.Catalog.OrganisationAsync(ct);
        var questions = instrument.Questions.Where(q => q.Type is QuestionType.Scale or QuestionType.YesNo).ToList();
        var period = new PeriodInfo(request.From?.ToString("yyyy-MM-01", CultureInfo.InvariantCulture),
            request.To is { } to ? new DateOnly(to.Year, to.Month, DateTime.DaysInMonth(to.Year, to.Month)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
        if (!own.Benchmark)
        {
            return new BenchmarkReport(instrument.Key, period, k, own.Key, own.Name, BenchmarkRefusal.NotOptedIn, []);
        }

        // The whole deployment's cells of the instrument and months (the viewer's scope applies to the own figure only: the
        // others are never shown one by one), summed per opted-in municipality.
        var selectionRequest = new ResultsRequest(request.Instrument) { From = request.From, To = request.To };
        var (layout, ownTotal, ownCells, others) = await databases.Aggregates.Cells.ReadAsync(instrument.InstrumentId, cells =>
        {
            var selection = CellSelection.Select(selectionRequest, cells, index, Viewer.CommandLine);
            var ownTotal = new CellTotal(cells.Layout);
            var ownCells = new Dictionary<CellKey, long>();
            var others = new Dictionary<int, CellTotal>();
            foreach (var cell in selection.Cells)
            {
                if (!municipalityOf.TryGetValue(cell.Key.JobCentreId, out var municipality)) continue;
                if (ownCentres.Contains(cell.Key.JobCentreId))
                {
                    ownTotal.Add(cell);
                    ownCells[cell.Key] = ownCells.GetValueOrDefault(cell.Key) + cell.Respondents;
                }
                else if (optedIn.Contains(municipality))
                {
                    if (!others.TryGetValue(municipality, out var total)) others[municipality] = total = new CellTotal(cells.Layout);
                    total.Add(cell);
                }
            }
            return (cells.Layout, ownTotal, ownCells, others);
        }, ct);

        var rows = new List<BenchmarkQuestion>();
        var ownShown = false;
        foreach (var question in questions)
        {
            var mine = QuestionFigures.From(ResultsQuery.Tallies(ownTotal, layout, question));
            var contributions = others.Values.Select(total => QuestionFigures.From(ResultsQuery.Tallies(total, layout, question)))
                .Where(figures => figures.Base >= k).ToList();
            var scale = question.Type == QuestionType.Scale;
            var ownFigure = mine.Base >= k ? new BenchmarkFigure(mine.PositiveShare!.Value, scale ? mine.Mean : null) : null;
            ownShown |= ownFigure is not null;
            if (contributions.Count < MinimumOthers)
            {
                rows.Add(new BenchmarkQuestion(question.Key, mine.Base, ownFigure, 0, null, BenchmarkRefusal.FewerThanThree));
                continue;
            }
            rows.Add(new BenchmarkQuestion(question.Key, mine.Base, ownFigure, contributions.Count, Average(contributions, scale), null));
        }
        // The own figure is a set of the viewer's respondents like any result: the differencing guard compares it.
        if (ownShown && viewer.Ledger is { } ledger)
        {
            ledger.Add(instrument.InstrumentId, new RespondentSet(ownCells,
                RespondentSet.DefinitionOf("benchmark", request.Instrument, Month(request.From), Month(request.To), own.Key)));
        }
        return new BenchmarkReport(instrument.Key, period, k, own.Key, own.Name, null, rows);
    }

    /// <summary>The unweighted mean of the contributing municipalities' figures, so a large municipality does not dominate
    /// (ADR 0017). Rounded to whole percentage points and one decimal of the mean before it leaves this class, which blurs
    /// what subtracting two averages with different contributors could tell about one municipality.</summary>
    private static BenchmarkFigure Average(List<QuestionFigures> contributions, bool scale) => new(
        Math.Round(contributions.Average(c => c.PositiveShare!.Value), 2, MidpointRounding.AwayFromZero),
        scale ? Math.Round(contributions.Average(c => c.Mean!.Value), 1, MidpointRounding.AwayFromZero) : null);

    private static int? Month(DateOnly? date) => date is { } d ? d.Year * 100 + d.Month : null;
}
