using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Reports;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Actions;

/// <summary>One action and what happened to its questions: each linked question's positive share in the twelve months before
/// the action started and from its start month until now, with the significance of the change — for the action's centre
/// (or the municipality), under the viewer's scope, suppression and the differencing guard like every figure.</summary>
[Authorize(Policy = Policies.Aggregates), DisclosureGuarded]
public sealed class DetailsModel(BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, InstrumentCatalog catalog, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Months before the start that the "before" figure covers: a year, so a season does not pass for an effect.</summary>
    public const int MonthsBefore = 12;

    public ActionItem Item { get; private set; } = null!;
    public string? CentreName { get; private set; }
    public InstrumentDefinition? Definition { get; private set; }
    public bool CanChange { get; private set; }
    public int K => anonymity.K;

    public (DateOnly From, DateOnly To) Before { get; private set; }
    public (DateOnly From, DateOnly To) After { get; private set; }
    public IReadOnlyList<ActionEffect> Effects { get; private set; } = [];

    /// <summary>Why no figures are shown (a resource key): no start date, no questions, not started yet.</summary>
    public string? NoFigures { get; private set; }
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var action = await db.Actions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return NotFound();
        var centre = action.JobCentreId is { } jc ? await db.JobCentres.AsNoTracking().Where(j => j.Id == jc).Select(j => new { j.Key, j.Name }).SingleAsync(ct) : null;
        var viewer = Viewer.For(HttpContext);
        if (!ActionScope.Sees(viewer, centre?.Key)) return Forbid();
        (Item, CentreName, CanChange) = (action, centre?.Name, ActionScope.Changes(viewer, centre?.Key));
        Definition = action.InstrumentKey is { } key ? await catalog.LatestAsync(key, ct) : null;

        var today = DanishTime.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (action.StartsOn is not { } startsOn) NoFigures = "Actions.Effect.NoStart";
        else if (Definition is null || action.QuestionKeys.Count == 0) NoFigures = "Actions.Effect.NoQuestions";
        else if (new DateOnly(startsOn.Year, startsOn.Month, 1) > thisMonth) NoFigures = "Actions.Effect.NotStarted";
        if (NoFigures is not null) return Page();

        var start = new DateOnly(action.StartsOn!.Value.Year, action.StartsOn.Value.Month, 1);
        (Before, After) = ((start.AddMonths(-MonthsBefore), start.AddDays(-1)), (start, thisMonth.AddMonths(1).AddDays(-1)));
        var scope = new ResultsRequest(action.InstrumentKey!)
        {
            From = Before.From, To = After.To,
            Where = centre is null ? new Dictionary<Dimension, string>() : new Dictionary<Dimension, string> { [Dimension.JobCentre] = centre.Key },
        };
        try
        {
            var effects = await ActionEffects.ForAsync(db, databases, scope, [action], viewer, anonymity.K, ct);
            Effects = effects.GetValueOrDefault(action.Id) ?? [];
        }
        catch (ResultsException e)
        {
            Refused = e.Text(t);
            return Page();
        }
        if (await DisclosureFilter.RefusalAsync(HttpContext, t) is { } refusal)
        {
            (Effects, Refused) = ([], refusal);
        }
        return Page();
    }

    public string QuestionText(string key) => Definition?.Question(key) is { } q ? Definition.Label(q) : key;
}
