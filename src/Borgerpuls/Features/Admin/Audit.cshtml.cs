using System.Text;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Admin;

/// <summary>The audit log, newest first, and as CSV, with the daily counts of invitations created. Reading it is itself
/// audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(BorgerpulsDb db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int InvitationDays = 60;

    public sealed record InvitationCount(DateOnly Day, string Actor, string JobCentre, string Instrument, int Count);

    public List<AuditEntry> Entries { get; private set; } = [];

    public List<InvitationCount> Invitations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Take(500).ToListAsync();
        var days = await db.InvitationTallies.Select(t => t.Day).Distinct().OrderByDescending(d => d).Take(InvitationDays).ToListAsync();
        var since = days.Count == 0 ? DateOnly.MaxValue : days[^1];
        Invitations = await (from t in db.InvitationTallies.AsNoTracking().Where(t => t.Day >= since)
                             join j in db.JobCentres on t.JobCentreId equals j.Id
                             join i in db.Instruments on t.InstrumentId equals i.Id
                             orderby t.Day descending, t.Actor, j.Key, i.Key
                             select new InvitationCount(t.Day, t.Actor, j.Key, i.Key, t.Count)).ToListAsync();
    }

    /// <summary>An action's name in the reader's language (<see cref="AuditActions"/>), or its code for one written by an
    /// older version.</summary>
    public string ActionName(string code) => t["Audit.Action." + code] is { ResourceNotFound: false } name ? name.Value : code;

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await audit.WriteAsync(AuditActions.AuditExport);
        var csv = new StringBuilder("\uFEFFat;actor;action;details\r\n");
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable())
        {
            csv.Append(CsvCell.Of(e.At.ToString("O"))).Append(';').Append(CsvCell.Of(e.Actor)).Append(';')
               .Append(CsvCell.Of(e.Action)).Append(';').Append(CsvCell.Of(e.Details)).Append("\r\n");
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "borgerpuls-audit.csv");
    }
}
