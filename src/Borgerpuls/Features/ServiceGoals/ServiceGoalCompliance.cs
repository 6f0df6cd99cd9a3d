using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.ServiceGoals;

/// <summary>How many events of a goal's kind kept the promise. An event is kept when it was handled at most the goal's
/// hours after it was received (exactly at the limit counts as kept); handled later, or still open once its deadline has
/// passed, it is not kept; still open with its deadline ahead, it is left out, because it may yet be kept. Durations are
/// measured between UTC instants, so a change to or from summer time neither adds nor removes an hour.</summary>
public sealed record ComplianceFigure(int Kept, int Late, int OpenOverdue, int OpenNotDue)
{
    public static readonly ComplianceFigure None = new(0, 0, 0, 0);

    /// <summary>The events the share is computed on: every event except those still open and not yet due.</summary>
    public int Counted => Kept + Late + OpenOverdue;

    public double? Share => Counted == 0 ? null : (double)Kept / Counted;

    /// <summary>Wilson's interval, as for every share on the dashboard.</summary>
    public Interval? Interval => Counted == 0 ? null : Proportion.Wilson(Kept, Counted);

    /// <summary>Judged as a target of "at least the target share" is judged: met on the unrounded share, significant when the
    /// target share lies outside the interval.</summary>
    public TargetStatus? Status(double targetShare) =>
        Share is { } share ? TargetStatus.Evaluate(share, Interval, targetShare, TargetDirection.AtLeast) : null;

    public ComplianceFigure Plus(ComplianceFigure other) =>
        new(Kept + other.Kept, Late + other.Late, OpenOverdue + other.OpenOverdue, OpenNotDue + other.OpenNotDue);
}

/// <summary>Whose events: a municipality's job centres, some job centres, or (both null) every job centre.</summary>
public sealed record ComplianceScope(int? MunicipalityId = null, IReadOnlyList<int>? JobCentreIds = null)
{
    public static readonly ComplianceScope All = new();

    public static ComplianceScope Centre(int id) => new(JobCentreIds: [id]);

    /// <summary>One job centre when a key is named, else what the viewer may see: every centre, or the viewer's own.</summary>
    public static async Task<ComplianceScope> ForAsync(BorgerpulsDb db, Viewer viewer, string? jobCentreKey, CancellationToken ct)
    {
        if (jobCentreKey is null)
        {
            return viewer.CentreIds(db) is { } own ? new ComplianceScope(JobCentreIds: await own.ToListAsync(ct)) : All;
        }
        if (!viewer.SeesCentre(jobCentreKey)) return new ComplianceScope(JobCentreIds: []);
        return new ComplianceScope(JobCentreIds: await db.JobCentres.Where(j => j.Key == jobCentreKey).Select(j => j.Id).ToListAsync(ct));
    }
}

public sealed record CentreCompliance(string Key, string Name, ComplianceFigure Figure);

public sealed record MonthCompliance(DateOnly Month, ComplianceFigure Figure);

/// <summary>One goal over whole months: the total with its status against the target share, per job centre, and per month.</summary>
public sealed record GoalCompliance(ServiceGoal Goal, DateOnly From, DateOnly To, ComplianceFigure Total, IReadOnlyList<CentreCompliance> Centres,
    IReadOnlyList<MonthCompliance> Trend)
{
    public TargetStatus? Status => Total.Status(Goal.TargetShare);
}

/// <summary>The one computation of service-goal compliance, used by the goals page, the dashboard, the report and the
/// transparency page. Event counts are not citizens' answers, so the anonymity threshold does not apply to them
/// (docs/service-goals.md).</summary>
public static class ServiceGoalCompliance
{
    /// <summary>Counts one run of events against a promise of <paramref name="withinHours"/>, judged at <paramref name="nowUtc"/>.</summary>
    public static ComplianceFigure Count(IEnumerable<(DateTime ReceivedAt, DateTime? HandledAt)> events, double withinHours, DateTime nowUtc)
    {
        var limit = TimeSpan.FromHours(withinHours);
        int kept = 0, late = 0, overdue = 0, notDue = 0;
        foreach (var (received, handled) in events)
        {
            if (handled is { } h)
            {
                if (h - received <= limit) kept++;
                else late++;
            }
            else if (received + limit < nowUtc) overdue++;
            else notDue++;
        }
        return new ComplianceFigure(kept, late, overdue, notDue);
    }

    /// <summary>The twelve months ending with the current Danish month, as the dashboard's default period.</summary>
    public static (DateOnly From, DateOnly To) LastTwelveMonths(TimeProvider clock)
    {
        var today = DanishTime.Today(clock);
        var month = new DateOnly(today.Year, today.Month, 1);
        return (month.AddMonths(-11), month.AddMonths(1).AddDays(-1));
    }

    /// <summary>Compliance of each goal for events received (Danish calendar) from <paramref name="from"/> to
    /// <paramref name="to"/>, both days included, within <paramref name="scope"/>.</summary>
    public static async Task<IReadOnlyList<GoalCompliance>> ForAsync(BorgerpulsDb db, IReadOnlyList<ServiceGoal> goals, DateOnly from, DateOnly to,
        ComplianceScope scope, DateTime nowUtc, CancellationToken ct)
    {
        var start = Utc(from);
        var end = Utc(to.AddDays(1));
        var centres = db.JobCentres.AsNoTracking()
            .Where(j => scope.MunicipalityId == null || j.MunicipalityId == scope.MunicipalityId)
            .Where(j => scope.JobCentreIds == null || scope.JobCentreIds.Contains(j.Id));
        var centreNames = await centres.Select(j => new { j.Id, j.Key, j.Name }).ToDictionaryAsync(j => j.Id, ct);
        var centreIds = centreNames.Keys.ToList();
        var kinds = goals.Select(g => g.Kind).Distinct().ToList();
        var events = await db.ServiceEvents.AsNoTracking()
            .Where(e => kinds.Contains(e.Kind) && e.ReceivedAt >= start && e.ReceivedAt < end && centreIds.Contains(e.JobCentreId))
            .Select(e => new { e.Kind, e.JobCentreId, e.ReceivedAt, e.HandledAt })
            .ToListAsync(ct);
        var byKind = events.ToLookup(e => e.Kind, StringComparer.Ordinal);

        var results = new List<GoalCompliance>();
        foreach (var goal in goals)
        {
            var mine = byKind[goal.Kind].ToList();
            ComplianceFigure Of(IEnumerable<(DateTime, DateTime?)> run) => Count(run, goal.WithinHours, nowUtc);
            var perCentre = mine.GroupBy(e => e.JobCentreId)
                .Select(g => new CentreCompliance(centreNames[g.Key].Key, centreNames[g.Key].Name, Of(g.Select(e => (e.ReceivedAt, e.HandledAt)))))
                .OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
            var trend = new List<MonthCompliance>();
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                var (monthStart, monthEnd) = (Utc(month), Utc(month.AddMonths(1)));
                trend.Add(new MonthCompliance(month, Of(mine.Where(e => e.ReceivedAt >= monthStart && e.ReceivedAt < monthEnd).Select(e => (e.ReceivedAt, e.HandledAt)))));
            }
            results.Add(new GoalCompliance(goal, from, to, Of(mine.Select(e => (e.ReceivedAt, e.HandledAt))), perCentre, trend));
        }
        return results;
    }

    /// <summary>Every goal over a results request's months (whole months; the last twelve when it names none) and job centre,
    /// within what the viewer may see: the report's section.</summary>
    public static async Task<IReadOnlyList<GoalCompliance>> ForReportAsync(BorgerpulsDb db, Results.ResultsRequest request, Viewer viewer, TimeProvider clock,
        CancellationToken ct)
    {
        var (from, to) = LastTwelveMonths(clock);
        if (request.From is { } f) from = new DateOnly(f.Year, f.Month, 1);
        if (request.To is { } t) to = t;
        var scope = await ComplianceScope.ForAsync(db, viewer, request.Where.GetValueOrDefault(Results.Dimension.JobCentre), ct);
        var goals = await db.ServiceGoals.AsNoTracking().OrderBy(g => g.Key).ToListAsync(ct);
        return await ForAsync(db, goals, from, to, scope, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>The published goals over a transparency snapshot's months, for the municipality (no key) or one job centre,
    /// as the snapshot freezes them.</summary>
    public static async Task<IReadOnlyList<Transparency.PublicServiceGoal>> PublishedAsync(BorgerpulsDb db, string? jobCentreKey, DateOnly from, DateOnly to,
        DateTime nowUtc, CancellationToken ct)
    {
        var goals = await db.ServiceGoals.AsNoTracking().Where(g => g.Published).OrderBy(g => g.Key).ToListAsync(ct);
        if (goals.Count == 0) return [];
        var scope = await ComplianceScope.ForAsync(db, Viewer.CommandLine, jobCentreKey, ct);
        return (await ForAsync(db, goals, from, to, scope, nowUtc, ct)).Select(c => new Transparency.PublicServiceGoal(c.Goal.Names, c.Goal.Descriptions,
            c.Goal.WithinHours, c.Goal.TargetShare, c.Total.Kept, c.Total.Counted, c.Total.Share, c.Total.Interval?.Low, c.Total.Interval?.High,
            c.Status?.Met, c.Status?.Significant)).ToList();
    }

    /// <summary>Danish midnight at the start of <paramref name="day"/>, in UTC as events are stored.</summary>
    public static DateTime Utc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), DanishTime.Zone);
}
