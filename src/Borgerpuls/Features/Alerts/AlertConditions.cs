using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.DeviceHealth;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Alerts;

/// <summary>A condition that holds now for one subject of a rule. Only aggregates: a figure, its base and the window.</summary>
public sealed record AlertFinding(string Subject, string SubjectName, double? Figure, int? Base, DateTime? From, DateTime? To);

/// <summary>Whether each rule's condition holds now, and for which subjects. Reads only; what changed is decided under the
/// maintenance lock by <see cref="AlertRun"/>.</summary>
public static class AlertConditions
{
    public static Task<List<AlertFinding>> EvaluateAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, AlertRule rule, int k, OpeningHours hours, DateTimeOffset now, CancellationToken ct) =>
        rule.Kind switch
        {
            AlertKind.NegativeShare => NegativeShareAsync(db, rule, k, now, ct),
            AlertKind.TargetBelow => TargetBelowAsync(db, databases, rule, k, now, ct),
            AlertKind.SilentKiosk => SilentKiosksAsync(db, rule, hours, now, ct),
            _ => FailingDevicesAsync(db, rule, hours, now, ct),
        };

    /// <summary>The window of a rule of <paramref name="hours"/> hours: the current hour and the hours before it (answers are
    /// stored to the hour), e.g. at 12:30 with 3 hours the answers of 10:00–12:59.</summary>
    public static DateTime WindowStart(DateTimeOffset now, int hours) => Response.ToHour(now).AddHours(-(hours - 1));

    /// <summary>Σ negative answers / Σ answers with a direction (positive, neutral or negative; "ved ikke" is not in the
    /// base), pooled over the questions of every response at the scope in the window; kiosk repeats are left out as in every
    /// statistic. Raised only on at least max(minimum base, k) respondents.</summary>
    private static async Task<List<AlertFinding>> NegativeShareAsync(BorgerpulsDb db, AlertRule rule, int k, DateTimeOffset now, CancellationToken ct)
    {
        var from = WindowStart(now, rule.WindowHours);
        var responses = db.Responses.AsNoTracking().Where(r => r.SubmittedHour >= from);
        string name;
        if (AlertScope.KeyOf(rule.Scope, AlertScope.Site) is { } siteKey)
        {
            var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Key == siteKey, ct);
            if (site is null) return [];
            (responses, name) = (responses.Where(r => r.SiteId == site.Id), site.Name);
        }
        else if (AlertScope.KeyOf(rule.Scope, AlertScope.JobCentre) is { } centreKey)
        {
            var centre = await db.JobCentres.AsNoTracking().SingleOrDefaultAsync(j => j.Key == centreKey, ct);
            if (centre is null) return [];
            (responses, name) = (responses.Where(r => r.JobCentreId == centre.Id), centre.Name);
        }
        else
        {
            return [];
        }
        // The flags are stored as text: repeats are left out here, not in SQL.
        var rows = (await responses.Select(r => new { r.InstrumentVersionId, r.Answers, r.QualityFlags }).ToListAsync(ct))
            .Where(r => !r.QualityFlags.HasFlag(ResponseQuality.KioskRepeat));
        var versions = new Dictionary<int, InstrumentDefinition>();
        int respondents = 0, answers = 0, negative = 0;
        foreach (var row in rows)
        {
            if (!versions.TryGetValue(row.InstrumentVersionId, out var definition))
            {
                versions[row.InstrumentVersionId] = definition = await InstrumentCatalog.LoadAsync(db, row.InstrumentVersionId, ct);
            }
            var counted = 0;
            foreach (var (question, codes) in row.Answers)
            {
                if (definition.Question(question) is not { } q) continue;
                foreach (var code in codes)
                {
                    if (q.Options.FirstOrDefault(o => o.Code == code) is not { Polarity: Polarity.Positive or Polarity.Neutral or Polarity.Negative } option) continue;
                    counted++;
                    if (option.Polarity == Polarity.Negative) negative++;
                }
            }
            answers += counted;
            if (counted > 0) respondents++;
        }
        if (respondents < Math.Max(rule.MinimumBase, k) || answers == 0) return [];
        var share = (double)negative / answers;
        return share > rule.Level ? [new AlertFinding(rule.Scope, name, share, respondents, from, now.UtcDateTime)] : [];
    }

    /// <summary>The target judged as the dashboard and the target form judge it (<see cref="TargetQuery.EvaluateAsync"/>): on
    /// its year, or on the last twelve months; raised when it is not met. A hidden figure (below k) raises nothing.</summary>
    private static async Task<List<AlertFinding>> TargetBelowAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, AlertRule rule, int k, DateTimeOffset now, CancellationToken ct)
    {
        if (AlertScope.KeyOf(rule.Scope, AlertScope.Target) is not { } key) return [];
        var saved = await db.Targets.AsNoTracking().Include(t => t.Instrument).SingleOrDefaultAsync(t => t.Key == key, ct);
        if (saved is null) return [];
        var request = new ResultsRequest(saved.Instrument!.Key);
        if (saved.Year is null)
        {
            var today = DateOnly.FromDateTime(DanishTime.Of(now).DateTime);
            var to = new DateOnly(today.Year, today.Month, 1);
            request = request with { From = to.AddMonths(-11), To = to.AddMonths(1).AddDays(-1) };
        }
        var index = await databases.Catalog.OrganisationAsync(ct);
        var result = await TargetQuery.EvaluateAsync(db, databases, saved, request, index, Viewer.CommandLine, k, LocalizedText.Danish, ct);
        if (result is not { Met: false, Suppressed: false, Value: { } value }) return [];
        return [new AlertFinding(rule.Scope, saved.Name, value, (int?)result.Respondents, null, now.UtcDateTime)];
    }

    /// <summary>A kiosk is silent when the opening time since its site's last kiosk answer is at least the rule's hours
    /// (Devices:OpeningHours, Danish local time): nights and weekends do not count. Answers are stored to the hour, so the
    /// last answer is taken at the end of its hour — never too early. A kiosk with no answer counts from its registration.</summary>
    private static async Task<List<AlertFinding>> SilentKiosksAsync(BorgerpulsDb db, AlertRule rule, OpeningHours hours, DateTimeOffset now, CancellationToken ct)
    {
        var kiosks = await DevicesInScope(db, rule).Where(d => d.Channel == Channel.Kiosk && d.RevokedAt == null)
            .Select(d => new { d.Id, d.Name, d.SiteId, SiteName = d.Site!.Name, d.CreatedAt }).ToListAsync(ct);
        var siteIds = kiosks.Select(d => d.SiteId).Distinct().ToList();
        var lastAnswers = await db.Responses.Where(r => r.Channel == Channel.Kiosk && r.SiteId != null && siteIds.Contains(r.SiteId.Value))
            .GroupBy(r => r.SiteId).Select(g => new { SiteId = g.Key!.Value, Last = g.Max(r => r.SubmittedHour) }).ToDictionaryAsync(x => x.SiteId, x => x.Last, ct);
        var findings = new List<AlertFinding>();
        foreach (var kiosk in kiosks)
        {
            var last = Utc(kiosk.CreatedAt);
            if (lastAnswers.TryGetValue(kiosk.SiteId, out var hour) && Utc(hour).AddHours(1) > last) last = Utc(hour).AddHours(1);
            var silent = hours.OpenBetween(last, now);
            if (silent >= TimeSpan.FromHours(rule.WindowHours))
            {
                findings.Add(new AlertFinding($"device:{kiosk.Id}", $"{kiosk.Name} ({kiosk.SiteName})", Math.Round(silent.TotalHours, 1), null, last.UtcDateTime, now.UtcDateTime));
            }
        }
        return findings;
    }

    /// <summary>The devices page's own judgement (<see cref="DeviceOverview"/>): failing (an error while answers wait), or
    /// answers refused by the server. The figure is the refused answers, the base the answers waiting.</summary>
    private static async Task<List<AlertFinding>> FailingDevicesAsync(BorgerpulsDb db, AlertRule rule, OpeningHours hours, DateTimeOffset now, CancellationToken ct)
    {
        var inScope = (await DevicesInScope(db, rule).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var lines = await DeviceOverview.LoadAsync(db, hours, now, null, ct);
        return lines.Where(l => inScope.Contains(l.Id) && !l.Revoked && (l.State == DeviceState.Failing || l.Rejected > 0))
            .Select(l => new AlertFinding($"device:{l.Id}", $"{l.Name} ({l.SiteName})", l.Rejected ?? 0, l.Queued, null, now.UtcDateTime)).ToList();
    }

    private static IQueryable<Device> DevicesInScope(BorgerpulsDb db, AlertRule rule)
    {
        var devices = db.Devices.AsNoTracking();
        if (AlertScope.KeyOf(rule.Scope, AlertScope.Site) is { } site) return devices.Where(d => d.Site!.Key == site);
        if (AlertScope.KeyOf(rule.Scope, AlertScope.JobCentre) is { } centre) return devices.Where(d => d.Site!.JobCentre!.Key == centre);
        return devices;
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
