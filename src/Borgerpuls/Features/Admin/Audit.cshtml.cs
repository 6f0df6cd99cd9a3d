using System.Text;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Admin;

/// <summary>The audit log, newest first, and as CSV. Reading it is itself audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(BorgerpulsDb db, AuditLog audit) : PageModel
{
    public List<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() =>
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Take(500).ToListAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await audit.WriteAsync("audit.export");
        var csv = new StringBuilder("\uFEFFat;actor;action;details\r\n");
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable())
        {
            csv.Append(CsvCell.Of(e.At.ToString("O"))).Append(';').Append(CsvCell.Of(e.Actor)).Append(';')
               .Append(CsvCell.Of(e.Action)).Append(';').Append(CsvCell.Of(e.Details)).Append("\r\n");
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "borgerpuls-audit.csv");
    }
}
