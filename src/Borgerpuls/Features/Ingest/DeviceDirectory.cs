using System.Collections.Concurrent;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Ingest;

/// <summary>Active devices by key hash, remembered for two seconds: a busy kiosk or a batch flush then costs no database
/// lookup per request. A revocation takes effect within those two seconds (at once when revoked in this process).</summary>
public sealed class DeviceDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    public sealed record DeviceInfo(int Id, Channel Channel, int JobCentreId, int SiteId, int? UnitId, int RepeatWindowSeconds, string InstrumentKey);

    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (DeviceInfo Device, DateTimeOffset At)> _active = new(StringComparer.Ordinal);

    /// <summary>The device for a key, or why it is refused.</summary>
    public async Task<(DeviceInfo? Device, string? Refusal)> FindAsync(string key, CancellationToken ct)
    {
        if (key.Length is < 20 or > 200)
        {
            return (null, "Malformed device key.");
        }
        var hash = SecretKeys.Hash(key);
        if (_active.TryGetValue(hash, out var known) && clock.GetUtcNow() - known.At < Remember)
        {
            return (known.Device, null);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BorgerpulsDb>();
        var device = await db.Devices.AsNoTracking().Where(d => d.KeyHash == hash)
            .Select(d => new { d.Id, d.Channel, d.Site!.JobCentreId, d.SiteId, d.UnitId, d.Site.KioskRepeatWindowSeconds, Instrument = d.Instrument!.Key, d.RevokedAt })
            .SingleOrDefaultAsync(ct);
        if (device is null)
        {
            return (null, "Unknown device key.");
        }
        if (device.RevokedAt is not null)
        {
            _active.TryRemove(hash, out _);
            return (null, "This device key has been revoked.");
        }
        var info = new DeviceInfo(device.Id, device.Channel, device.JobCentreId, device.SiteId, device.UnitId, device.KioskRepeatWindowSeconds, device.Instrument);
        _active[hash] = (info, clock.GetUtcNow());
        return (info, null);
    }

    public void Forget() => _active.Clear();
}
