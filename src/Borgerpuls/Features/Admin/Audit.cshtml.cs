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

/// <summary>The audit log, newest first, a page at a time and filtered by person, kind and days; as CSV (the same filter),
/// with the daily counts of invitations created. Downloading it is itself audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(BorgerpulsDb db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int InvitationDays = 60;

    public sealed record InvitationCount(DateOnly Day, string Actor, string JobCentre, string Instrument, int Count);

    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "who")] public string? Who { get; set; }
    [BindProperty(SupportsGet = true, Name = "what")] public string? What { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    public AuditFilter Filter => new(Who, What, From, To);

    public List<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Every kind of action by its name in the reader's language, for the filter's list.</summary>
    public List<(string Code, string Name)> Kinds { get; private set; } = [];

    public List<InvitationCount> Invitations { get; private set; } = [];

    /// <summary>Why the filter could not be used as typed (a hand-edited address): the log is then shown unfiltered by it.</summary>
    public List<string> Problems { get; } = [];

    public async Task OnGetAsync()
    {
        foreach (var field in new[] { "from", "to" }.Where(f => ModelState[f]?.Errors.Count > 0))
        {
            Problems.Add(t["Audit.Filter.BadDate", Request.Query[field].ToString()]);
        }
        if (From > To)
        {
            Problems.Add(t["Audit.Filter.FromAfterTo"]);
            (From, To) = (To, From);
        }
        Kinds = AuditActions.All.Select(code => (code, ActionName(code))).OrderBy(k => k.Item2, StringComparer.CurrentCulture).ToList();
        var entries = Filter.Apply(db.AuditEntries.AsNoTracking());
        Total = await entries.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = await entries.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        var days = await db.InvitationTallies.Select(t => t.Day).Distinct().OrderByDescending(d => d).Take(InvitationDays).ToListAsync();
        var since = days.Count == 0 ? DateOnly.MaxValue : days[^1];
        Invitations = await (from t in db.InvitationTallies.AsNoTracking().Where(t => t.Day >= since)
                             join j in db.JobCentres on t.JobCentreId equals j.Id
                             join i in db.Instruments on t.InstrumentId equals i.Id
                             orderby t.Day descending, t.Actor, j.Key, i.Key
                             select new InvitationCount(t.Day, t.Actor, j.Name, i.Key, t.Count)).ToListAsync();
        var instruments = (await Shared.Choices.InstrumentsAsync(db)).ToDictionary(c => c.Value, c => c.Label);
        Invitations = Invitations.Select(i => i with { Instrument = instruments.GetValueOrDefault(i.Instrument, i.Instrument) }).ToList();
    }

    /// <summary>This page of the log with the filter kept, for the paging links.</summary>
    public string Link(int page) => "/admin/audit?" + string.Join("&",
        Filter.Fields().Append((Name: "pageNumber", Value: page.ToString(System.Globalization.CultureInfo.InvariantCulture))).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));

    public string CsvLink => "/admin/audit?" + string.Join("&", Filter.Fields().Prepend((Name: "handler", Value: "Csv")).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>An action's name in the reader's language (<see cref="AuditActions"/>), or its code for one written by an
    /// older version.</summary>
    public string ActionName(string code) => t["Audit.Action." + code] is { ResourceNotFound: false } name ? name.Value : code;

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await audit.WriteAsync(AuditActions.AuditExport, string.Join(" ", Filter.Fields().Select(f => $"{f.Name}={f.Value}")));
        var csv = new StringBuilder("\uFEFFat;actor;action;details\r\n");
        await foreach (var e in Filter.Apply(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Id).AsAsyncEnumerable())
        {
            csv.Append(CsvCell.Of(e.At.ToString("O"))).Append(';').Append(CsvCell.Of(e.Actor)).Append(';')
               .Append(CsvCell.Of(e.Action)).Append(';').Append(CsvCell.Of(e.Details)).Append("\r\n");
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "borgerpuls-audit.csv");
    }
}
