using Borgerpuls.Data;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Invitations;

/// <summary>Staff hand out an invitation: pick the meeting's context within their own job centre(s), get the QR code and the
/// short link once, and print them for a letter. Same rules as <c>POST /api/v1/invitations</c> (<see cref="CreateInvitation"/>).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewModel(BorgerpulsDb db, BorgerpulsDbFactory databases, AuditLog audit, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public sealed record Place(string Key, string Name, string Parent);

    public List<(string Key, string Name)> Instruments { get; private set; } = [];
    public List<(string Key, string Name)> JobCentres { get; private set; } = [];
    public List<Place> Sites { get; private set; } = [];
    public List<Place> Units { get; private set; } = [];
    public List<(string Key, string Name)> TargetGroups { get; private set; } = [];
    public InvitationRequest? Entered { get; private set; }
    public InvitationCreated? Created { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostAsync(string instrument, string jobCentre, string? site, string? unit, string? targetGroup, string? meetingType,
        DateOnly? meetingDate, int? validDays, string? referredBy, CancellationToken ct)
    {
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        Entered = new InvitationRequest(instrument ?? "", jobCentre ?? "")
        {
            Site = Blank(site), Unit = Blank(unit), TargetGroup = Blank(targetGroup), MeetingType = Blank(meetingType), MeetingDate = meetingDate,
            ValidDays = validDays ?? 14, ReferredBy = Blank(referredBy),
        };
        (Created, Errors) = await CreateInvitation.CreateAsync(Entered, Viewer.From(User), InvitationLink.Origin(configuration), db, databases, audit, clock, ct);
        if (Created is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = Viewer.From(User);
        var centres = db.JobCentres.AsNoTracking();
        if (viewer.CentreIds(db) is { } own)
        {
            centres = centres.Where(j => own.Contains(j.Id));
        }
        var visible = await centres.OrderBy(j => j.Name).Select(j => new { j.Id, j.Key, j.Name }).ToListAsync(ct);
        var ids = visible.Select(j => j.Id).ToList();
        JobCentres = visible.Select(j => (j.Key, j.Name)).ToList();
        Sites = await db.Sites.AsNoTracking().Where(s => ids.Contains(s.JobCentreId)).OrderBy(s => s.Name)
            .Select(s => new Place(s.Key, s.Name, s.JobCentre!.Name)).ToListAsync(ct);
        Units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Site!.JobCentreId)).OrderBy(u => u.Name)
            .Select(u => new Place(u.Key, u.Name, u.Site!.Name)).ToListAsync(ct);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        TargetGroups = (await db.TargetGroups.AsNoTracking().OrderBy(t => t.Position).ToListAsync(ct)).Select(t => (t.Key, t.Names.In(language).Text)).ToList();
        Instruments = (await db.Instruments.AsNoTracking().Where(i => i.Kind != Domain.InstrumentKind.Mirror && i.Versions.Any(v => v.PublishedAt != null)).OrderBy(i => i.Key).ToListAsync(ct))
            .Select(i => (i.Key, i.Names.In(language).Text)).ToList();
    }
}
