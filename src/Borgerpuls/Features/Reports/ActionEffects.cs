using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Reports;

/// <summary>One linked question of an action: its positive share before the action started and since, and whether the
/// change is significant. Null shares mean suppressed or no answers on that side.</summary>
public sealed record ActionEffect(string QuestionKey, double? Before, double? After, bool Suppressed, ComparisonResult? Test);

/// <summary>Before/after on an action's linked questions (SPEC §3: an action is followed by a before/after comparison),
/// within the report's scope and period: before = the report's start up to the month before the action started, after =
/// from that month to the report's end. Both come from the results query, so suppression applies as everywhere.</summary>
internal static class ActionEffects
{
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<ActionEffect>>> ForAsync(BorgerpulsDb db, DatabaseSetup.Target target, ResultsRequest scope,
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
            var before = (await ResultsQuery.FiguresAsync(db, target, scope with { By = null, To = lastBefore }, viewer, k, ct)).Groups.Single();
            var after = (await ResultsQuery.FiguresAsync(db, target, scope with { By = null, From = start }, viewer, k, ct)).Groups.Single();
            effects[action.Id] = action.QuestionKeys.Select(key => Effect(key, before, after)).ToList();
        }
        return effects;
    }

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
