using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Charts;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Targets;

/// <summary>The targets (måltal) as the committee decided them, in words: what is measured, the threshold, whom and which
/// year it is about. Figures are on the dashboard, where the anonymity rules of the selection apply; analysts and
/// administrators create and change targets from here.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(BorgerpulsDb db, InstrumentCatalog catalog, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Line(int Id, string Name, string Instrument, string Measure, string Goal, string Who, string Year);

    public List<Line> Lines { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public bool CanChange { get; private set; }

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanChange = Viewer.From(User).IsAnalystOrAdmin;
        Instruments = await Choices.CitizenInstrumentsAsync(db, ct);
        var instrumentNames = Instruments.ToDictionary(i => i.Value, i => i.Label);
        var sets = (await Choices.TargetGroupSetNamesAsync(db, ct)).ToDictionary(c => c.Value, c => c.Label);
        var groups = (await Choices.TargetGroupNamesAsync(db, ct)).ToDictionary(c => c.Value, c => c.Label);
        var index = await OrganisationIndex.LoadAsync(db, ct);
        var setKeys = index.Sets.ToDictionary(s => s.Value.Id, s => s.Key);
        var targets = await db.Targets.AsNoTracking().Include(x => x.Instrument).ToListAsync(ct);
        var culture = CultureInfo.CurrentCulture;
        var definitions = new Dictionary<string, InstrumentDefinition?>();
        foreach (var key in targets.Select(x => x.Instrument!.Key).Distinct()) definitions[key] = await catalog.LatestAsync(key, ct);

        string Measure(Target x)
        {
            var measure = $"{t[EditModel.MetricKey(x.Metric)]}, {t[EditModel.AggregationKey(x.Aggregation)]}";
            if (x.QuestionKey is not { } q) return measure;
            return definitions[x.Instrument!.Key] is { } d && d.Question(q) is { } question ? $"{measure}: {d.Label(question)}" : $"{measure}: {q}";
        }
        string Who(Target x)
        {
            string? group = x.TargetGroupSetId is { } s ? sets.GetValueOrDefault(setKeys[s]) : x.TargetGroupId is { } g ? groups.GetValueOrDefault(index.TargetGroups[g].Key) : null;
            string? centre = x.JobCentreId is { } jc ? index.JobCentres[jc].Name : null;
            return group is not null && centre is not null ? $"{group}, {centre}" : group ?? centre ?? t["Dashboard.AllCitizens"];
        }
        Lines = targets
            .Select(x => new Line(x.Id, x.Name, instrumentNames.GetValueOrDefault(x.Instrument!.Key, x.Instrument.Key), Measure(x),
                t[EditModel.DirectionKey(x.Direction)] + " " +
                    (x.Metric == TargetMetric.Mean ? x.Threshold.ToString("N2", culture) : ChartFormat.Threshold(x.Threshold, culture)),
                Who(x), x.Year?.ToString(CultureInfo.InvariantCulture) ?? t["Targets.EveryYear"]))
            .OrderBy(l => l.Instrument, StringComparer.CurrentCulture).ThenBy(l => l.Name, StringComparer.CurrentCulture).ToList();
    }
}
