using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Reports;

/// <summary>One linked question of an action: its positive share before the action started and since, and whether the
/// change is significant. Null shares mean suppressed or no answers on that side.</summary>
public sealed record ActionEffect(string QuestionKey, double? Before, double? After, bool Suppressed, ComparisonResult? Test);

/// <summary>Before/after on an action's linked questions (SPEC §3: an action is followed by a before/after comparison),
/// within the report's scope and period: before = the report's start up to the month before the action started, after =
/// from that month to the report's end. Both come from the results query, so suppression applies as everywhere.</summary>
internal static class ActionEffects
{
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<ActionEffect>>> ForAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest scope,
        IEnumerable<ActionItem> actions, Viewer viewer, int k, CancellationToken ct)
    {
        var effects = new Dictionary<int, IReadOnlyList<ActionEffect>>();
        foreach (var action in actions.Where(a => a.StartsOn is not null && a.QuestionKeys.Count > 0))
        {
            var start = new DateOnly(action.StartsOn!.Value.Year, action.StartsOn.Value.Month, 1);
            var lastBefore = start.AddDays(-1);
            if ((scope.From is { } from && lastBefore < from) || (scope.To is { } to && start > to))
            {
                continue;
            }
            var before = (await ResultsQuery.FiguresAsync(db, databases, scope with { By = null, To = lastBefore }, viewer, k, ct)).Groups.Single();
            var after = (await ResultsQuery.FiguresAsync(db, databases, scope with { By = null, From = start }, viewer, k, ct)).Groups.Single();
            effects[action.Id] = action.QuestionKeys.Select(key => Effect(key, before, after)).ToList();
        }
        return effects;
    }

    /// <summary>The action plan's items for this instrument (or for no instrument in particular), within the viewer's centres
    /// and the selection's job-centre filter (report and dashboard alike).</summary>
    public static async Task<List<ActionItem>> InScopeAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, Viewer viewer, CancellationToken ct)
    {
        var index = await databases.Catalog.OrganisationAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.InstrumentKey == null || a.InstrumentKey == request.Instrument).ToListAsync(ct);
        var centre = request.Where.GetValueOrDefault(Dimension.JobCentre);
        return actions.Where(a =>
        {
            if (a.JobCentreId is not { } id) return true;
            var key = index.JobCentres.GetValueOrDefault(id).Key;
            return viewer.SeesCentre(key) && (centre is null || centre == key);
        }).OrderBy(a => a.Status is ActionStatus.Done or ActionStatus.Dropped).ThenBy(a => a.Deadline ?? DateOnly.MaxValue).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>"spm. 2: 54 → 61 pct. ▲" per linked question; ▲/▼ only when the change is significant — for the report, the
    /// dashboard and the action's page alike.</summary>
    public static string Describe(IReadOnlyList<ActionEffect> effects, Func<string, int?> number, int k, ReportText text) =>
        string.Join("; ", effects.Select(e => text.Format("Effect", number(e.QuestionKey)?.ToString(text.Culture) ?? e.QuestionKey,
            e.Before is { } before && e.After is { } after
                ? text.Format("EffectShares", Whole(before, text), text.Percent(after), Arrow(e, text))
                : e.Suppressed ? text.Suppressed(k) : "–")));

    /// <summary>" ▲" or " ▼" for a significant change, else "(ikke signifikant)".</summary>
    public static string Arrow(ActionEffect effect, ReportText text) =>
        effect.Test is { Significant: true } t ? (t.Difference > 0 ? " ▲" : " ▼") : " " + text["EffectNotSignificant"];

    private static string Whole(double share, ReportText text) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", text.Culture);

    private static ActionEffect Effect(string key, GroupResult before, GroupResult after)
    {
        var b = before.Questions.FirstOrDefault(q => q.Key == key);
        var a = after.Questions.FirstOrDefault(q => q.Key == key);
        if (b is not { Suppressed: false, Base: > 0, Positive: { } pb } || a is not { Suppressed: false, Base: > 0, Positive: { } pa })
        {
            return new ActionEffect(key, null, null, b is null || a is null || b.Suppressed || a.Suppressed, null);
        }
        var test = Comparison.Proportions((long)Math.Round(pa * a.Base!.Value), a.Base.Value, (long)Math.Round(pb * b.Base!.Value), b.Base.Value);
        return new ActionEffect(key, pb, pa, false, test);
    }
}
