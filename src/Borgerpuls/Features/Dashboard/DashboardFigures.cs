using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Dashboard;

/// <summary>Everything the dashboard shows for one selection, computed only through the query layer (results, compare,
/// priority map, kiosk heat map) with the viewer, so scope and suppression apply exactly as in the API. All of it reads the
/// in-memory aggregates: the cost follows the number of cells, not the number of responses.</summary>
public sealed class DashboardFigures
{
    public required DashboardFilter Filter { get; init; }
    public required InstrumentDefinition Instrument { get; init; }
    public required (DateOnly From, DateOnly To) Months { get; init; }
    public required ResultsReport Overall { get; init; }
    public required ResultsReport BySet { get; init; }
    public required ResultsReport PreviousBySet { get; init; }
    public required ResultsReport PreviousOverall { get; init; }
    public required ResultsReport ByGroup { get; init; }
    public required IReadOnlyList<(string Name, ResultsReport Report)> Trends { get; init; }
    public required PriorityMapReport PriorityMap { get; init; }
    /// <summary>Null when the selection holds no kiosk presses (another instrument, channel or a target group).</summary>
    public required KioskHeatMapReport? Heat { get; init; }
    public required CompareReport? Compare { get; init; }
    public required (string A, string B) CompareKeys { get; init; }

    /// <summary>The groups (or periods) that can be compared: those of the comparison dimension that have figures.</summary>
    public required IReadOnlyList<(string Key, string Label)> CompareChoices { get; init; }
    public required (Dimension Level, ResultsReport Report)? Drill { get; init; }

    /// <summary>The action plan's items for the questionnaire within the selection's centres, and how their questions moved
    /// since each started (within the selected months, as in the report).</summary>
    public required IReadOnlyList<ActionItem> Actions { get; init; }
    public required IReadOnlyDictionary<int, IReadOnlyList<Reports.ActionEffect>> ActionEffects { get; init; }

    /// <summary>The two-way table when a second grouping is chosen.</summary>
    public ResultsReport? Table { get; init; }

    /// <summary>At most this many groups get their own trend line next to the total, so the chart stays readable.</summary>
    public const int TrendGroups = 4;

    public static async Task<DashboardFigures> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, DashboardFilter filter, string instrumentKey, DateOnly today,
        Viewer viewer, int k, CancellationToken ct)
    {
        var months = filter.Months(today);
        var versionId = await db.InstrumentVersions.LatestPublished(instrumentKey).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct)
            ?? throw new ResultsException("Results.Error.UnknownInstrument", instrumentKey);
        var instrument = await databases.Catalog.VersionAsync(versionId, ct);
        var request = filter.Request(instrumentKey, months);
        Task<ResultsReport> Results(ResultsRequest r) => ResultsQuery.FiguresAsync(db, databases, r, viewer, k, ct);

        // Only the overall views carry the targets: they are evaluated on their own populations, whatever the breakdown.
        var overall = await ResultsQuery.RunAsync(db, databases, request, viewer, k, ct);
        var bySet = await Results(request with { By = Dimension.TargetGroupSet });
        var previous = DashboardFilter.Previous(months);
        var previousRequest = request with { From = previous.From, To = previous.To };
        var previousBySet = await Results(previousRequest with { By = Dimension.TargetGroupSet });
        var previousOverall = await ResultsQuery.RunAsync(db, databases, previousRequest, viewer, k, ct);
        var grouping = ResultsApi.Parse(instrumentKey, filter.GroupBy, filter.Period, months.From, months.To, [], filter.GroupBy2);
        var groupBy = grouping.By!.Value;
        var byGroup = groupBy == Dimension.TargetGroupSet ? bySet : await Results(request with { By = groupBy, Background = grouping.Background });
        var table = grouping.By2 is { } by2 ? await Results(request with { By = groupBy, By2 = by2, Background = grouping.Background }) : null;

        var trends = new List<(string, ResultsReport)> { ("", await Results(request with { By = Dimension.Period })) };
        // The unknown group ("") cannot be asked for as a filter; it gets no line of its own.
        foreach (var group in byGroup.Groups.Where(g => !g.Suppressed && g.Key[byGroup.By!].Length > 0).Take(TrendGroups))
        {
            var where = new Dictionary<Dimension, string>(request.Where) { [groupBy] = group.Key[byGroup.By!] };
            trends.Add((group.Label, await Results(request with { By = Dimension.Period, Where = where, Background = grouping.Background })));
        }

        trends = TrendMargins.Apply(trends, viewer, k);

        var map = await PriorityMapQuery.RunAsync(db, databases, request, viewer, k, ct);
        var heat = await HasKioskDataAsync(db, instrumentKey, filter, ct) ? await KioskHeatMapQuery.RunAsync(db, databases, request, viewer, k, ct) : null;

        var compareBy = ResultsRequest.ParseDimension(filter.CompareBy);
        var compareGroups = compareBy == groupBy ? byGroup : await Results(request with { By = compareBy });
        var keys = CompareDefaults(filter, compareBy, compareGroups);
        var compareName = ResultsRequest.Name(compareBy);
        var choices = compareGroups.Groups.Where(g => !g.Suppressed).Select(g => (g.Key[compareName], g.Label)).ToList();
        var compare = keys is { } ab ? CompareQuery.Of(compareGroups, compareBy, ab.A, ab.B) : null;

        (Dimension, ResultsReport)? drill = null;
        if (DrillLevel(filter) is { } level)
        {
            drill = (level, level == groupBy ? byGroup : await Results(request with { By = level }));
        }
        var actions = await Reports.ActionEffects.InScopeAsync(db, databases, request, viewer, ct);
        var effects = await Reports.ActionEffects.ForAsync(db, databases, request, actions, viewer, k, ct);
        return new DashboardFigures
        {
            Filter = filter, Instrument = instrument, Months = months, Overall = overall, BySet = bySet, PreviousBySet = previousBySet,
            PreviousOverall = previousOverall, ByGroup = byGroup, Trends = trends, PriorityMap = map, Heat = heat, Compare = compare,
            CompareKeys = keys ?? ("", ""), CompareChoices = choices, Drill = drill, Table = table,
            Actions = actions, ActionEffects = effects,
        };
    }

    /// <summary>Municipality → job centre → site → unit: the next level below what is selected.</summary>
    public static Dimension? DrillLevel(DashboardFilter filter) =>
        filter.Unit is not null ? null : filter.Site is not null ? Dimension.Unit : filter.JobCentre is not null ? Dimension.Site : Dimension.JobCentre;

    /// <summary>The groups to compare: as chosen, or the first two groups (for periods: the last two) that have figures. A choice
    /// left over from another comparison dimension (the form sends the old picks when only "compare by" changed) is ignored.</summary>
    private static (string A, string B)? CompareDefaults(DashboardFilter filter, Dimension by, ResultsReport groups)
    {
        var name = ResultsRequest.Name(by);
        var keys = groups.Groups.Where(g => !g.Suppressed).Select(g => g.Key[name]).ToList();
        if (filter.A is { } a && filter.B is { } b && keys.Contains(a) && keys.Contains(b)) return (a, b);
        if (by == Dimension.Period) keys.Reverse();
        return keys.Count >= 2 ? by == Dimension.Period ? (keys[1], keys[0]) : (keys[0], keys[1]) : null;
    }

    /// <summary>Whether the selection can hold kiosk presses: kiosks ask the selected instrument, no other channel is chosen,
    /// and no target group (kiosk presses carry none). Otherwise the heat map and its repeat count say nothing about it.</summary>
    private static async Task<bool> HasKioskDataAsync(BorgerpulsDb db, string instrument, DashboardFilter filter, CancellationToken ct)
    {
        if (filter.Channel is { } channel && !channel.Equals(nameof(Channel.Kiosk), StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.TargetGroup is not null || filter.TargetGroupSet is not null) return false;
        return await db.Devices.AnyAsync(d => d.Channel == Channel.Kiosk && d.Instrument!.Key == instrument, ct)
            || await db.Campaigns.AnyAsync(c => c.Channel == Channel.Kiosk && c.Instrument!.Key == instrument, ct);
    }
}
