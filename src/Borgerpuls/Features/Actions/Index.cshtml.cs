using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Shared;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Actions;

/// <summary>The action plan (handleplan): every action the viewer may see, open ones first by deadline, with a way to
/// create one for a questionnaire and to change those the viewer is responsible for.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(BorgerpulsDb db, Questionnaire.InstrumentCatalog catalog) : PageModel
{
    /// <summary>A linked question as the report numbers it (its place in the questionnaire) with its text for the tooltip.</summary>
    public sealed record LinkedQuestion(string Key, int? Number, string Text);

    public sealed record Line(int Id, string Title, string? CentreName, string? Instrument, IReadOnlyList<LinkedQuestion> Questions, string? Owner,
        DateOnly? StartsOn, DateOnly? Deadline, ActionStatus Status, bool CanChange);

    public List<Line> Lines { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public bool CanCreate { get; private set; }

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = Viewer.From(User);
        CanCreate = ActionScope.Creates(viewer);
        Instruments = await Choices.CitizenInstrumentsAsync(db, ct);
        var centres = await db.JobCentres.AsNoTracking().ToDictionaryAsync(j => j.Id, j => (j.Key, j.Name), ct);
        var names = Instruments.ToDictionary(i => i.Value, i => i.Label);
        var actions = await db.Actions.AsNoTracking().ToListAsync(ct);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var definitions = new Dictionary<string, Questionnaire.InstrumentDefinition>();
        foreach (var key in actions.Select(a => a.InstrumentKey).OfType<string>().Distinct())
        {
            if (await catalog.LatestAsync(key, ct) is { } definition) definitions[key] = definition;
        }
        IReadOnlyList<LinkedQuestion> Linked(ActionItem a) => a.QuestionKeys.Select(k =>
            a.InstrumentKey is { } i && definitions.GetValueOrDefault(i) is { } d && d.Question(k) is { } q
                ? new LinkedQuestion(k, d.NumberOf(k), q.Texts.In(language).Text)
                : new LinkedQuestion(k, null, k)).ToList();
        Lines = actions
            .Select(a => (Action: a, Centre: a.JobCentreId is { } id && centres.TryGetValue(id, out var c) ? c : ((string Key, string Name)?)null))
            .Where(x => ActionScope.Sees(viewer, x.Centre?.Key))
            .OrderBy(x => x.Action.Status is ActionStatus.Done or ActionStatus.Dropped).ThenBy(x => x.Action.Deadline ?? DateOnly.MaxValue)
            .ThenBy(x => x.Action.Title, StringComparer.CurrentCulture)
            .Select(x => new Line(x.Action.Id, x.Action.Title, x.Centre?.Name, x.Action.InstrumentKey is { } k ? names.GetValueOrDefault(k, k) : null,
                Linked(x.Action), x.Action.Owner, x.Action.StartsOn, x.Action.Deadline, x.Action.Status, ActionScope.Changes(viewer, x.Centre?.Key)))
            .ToList();
    }
}
