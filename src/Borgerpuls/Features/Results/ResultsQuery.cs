using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Results;

/// <summary>Results (SPEC §5–§6) from the in-memory aggregates: figures per question per group, both averages, targets,
/// with the anonymity threshold and complementary suppression applied here, so that no caller can bypass them.</summary>
public static class ResultsQuery
{
    /// <summary>The figures and the targets (måltal) of the instrument that apply to the selection, each evaluated once on
    /// its own year, job centre and target group (<see cref="TargetQuery"/>).</summary>
    public static async Task<ResultsReport> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, Viewer viewer, int k, CancellationToken ct)
    {
        var report = await FiguresAsync(db, databases, request, viewer, k, ct);
        var targets = await TargetQuery.RunAsync(db, databases, request, viewer, k, ct);
        return report with
        {
            Targets = targets,
            Groups = report.Groups.Select(g => g.Suppressed ? g : g with { Targets = targets.Where(t => TargetQuery.IsAbout(t, request, g.Key)).ToList() }).ToList(),
        };
    }

    /// <summary>The figures alone, for views that show no targets (comparisons, action effects, themes, evidence).</summary>
    public static async Task<ResultsReport> FiguresAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, Viewer viewer, int k, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await ComputeAsync(db, databases, request, viewer, k, ct);
        }
        finally
        {
            Metrics.BorgerpulsMetrics.Queried(started);
        }
    }

    private static async Task<ResultsReport> ComputeAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, Viewer viewer, int k, CancellationToken ct)
    {
        Suppression.CheckK(k);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var (instrument, index, sums) = await SumAsync(db, databases, request, viewer, language, ct);
        var questions = instrument.Questions.Where(q => q.Type is QuestionType.Scale or QuestionType.YesNo).ToList();
        var groups = sums.Groups;
        if (request.By is null && groups.Count == 0)
        {
            groups["all"] = (CellSelection.GroupLabels(language).Total, new CellTotal(new SlotLayout()));
        }
        var ordered = groups.OrderBy(g => request.By == Dimension.Period && request.By2 is null ? g.Key : g.Value.Label, StringComparer.Ordinal).ToList();

        // Respondents in no group (e.g. in no target-group set) are what the total minus all groups reveals: they take part
        // in the suppression as a cell that is never shown; in a two-way table, per row and per column.
        var hide = Hider(request, ordered.Select(g => g.Key).ToList(), sums, k);
        var hiddenGroups = hide(t => t.Respondents, null);
        var figures = ordered.Select(g => questions.Select(q => QuestionFigures.From(Tallies(g.Value.Total, sums.Layout, q))).ToList()).ToList();
        var hiddenCells = new bool[ordered.Count, questions.Count];
        for (var q = 0; q < questions.Count; q++)
        {
            var question = questions[q];
            var hidden = hide(t => t.Respondents == 0 ? 0 : QuestionFigures.From(Tallies(t, sums.Layout, question)).Base, hiddenGroups);
            for (var g = 0; g < ordered.Count; g++) hiddenCells[g, q] = hidden[g];
        }

        var rates = await ResponseRateQuery.RunAsync(databases, instrument.InstrumentId, sums, language, ct);
        // Only groups that are shown take part, so no flag says anything about a suppressed group.
        var shownRates = ordered.Select((g, i) => !hiddenGroups[i] && rates.TryGetValue(g.Key, out var r) ? r.Total : new ResponseRate(0, 0)).ToList();
        var ratesDiffer = ResponseRate.DiffersFromRest(shownRates);
        var result = new List<GroupResult>();
        for (var g = 0; g < ordered.Count; g++)
        {
            var (groupKey, (label, counts)) = (ordered[g].Key, ordered[g].Value);
            var keyObject = KeyObject(request, groupKey);
            if (hiddenGroups[g])
            {
                var why = counts.Respondents < k ? HiddenBecause.FewerThanK : HiddenBecause.Complementary;
                result.Add(new GroupResult(keyObject, label, null, true, questions.Select(q => Hidden(q.Key, why)).ToList(), null) { SuppressedReason = why });
                continue;
            }
            var shown = new List<QuestionFigures>();
            var rows = new List<QuestionResult>();
            for (var q = 0; q < questions.Count; q++)
            {
                if (hiddenCells[g, q])
                {
                    rows.Add(Hidden(questions[q].Key, figures[g][q].Base < k ? HiddenBecause.FewerThanK : HiddenBecause.Complementary));
                    continue;
                }
                var f = figures[g][q];
                shown.Add(f);
                rows.Add(new QuestionResult(questions[q].Key, f.Base, f.PositiveShare, f.NeutralShare, f.NegativeShare, f.Excluded, f.Mean,
                    Pair(f.PositiveInterval), Pair(f.NegativeInterval), Pair(f.MeanInterval), false) { Figures = f });
            }
            var averages = QuestionAverages.From(shown);
            var average = new AverageResult(averages.PositiveMeanOfQuestions, averages.NegativeMeanOfQuestions, averages.PositivePooled, averages.NegativePooled,
                Pair(averages.PositiveMeanOfQuestionsInterval), Pair(averages.PositivePooledInterval));
            result.Add(new GroupResult(keyObject, label, counts.Respondents, false, rows, average)
            {
                ResponseRate = shownRates[g] is { Offered: > 0 } rate
                    ? new ResponseRateResult(rate.Offered, rate.Answered, rate.Rate, rate.Low, ratesDiffer[g]) { ByReferral = ReferralRates.From(rates[groupKey].ByReferral) }
                    : null,
            });
        }
        result = AgainstRest(result, figures, request);
        result = Disclose(result, ordered.Select(g => g.Key).ToList(), sums, viewer, instrument.InstrumentId, request);
        if (request.By == Dimension.Period && request.By2 is null)
        {
            result = WithChanges(result, figures);
        }
        return new ResultsReport(instrument.Key, request.By is { } b ? request.NameOf(b) : null,
            new PeriodInfo(request.From is { } from ? new DateOnly(from.Year, from.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                request.To is { } to ? new DateOnly(to.Year, to.Month, DateTime.DaysInMonth(to.Year, to.Month)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null),
            k, sums.LeftOutRepeats, result) { By2 = request.By2 is { } b2 ? request.NameOf(b2) : null };
    }

    /// <summary>The suppression rule for the request's shape, as a function from a count (respondents, a question's base) and
    /// the groups hidden already to the groups hidden: along the one breakdown, or along the rows and columns of a table.</summary>
    private static Func<Func<CellTotal, long>, bool[]?, bool[]> Hider(ResultsRequest request, List<string> keys, Sums sums, int k)
    {
        var totals = keys.Select(key => sums.Groups[key].Total).ToList();
        if (request.By2 is null)
        {
            return (count, already) => Suppression.Apply([.. totals.Select(count), count(sums.Uncovered)], k, [.. already ?? new bool[keys.Count], true])[..^1];
        }
        var parts = keys.Select(key => key.Split(CellSelection.TableSeparator)).ToList();
        var rows = parts.Select(p => p[0]).Concat(sums.RowOutside.Keys).Distinct().ToList();
        var columns = parts.Select(p => p[1]).Concat(sums.ColumnOutside.Keys).Distinct().ToList();
        return (count, already) => TableSuppression.Apply(
            [.. parts.Select((p, i) => new TableSuppression.TableCell(rows.IndexOf(p[0]), columns.IndexOf(p[1]), count(totals[i])))],
            [.. rows.Select(r => sums.RowOutside.TryGetValue(r, out var t) ? count(t) : 0)],
            [.. columns.Select(c => sums.ColumnOutside.TryGetValue(c, out var t) ? count(t) : 0)], k, already);
    }

    /// <summary>A group's key in the output: one dimension's key, or a table cell's row and column keys.</summary>
    private static Dictionary<string, string> KeyObject(ResultsRequest request, string groupKey)
    {
        var key = new Dictionary<string, string>();
        if (request.By is not { } by) return key;
        if (request.By2 is not { } by2)
        {
            key[request.NameOf(by)] = groupKey;
            return key;
        }
        var parts = groupKey.Split(CellSelection.TableSeparator);
        key[request.NameOf(by)] = parts[0];
        key[request.NameOf(by2)] = parts[1];
        return key;
    }

    /// <summary>With three or more groups of one breakdown, flags per question the groups whose positive share differs from
    /// the other shown groups', Holm-adjusted (SPEC §5). Not for periods (the trend tests them one after the other) nor for
    /// target-group sets, which may share members, so that "the rest" would count some respondents twice.</summary>
    private static List<GroupResult> AgainstRest(List<GroupResult> groups, List<List<QuestionFigures>> figures, ResultsRequest request)
    {
        if (request.By is null or Dimension.Period or Dimension.TargetGroupSet || request.By2 is not null || groups.Count < 3) return groups;
        var flags = new RestComparison?[groups.Count][];
        for (var g = 0; g < groups.Count; g++) flags[g] = new RestComparison?[groups[g].Questions.Count];
        for (var q = 0; q < groups[0].Questions.Count; q++)
        {
            var tested = GroupsAgainstRest.Test(groups.Select((group, g) => group.Suppressed || group.Questions[q].Suppressed
                ? ((long, long)?)null : (figures[g][q].Positive, figures[g][q].Base)).ToList());
            for (var g = 0; g < groups.Count; g++) flags[g][q] = tested[g];
        }
        return groups.Select((group, g) => group with
        {
            Questions = group.Questions.Select((question, q) => flags[g][q] is { } f
                ? question with { VersusRest = new RestResult(f.Difference, f.Test == ComparisonTest.FisherExact ? "fisher" : "z", f.PValue, f.AdjustedPValue, f.Significant) }
                : question).ToList(),
        }).ToList();
    }

    /// <summary>Tells the viewer's ledger which respondent sets the report shows: every shown group and, where the groups do
    /// not overlap, what the shown groups add up to (one subtraction away from the total).</summary>
    private static List<GroupResult> Disclose(List<GroupResult> groups, List<string> keys, Sums sums, Viewer viewer, int instrumentId, ResultsRequest request)
    {
        if (viewer.Ledger is not { } ledger) return groups;
        var shown = new List<GroupResult>();
        var union = new Dictionary<CellKey, long>();
        var overlapping = false;
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g].Suppressed || !sums.GroupCells.TryGetValue(keys[g], out var cells))
            {
                shown.Add(groups[g]);
                continue;
            }
            var set = new RespondentSet(cells, Definition(request, keys[g]));
            ledger.Add(instrumentId, set);
            shown.Add(groups[g] with { Disclosed = set });
            foreach (var (key, count) in cells)
            {
                overlapping |= union.ContainsKey(key);
                union[key] = union.GetValueOrDefault(key) + count;
            }
        }
        // Overlapping groups (target-group sets sharing a group) do not add up to a set of respondents.
        if (request.By is not null && !overlapping && shown.Count(g => g.Disclosed is not null) > 1)
        {
            ledger.Add(instrumentId, new RespondentSet(union, Definition(request, null)));
        }
        return shown;
    }

    /// <summary>Trends: each period's positive share against the previous period's, flagged only when significant — tested
    /// on the counts (<see cref="TrendChanges"/>), and never against a hidden period or question.</summary>
    private static List<GroupResult> WithChanges(List<GroupResult> periods, List<List<QuestionFigures>> figures)
    {
        var changes = new ChangeResult?[periods.Count][];
        for (var g = 0; g < periods.Count; g++) changes[g] = new ChangeResult?[periods[g].Questions.Count];
        for (var q = 0; q < (periods.Count == 0 ? 0 : periods[0].Questions.Count); q++)
        {
            var series = periods.Select((p, g) => new PeriodCount(p.Label, figures[g][q].Positive, figures[g][q].Base) { Hidden = p.Suppressed || p.Questions[q].Suppressed }).ToList();
            var points = TrendChanges.Flag(series);
            for (var g = 1; g < periods.Count; g++)
            {
                if (points[g].VsPrevious is { } test)
                {
                    changes[g][q] = new ChangeResult(periods[g - 1].Label, test.Difference, test.Test == ComparisonTest.FisherExact ? "fisher" : "z", test.PValue, test.Significant);
                }
            }
        }
        return periods.Select((p, g) => p with { Questions = p.Questions.Select((q, i) => changes[g][i] is { } change ? q with { Change = change } : q).ToList() }).ToList();
    }

    /// <summary>The question a shown group answers, for "the same question asked again" (months, not days: the aggregates are
    /// monthly, so two dates in one month ask the same).</summary>
    internal static string Definition(ResultsRequest request, string? group)
    {
        object?[] parts =
        [
            request.Instrument, request.By is { } by ? request.NameOf(by) : null, request.By == Dimension.Period || request.By2 == Dimension.Period ? request.Period.ToString() : null,
            request.From is { } f ? f.Year * 100 + f.Month : null, request.To is { } t ? t.Year * 100 + t.Month : null,
            request.Where.OrderBy(w => w.Key).Select(w => $"{request.NameOf(w.Key)}={w.Value}").ToList(), request.IncludeKioskRepeats, group,
        ];
        // A one-way question keeps the definition it always had, so sets stored before two-way tables still match.
        return RespondentSet.DefinitionOf(request.By2 is { } by2 ? [.. parts, request.NameOf(by2)] : parts);
    }

    internal sealed record Sums(Dictionary<string, (string Label, CellTotal Total)> Groups, SlotLayout Layout, long LeftOutRepeats)
    {
        /// <summary>Respondents per cell of each group, for the differencing guard; empty for viewers it does not apply to.</summary>
        public Dictionary<string, Dictionary<CellKey, long>> GroupCells { get; init; } = [];

        /// <summary>The selected respondents that fall in no group of the breakdown.</summary>
        public required CellTotal Uncovered { get; init; }

        /// <summary>In a two-way table: per row, the row's respondents in no column; per column, the column's in no row.</summary>
        public Dictionary<string, CellTotal> RowOutside { get; init; } = [];

        public Dictionary<string, CellTotal> ColumnOutside { get; init; } = [];

        /// <summary>Respondents per group who answered on a tablet: the numerator of the tablet response rate.</summary>
        public Dictionary<string, long> TabletRespondents { get; init; } = [];

        /// <summary>Respondents per group and month who answered on paper: the numerator of the paper response rate.</summary>
        public Dictionary<(string Group, int Month), long> PaperRespondents { get; init; } = [];

        public CellSelection? Selection { get; init; }
    }

    /// <summary>Selects the request's cells and sums them per group, under the store's read lock.</summary>
    internal static async Task<(InstrumentDefinition, OrganisationIndex, Sums)> SumAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, Viewer viewer, string language, CancellationToken ct)
    {
        var versionId = await db.InstrumentVersions.LatestPublished(request.Instrument).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct)
            ?? throw new ResultsException("Results.Error.UnknownInstrument", request.Instrument);
        var instrument = await databases.Catalog.VersionAsync(versionId, ct);
        var index = await databases.Catalog.OrganisationAsync(ct);
        var sums = await databases.Aggregates.Cells.ReadAsync(instrument.InstrumentId, cells =>
        {
            var selection = CellSelection.Select(request, cells, index, viewer);
            var groups = new Dictionary<string, (string Label, CellTotal Total)>(StringComparer.Ordinal);
            var tablet = new Dictionary<string, long>(StringComparer.Ordinal);
            var paper = new Dictionary<(string, int), long>();
            // Only roles below analyst are checked for differencing; the others need not pay for the cell lists.
            var groupCells = new Dictionary<string, Dictionary<CellKey, long>>(StringComparer.Ordinal);
            var uncovered = new CellTotal(cells.Layout);
            var rowOutside = new Dictionary<string, CellTotal>(StringComparer.Ordinal);
            var columnOutside = new Dictionary<string, CellTotal>(StringComparer.Ordinal);
            CellTotal Outside(Dictionary<string, CellTotal> totals, string key) =>
                totals.TryGetValue(key, out var total) ? total : totals[key] = new CellTotal(cells.Layout);
            foreach (var cell in selection.Cells)
            {
                var covered = false;
                var onTablet = cell.Key.Channel == TabletChannel;
                var onPaper = cell.Key.Channel == PaperChannel;
                foreach (var (groupKey, label) in selection.GroupsOf(cell.Key, language))
                {
                    covered = true;
                    if (!groups.TryGetValue(groupKey, out var group))
                    {
                        groups[groupKey] = group = (label, new CellTotal(cells.Layout));
                    }
                    group.Total.Add(cell);
                    if (onTablet) tablet[groupKey] = tablet.GetValueOrDefault(groupKey) + cell.Respondents;
                    if (onPaper) paper[(groupKey, cell.Key.Month)] = paper.GetValueOrDefault((groupKey, cell.Key.Month)) + cell.Respondents;
                    if (viewer.Ledger is not null)
                    {
                        if (!groupCells.TryGetValue(groupKey, out var own)) groupCells[groupKey] = own = [];
                        own[cell.Key] = own.GetValueOrDefault(cell.Key) + cell.Respondents;
                    }
                }
                if (covered) continue;
                if (request.By2 is not { } by2)
                {
                    uncovered.Add(cell);
                    continue;
                }
                var rows = selection.GroupsOf(request.By, cell.Key, language).Select(g => g.Key).ToList();
                var columns = selection.GroupsOf(by2, cell.Key, language).Select(g => g.Key).ToList();
                if (rows.Count == 0 && columns.Count == 0) uncovered.Add(cell);
                foreach (var row in rows) Outside(rowOutside, row).Add(cell);
                foreach (var column in columns) Outside(columnOutside, column).Add(cell);
            }
            return new Sums(groups, cells.Layout, selection.LeftOutRepeats)
            {
                TabletRespondents = tablet, PaperRespondents = paper, Selection = selection, GroupCells = groupCells, Uncovered = uncovered,
                RowOutside = rowOutside, ColumnOutside = columnOutside,
            };
        }, ct);
        return (instrument, index, sums);
    }

    private static readonly string TabletChannel = nameof(Channel.Tablet);
    private static readonly string PaperChannel = nameof(Channel.Paper);

    internal static IEnumerable<OptionTally> Tallies(CellTotal total, SlotLayout layout, QuestionDefinition question) =>
        question.Options.Select(o => new OptionTally(o.Polarity, o.Value, total.Count(layout, question.Key, o.Code)));

    private static QuestionResult Hidden(string key, string why) => new(key, null, null, null, null, null, null, null, null, null, true) { SuppressedReason = why };

    private static double[]? Pair(Interval? interval) => interval is { } i && !double.IsNaN(i.Low) ? [i.Low, i.High] : null;
}
