using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Admin;

/// <summary>Kiosks and tablets: how each is doing (last contact, queue, refused answers, last error, state in words), issue a
/// device key (shown once, stored hashed) and revoke it. Audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DevicesModel(BorgerpulsDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t, Ingest.DeviceDirectory devices,
    DeviceHealth.OpeningHours openingHours) : PageModel
{
    public List<DeviceHealth.DeviceOverview.Line> Rows { get; private set; } = [];
    public DeviceHealth.OpeningHours OpeningHours => openingHours;
    public List<Choice> Sites { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? NewKey { get; private set; }

    /// <summary>The device a new key was made for (null for a newly registered device).</summary>
    public string? RotatedFor { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(string name, Channel channel, string site, string instrument)
    {
        var (done, problems) = await DeviceHealth.DeviceRegistration.AddAsync(db, new(name, channel, site, instrument), audit.CurrentActor,
            clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        Errors.AddRange(problems.Select(p => t[p.ResourceKey, p.Args].Value));
        NewKey = done?.Key;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == id);
        if (device is null)
        {
            return NotFound();
        }
        device.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        devices.Forget();
        await audit.WriteAsync(AuditActions.DeviceRevoke, $"device {id}");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRotateAsync(int id)
    {
        var (done, problem) = await DeviceHealth.DeviceRegistration.RotateKeyAsync(db, id, audit.CurrentActor, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        if (problem is not null) Errors.Add(t[problem.ResourceKey, problem.Args]);
        (NewKey, RotatedFor) = (done?.Key, done?.Device.Name);
        // The old key must stop at once, not when the cached directory next refreshes.
        devices.Forget();
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Rows = await DeviceHealth.DeviceOverview.LoadAsync(db, openingHours, clock.GetUtcNow(), devices.LastSeen, HttpContext.RequestAborted);
        Sites = await Choices.SitesAsync(db, ct: HttpContext.RequestAborted);
        Instruments = await Choices.CitizenInstrumentsAsync(db, HttpContext.RequestAborted);
    }
}
