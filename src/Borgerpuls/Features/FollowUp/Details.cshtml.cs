using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.FollowUp;

/// <summary>One follow-up request (<c>/follow-up/{id}</c>): name, phone and message, and what the leader did — open,
/// contacted, closed — with a note and who handled it. Viewing and changing are both audited; a request of another job centre
/// is refused like any page outside the viewer's scope.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(BorgerpulsDb db, AuditLog audit, TimeProvider clock, OpenRequestCount openRequests) : PageModel
{
    public const int NoteMax = 4000;

    public FollowUpRequest Item { get; private set; } = null!;
    public string Centre { get; private set; } = "";
    public string? Site { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public FollowUpStatus Status { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Status = Item.Status;
        Note = Item.HandlingNote;
        await audit.WriteAsync(AuditActions.FollowUpView, $"request {id}", ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (!ModelState.IsValid || !Enum.IsDefined(Status)) Errors.Add("FollowUp.StatusInvalid");
        if (Status != FollowUpStatus.Open && note is null) Errors.Add("FollowUp.NoteRequired");
        if (note?.Length > NoteMax) Errors.Add("FollowUp.NoteTooLong");
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // The same form sent twice changes nothing the second time and is audited once.
        if (Item.Status != Status || Item.HandlingNote != note)
        {
            Item.Status = Status;
            Item.HandlingNote = note;
            Item.HandledBy = audit.CurrentActor;
            Item.HandledOn = DanishTime.Today(clock);
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(AuditActions.FollowUpUpdate, $"request {id}: {Status}", ct: ct);
            openRequests.Changed();
        }
        Saved = true;
        return RedirectToPage(new { id });
    }

    /// <returns>Null when the request is loaded; else 404 for no such request, and for one of another job centre the same
    /// refusal as any page outside the viewer's scope.</returns>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await FollowUpScope.Visible(db, Viewer.From(User)).SingleOrDefaultAsync(f => f.Id == id, ct);
        if (found is null) return await db.FollowUpRequests.AnyAsync(f => f.Id == id, ct) ? Forbid() : NotFound();
        Item = found;
        Centre = await db.JobCentres.Where(j => j.Id == found.JobCentreId).Select(j => j.Name).SingleAsync(ct);
        Site = found.SiteId is { } s ? await db.Sites.Where(x => x.Id == s).Select(x => x.Name).SingleAsync(ct) : null;
        return null;
    }
}
