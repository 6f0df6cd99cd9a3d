using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Retention;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Features.FollowUp;

/// <summary>The leader's queue of citizens who asked to be contacted (<c>/follow-up</c>): the requests of the viewer's job
/// centres, not closed ones first unless all are asked for. It shows names, so every view is audited.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(BorgerpulsDb db, AuditLog audit, IOptions<RetentionOptions> retention) : PageModel
{
    public sealed record Line(Guid Id, DateOnly CreatedOn, string Centre, string? Site, string Name, FollowUpStatus Status, string? HandledBy);

    public List<Line> Lines { get; private set; } = [];
    public bool All { get; private set; }
    public int RetentionDays => retention.Value.FollowUpDays;

    public async Task OnGetAsync(bool all, CancellationToken ct)
    {
        All = all;
        var visible = FollowUpScope.Visible(db, Viewer.From(User)).AsNoTracking();
        if (!all) visible = visible.Where(f => f.Status != FollowUpStatus.Closed);
        var rows = await visible.ToListAsync(ct);
        var centres = await db.JobCentres.AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.Name, ct);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        // Newest day first; within a day by name, as the ids are random and there is no time to sort by.
        Lines = rows.OrderBy(f => f.Status == FollowUpStatus.Closed).ThenByDescending(f => f.CreatedOn).ThenBy(f => f.Name, StringComparer.CurrentCulture)
            .Select(f => new Line(f.Id, f.CreatedOn, centres[f.JobCentreId], f.SiteId is { } s ? sites[s] : null, f.Name, f.Status, f.HandledBy)).ToList();
        await audit.WriteAsync(AuditActions.FollowUpView, $"queue{(all ? " (all)" : "")}: {Lines.Count} requests", ct: ct);
    }
}
