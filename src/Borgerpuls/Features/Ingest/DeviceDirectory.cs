using System.Collections.Concurrent;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Ingest;

/// <summary>Active devices by key hash, remembered for two seconds: a busy kiosk or a batch flush then costs no database
/// lookup per request. A revocation takes effect within those two seconds (at once when revoked in this process).
/// Refusals are resource keys (<c>DeviceKey.*</c>), for the caller to say in the request's language.</summary>
public sealed class DeviceDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (CurrentDevice Device, DateTimeOffset At)> _active = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<int, DateTimeOffset> _lastSeen = new();

    /// <summary>When this process last accepted the device's key. Kept in memory only, so that delivering responses costs no
    /// database write; the device's heartbeat stores its last contact.</summary>
    public DateTimeOffset? LastSeen(int deviceId) => _lastSeen.TryGetValue(deviceId, out var at) ? at : null;

    /// <summary>The device for a key, or why it is refused (a resource key).</summary>
    public async Task<(CurrentDevice? Device, string? Refusal)> FindAsync(string key, CancellationToken ct)
    {
        if (key.Length is < 20 or > 200)
        {
            return (null, "DeviceKey.Malformed");
        }
        var hash = SecretKeys.Hash(key);
        var now = clock.GetUtcNow();
        if (_active.TryGetValue(hash, out var known) && now - known.At < Remember)
        {
            _lastSeen[known.Device.Id] = now;
            return (known.Device, null);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BorgerpulsDb>();
        var device = await db.Devices.AsNoTracking().Where(d => d.KeyHash == hash)
            .Select(d => new { d.Id, d.Channel, d.Site!.JobCentreId, d.SiteId, d.UnitId, d.Site.KioskRepeatWindowSeconds, Instrument = d.Instrument!.Key, d.RevokedAt })
            .SingleOrDefaultAsync(ct);
        if (device is null)
        {
            return (null, "DeviceKey.Unknown");
        }
        if (device.RevokedAt is not null)
        {
            _active.TryRemove(hash, out _);
            return (null, "DeviceKey.Revoked");
        }
        var info = new CurrentDevice(device.Id, device.Channel, device.JobCentreId, device.SiteId, device.UnitId, device.KioskRepeatWindowSeconds, device.Instrument);
        _active[hash] = (info, now);
        _lastSeen[info.Id] = now;
        return (info, null);
    }

    public void Forget() => _active.Clear();
}
