using Borgerpuls.Data;
using Borgerpuls.Features.Dashboard;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.ServiceGoals;

/// <summary>The dashboard's service-goal tiles: every goal over the dashboard's months and job centre.</summary>
public static class ServiceGoalTiles
{
    public static async Task<IReadOnlyList<GoalCompliance>> LoadAsync(BorgerpulsDb db, Viewer viewer, DashboardFilter filter, TimeProvider clock, CancellationToken ct)
    {
        var goals = await db.ServiceGoals.AsNoTracking().OrderBy(g => g.Key).ToListAsync(ct);
        if (goals.Count == 0) return [];
        var (from, to) = filter.Months(DanishTime.Today(clock));
        var scope = await ComplianceScope.ForAsync(db, viewer, filter.JobCentre, ct);
        return await ServiceGoalCompliance.ForAsync(db, goals, from, to.AddMonths(1).AddDays(-1), scope, clock.GetUtcNow().UtcDateTime, ct);
    }
}
