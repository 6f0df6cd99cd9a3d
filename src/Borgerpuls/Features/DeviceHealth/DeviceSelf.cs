using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.DeviceHealth;

/// <summary>Who a device key belongs to, so kiosk and tablet setup can verify a typed key before saving it.</summary>
public sealed record DeviceIdentity(string Name, string Channel, string Instrument, string Site, string SiteName, string? Unit, string Jobcentre, string JobcentreName);

/// <summary><c>GET /api/v1/devices/self</c>: the device's registration; counts as contact.</summary>
internal static class DeviceSelf
{
    public static async Task<IResult> HandleAsync(CurrentDevice device, BorgerpulsDb db, TimeProvider clock, CancellationToken ct)
    {
        var identity = await db.Devices.AsNoTracking().Where(d => d.Id == device.Id).Select(d => new
        {
            d.Name, d.Channel, Instrument = d.Instrument!.Key, Site = d.Site!.Key, SiteName = d.Site.Name,
            Unit = db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Key).FirstOrDefault(),
            Jobcentre = d.Site.JobCentre!.Key, JobcentreName = d.Site.JobCentre.Name,
        }).SingleAsync(ct);
        var contact = clock.GetUtcNow().UtcDateTime;
        await db.Devices.Where(d => d.Id == device.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastContactAt, contact), ct);
        return TypedResults.Ok(new DeviceIdentity(identity.Name, identity.Channel == Channel.Tablet ? "tablet" : "kiosk", identity.Instrument,
            identity.Site, identity.SiteName, identity.Unit, identity.Jobcentre, identity.JobcentreName));
    }
}
