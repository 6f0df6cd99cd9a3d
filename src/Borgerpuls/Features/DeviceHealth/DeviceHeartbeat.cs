using System.ComponentModel;
using System.Text.Json;
using Borgerpuls.Data;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.DeviceHealth;

/// <summary>What a kiosk or tablet says about itself every minute and after a change of delivery outcome.</summary>
public sealed record Heartbeat
{
    [Description("Answers waiting in the device's queue (0 or more).")]
    public int? Queued { get; init; }

    [Description("When the oldest queued answer was given; null when the queue is empty.")]
    public DateTimeOffset? OldestQueuedAt { get; init; }

    [Description("Answers the server refused, kept aside on the device (0 or more).")]
    public int? Rejected { get; init; }

    [Description("Answers delivered today, by the device's count (0 or more).")]
    public int? DeliveredToday { get; init; }

    [Description("The last delivery error, for staff (at most 200 characters), or null.")]
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }
}

/// <summary><c>POST /api/v1/devices/heartbeat</c>: stores the device's last heartbeat on its row with the server time of
/// contact. A retry simply stores the same state again. A bad body writes nothing.</summary>
internal static class DeviceHeartbeat
{
    public const int MaxErrorLength = 200;

    public static async Task<IResult> HandleAsync(HttpContext http, CurrentDevice device, BorgerpulsDb db, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (heartbeat, errors) = await ReadAsync(http, t, ct);
        var now = clock.GetUtcNow();
        if (heartbeat is not null)
        {
            void Count(string field, int? value)
            {
                if (value is not >= 0) errors[field] = [t["Heartbeat.Count"]];
            }
            Count("queued", heartbeat.Queued);
            Count("rejected", heartbeat.Rejected);
            Count("deliveredToday", heartbeat.DeliveredToday);
            if (heartbeat.LastError?.Length > MaxErrorLength) errors["lastError"] = [t["Heartbeat.ErrorTooLong", MaxErrorLength]];
            if (heartbeat.OldestQueuedAt > now + SubmissionValidator.MaxClockSkew) errors["oldestQueuedAt"] = [t["Heartbeat.InFuture"]];
            if (heartbeat.LastErrorAt > now + SubmissionValidator.MaxClockSkew) errors["lastErrorAt"] = [t["Heartbeat.InFuture"]];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Heartbeat.Invalid"]);
        }
        var h = heartbeat!;
        var contact = now.UtcDateTime;
        var today = DeviceOverview.Today(now);
        var lastError = string.IsNullOrWhiteSpace(h.LastError) ? null : h.LastError.Trim();
        // To the minute: enough for staff, and no precise time of a citizen's answer is kept with the device.
        DateTime? oldestQueued = h.OldestQueuedAt is { } oldest ? new DateTime(oldest.UtcTicks - oldest.UtcTicks % TimeSpan.TicksPerMinute, DateTimeKind.Utc) : null;
        await db.Devices.Where(d => d.Id == device.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.LastContactAt, contact)
            .SetProperty(d => d.LastQueued, h.Queued)
            .SetProperty(d => d.OldestQueuedAt, oldestQueued)
            .SetProperty(d => d.LastRejected, h.Rejected)
            .SetProperty(d => d.DeliveredToday, h.DeliveredToday)
            .SetProperty(d => d.DeliveredOn, today)
            .SetProperty(d => d.LastError, lastError)
            .SetProperty(d => d.LastErrorAt, lastError != null && h.LastErrorAt.HasValue ? h.LastErrorAt.Value.UtcDateTime : (DateTime?)null), ct);
        return TypedResults.NoContent();
    }

    private static async Task<(Heartbeat?, Dictionary<string, string[]>)> ReadAsync(HttpContext http, IStringLocalizer t, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, new() { ["$"] = [t["Heartbeat.NotJson"]] });
        }
        try
        {
            var heartbeat = await JsonSerializer.DeserializeAsync<Heartbeat>(http.Request.Body, IngestJson.Options, ct);
            return heartbeat is null ? (null, new() { ["$"] = [t["Heartbeat.NotAnObject"]] }) : (heartbeat, []);
        }
        catch (JsonException e)
        {
            // The field a value could not be read for, as the client named it; an unknown field by its own name.
            var unknown = e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? e.Message.Split('\'').ElementAtOrDefault(1) : null;
            var field = unknown ?? (e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$");
            return (null, new() { [field] = [unknown is null ? t["Heartbeat.Unreadable"] : t["Heartbeat.UnknownField"]] });
        }
    }
}
