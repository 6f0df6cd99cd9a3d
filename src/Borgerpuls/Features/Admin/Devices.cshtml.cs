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

/// <summary>Kiosks and tablets: how each is doing (last contact, queue, refused answers, last error, state in words), issue a
/// device key (shown once, stored hashed) and revoke it. Audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DevicesModel(BorgerpulsDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t, Ingest.DeviceDirectory devices,
    DeviceHealth.OpeningHours openingHours) : PageModel
{
    public List<DeviceHealth.DeviceOverview.Line> Rows { get; private set; } = [];
    public DeviceHealth.OpeningHours OpeningHours => openingHours;
    public List<(string Key, string Name)> Sites { get; private set; } = [];
    public List<string> Instruments { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? NewKey { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(string name, Channel channel, string site, string instrument)
    {
        var theSite = await db.Sites.SingleOrDefaultAsync(s => s.Key == site);
        var theInstrument = await db.Instruments.SingleOrDefaultAsync(i => i.Key == instrument);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) Errors.Add(t["Tokens.NameRequired"]);
        if (theSite is null) Errors.Add(t["Devices.UnknownSite", site]);
        if (theInstrument is null) Errors.Add(t["Devices.UnknownInstrument", instrument]);
        if (channel is not (Channel.Kiosk or Channel.Tablet)) Errors.Add(t["Devices.KioskOrTablet"]);
        if (Errors.Count == 0)
        {
            NewKey = SecretKeys.New();
            db.Devices.Add(new Device
            {
                Name = name.Trim(), Channel = channel, KeyHash = SecretKeys.Hash(NewKey), SiteId = theSite!.Id, InstrumentId = theInstrument!.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
            await audit.WriteAsync("device.add", $"{name} at {site} for {instrument}");
        }
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
        await audit.WriteAsync("device.revoke", $"device {id}");
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Rows = await DeviceHealth.DeviceOverview.LoadAsync(db, openingHours, clock.GetUtcNow(), devices.LastSeen, HttpContext.RequestAborted);
        Sites = (await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Key, s.Name }).ToListAsync()).Select(s => (s.Key, s.Name)).ToList();
        Instruments = await db.Instruments.AsNoTracking().OrderBy(i => i.Key).Select(i => i.Key).ToListAsync();
    }
}
