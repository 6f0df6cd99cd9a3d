using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Alerts;

/// <summary>The alert rules in words, with what each has raised that is still open; analysts and administrators create,
/// change and delete them here (docs/alerts.md).</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class IndexModel(BorgerpulsDb db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Line(int Id, string Name, string Kind, string Scope, string Condition, string Recipients, string Delivery, int Open, string? LastRaised);

    public List<Line> Lines { get; private set; } = [];

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var culture = CultureInfo.CurrentCulture;
        var rules = await db.Set<AlertRule>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var open = await db.Set<AlertEvent>().Where(e => e.ClearedAt == null).GroupBy(e => e.RuleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var last = await db.Set<AlertEvent>().GroupBy(e => e.RuleId).Select(g => new { g.Key, At = g.Max(e => e.RaisedAt) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        var names = (await db.Sites.Select(s => new { Key = AlertScope.Site + s.Key, s.Name }).ToListAsync(ct))
            .Concat(await db.JobCentres.Select(j => new { Key = AlertScope.JobCentre + j.Key, j.Name }).ToListAsync(ct))
            .Concat(await db.Targets.Select(x => new { Key = AlertScope.Target + x.Key, x.Name }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Name);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => RecipientAddresses.UserPrefix + u.Id, u => u.DisplayName ?? u.Email ?? "", ct);
        Lines = rules.Select(r => new Line(r.Id, r.Name, t[EditModel.KindKey(r.Kind)],
            r.Scope.Length == 0 ? t["Alerts.AllDevices"] : names.GetValueOrDefault(r.Scope, r.Scope),
            r.Kind switch
            {
                AlertKind.NegativeShare => t["Alerts.ConditionNegative", AlertMailText.Percent(r.Level, culture), r.WindowHours, r.MinimumBase],
                AlertKind.SilentKiosk => t["Alerts.ConditionSilent", r.WindowHours],
                AlertKind.TargetBelow => t["Alerts.ConditionTarget"],
                _ => t["Alerts.ConditionFailing"],
            },
            string.Join(", ", r.Recipients.Select(x => users.GetValueOrDefault(x, x))),
            t[r.Digest ? "Alerts.DigestDaily" : "Alerts.Immediate"], open.GetValueOrDefault(r.Id),
            last.TryGetValue(r.Id, out var at) ? DanishTime.Format(DanishTime.OfUtc(at), culture) : null)).ToList();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var rule = await db.Set<AlertRule>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        // One conditional statement: two clicks at once delete the rule once and write one audit line.
        if (rule is not null && await db.Set<AlertRule>().Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 1)
        {
            await audit.WriteAsync(AuditActions.AlertDelete, $"alert {rule.Id} \"{rule.Name}\" {rule.Kind} {rule.Scope}", ct: ct);
            Done = t["Alerts.Deleted", rule.Name];
        }
        return Redirect("/alerts");
    }
}
