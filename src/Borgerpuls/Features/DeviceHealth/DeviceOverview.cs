using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.DeviceHealth;

/// <summary>Every registered device with what it last said about itself and its state in words: the one view behind
/// <c>/admin/devices</c> and <c>device list</c>.</summary>
public static class DeviceOverview
{
    public sealed record Line(int Id, string Name, Channel Channel, string SiteKey, string SiteName, string Instrument, bool Revoked,
        DateTimeOffset? LastContact, int DeliveredToday, int? Queued, DateTimeOffset? OldestQueued, int? Rejected, string? LastError,
        DateTimeOffset? LastErrorAt, DeviceState State);

    /// <param name="seenInMemory">Contacts this process saw but did not store (deliveries); null from the command line.</param>
    public static async Task<List<Line>> LoadAsync(BorgerpulsDb db, OpeningHours hours, DateTimeOffset now, Func<int, DateTimeOffset?>? seenInMemory, CancellationToken ct)
    {
        var today = Today(now);
        var devices = await db.Devices.AsNoTracking().OrderBy(d => d.Id).Select(d => new
        {
            d.Id, d.Name, d.Channel, SiteKey = d.Site!.Key, SiteName = d.Site.Name, Instrument = d.Instrument!.Key, d.RevokedAt, d.LastContactAt,
            d.DeliveredToday, d.DeliveredOn, d.LastQueued, d.OldestQueuedAt, d.LastRejected, d.LastError, d.LastErrorAt,
        }).ToListAsync(ct);
        return devices.Select(d =>
        {
            var contact = Latest(Utc(d.LastContactAt), seenInMemory?.Invoke(d.Id));
            return new Line(d.Id, d.Name, d.Channel, d.SiteKey, d.SiteName, d.Instrument, d.RevokedAt is not null, contact,
                d.DeliveredOn == today ? d.DeliveredToday ?? 0 : 0, d.LastQueued, Utc(d.OldestQueuedAt), d.LastRejected, d.LastError, Utc(d.LastErrorAt),
                DeviceStates.Of(d.RevokedAt is not null, contact, d.LastQueued, d.LastError, hours, now));
        }).ToList();
    }

    /// <summary>The Danish calendar day of an instant: the day a device's "delivered today" counts.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Localization.DanishTime.Of(now).DateTime);

    /// <summary>An instant in Danish local time, in the culture's date format, or the text for "never".</summary>
    public static string LocalTime(DateTimeOffset? at, string never, CultureInfo culture) =>
        at is { } instant ? Localization.DanishTime.Format(instant, culture) : never;

    private static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
