using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.DeviceHealth;

/// <summary>Registering a kiosk or tablet, for the admin page and the <c>device add</c> verb alike: the same checks, the
/// key's hash stored with the audit entry in one save, the key itself returned once and never stored.</summary>
public static class DeviceRegistration
{
    public sealed record Request(string Name, Channel Channel, string Site, string Instrument, string? Unit = null);

    /// <summary>What is wrong with a request, as a resource key and its arguments, so each caller says it in its language.</summary>
    public sealed record Problem(string ResourceKey, params object[] Args);

    public sealed record Registered(Device Device, string SiteName, string Key);

    public const int MaxName = 100;

    /// <summary>Every problem of the request, or the registered device; nothing is written when there is a problem.</summary>
    public static async Task<(Registered? Done, List<Problem> Problems)> AddAsync(BorgerpulsDb db, Request request, string actor, DateTime utcNow,
        CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName) problems.Add(new("Devices.NameRequired", MaxName));
        if (request.Channel is not (Channel.Kiosk or Channel.Tablet)) problems.Add(new("Devices.KioskOrTablet"));
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Key == request.Site, ct);
        if (site is null) problems.Add(new("Devices.UnknownSite", request.Site));
        // A new device at a retired address would collect answers for a place no longer in use (ADR 0015).
        else if (site.RetiredAt is not null) problems.Add(new("Devices.RetiredSite", site.Name));
        var instrument = await db.Instruments.SingleOrDefaultAsync(i => i.Key == request.Instrument, ct);
        if (instrument is null) problems.Add(new("Devices.UnknownInstrument", request.Instrument));
        Unit? unit = null;
        if (request.Unit is { Length: > 0 } unitKey)
        {
            unit = await db.Units.SingleOrDefaultAsync(u => u.Key == unitKey, ct);
            if (unit is null) problems.Add(new("Devices.UnknownUnit", unitKey));
            else if (site is not null && unit.SiteId != site.Id) problems.Add(new("Devices.UnitNotAtSite", unitKey, request.Site));
            else if (unit.RetiredAt is not null) problems.Add(new("Devices.RetiredUnit", unit.Name));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var key = SecretKeys.New();
        var device = new Device
        {
            Name = name, Channel = request.Channel, KeyHash = SecretKeys.Hash(key), SiteId = site!.Id, UnitId = unit?.Id, InstrumentId = instrument!.Id,
            CreatedAt = utcNow,
        };
        db.Devices.Add(device);
        db.AuditEntries.Add(new AuditEntry { At = utcNow, Actor = actor, Action = AuditActions.DeviceAdd, Details = $"{name} at {request.Site} for {request.Instrument}" });
        await db.SaveChangesAsync(ct);
        return (new Registered(device, site.Name, key), []);
    }

    /// <summary>A new key for a registered device, for a key that may have been seen (a lost tablet, a photographed set-up
    /// sheet, a departed colleague): the old key stops working with this save, the device keeps its name, place and history,
    /// and the new key is returned once. A revoked device stays revoked.</summary>
    public static async Task<(Registered? Done, Problem? Problem)> RotateKeyAsync(BorgerpulsDb db, int id, string actor, DateTime utcNow, CancellationToken ct = default)
    {
        var device = await db.Devices.Include(d => d.Site).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (device is null) return (null, new("Devices.Unknown", id));
        if (device.RevokedAt is not null) return (null, new("Devices.RotateRevoked", device.Name));
        var key = SecretKeys.New();
        device.KeyHash = SecretKeys.Hash(key);
        db.AuditEntries.Add(new AuditEntry { At = utcNow, Actor = actor, Action = AuditActions.DeviceRotateKey, Details = $"device {id} {device.Name}" });
        await db.SaveChangesAsync(ct);
        return (new Registered(device, device.Site!.Name, key), null);
    }
}
