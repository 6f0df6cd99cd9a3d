using System.Text.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Tablet;

/// <summary>One tap on the tablet's "ønskede ikke at svare": the context staff picked and when, nothing else.</summary>
public sealed record DeclinedSubmission
{
    public Guid Id { get; init; }
    public DateTimeOffset? At { get; init; }
    public SubmissionContext? Context { get; init; }
}

public sealed record DeclinedAcknowledgement(int Stored, int Duplicates);

/// <summary><c>POST /api/v1/declines</c>: a tablet records hand-overs the citizen declined, so the results can show a
/// response rate (answered ÷ offered) for tablet exit polls. Authenticated by the tablet's device key; idempotent by the
/// client's UUID, so the tablet can retry until it gets 200/201. Only the hour is stored.</summary>
internal static partial class RecordDeclined
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CodePattern();

    public static async Task<IResult> HandleAsync(HttpContext http, CurrentDevice device, BorgerpulsDb db, BorgerpulsDbFactory databases, OrganisationLookup organisation, TimeProvider clock, CancellationToken ct)
    {
        if (device.Channel != Channel.Tablet)
        {
            return Problem(StatusCodes.Status403Forbidden, SharedTexts.Current("Declined.Error.NotTablet"));
        }
        List<DeclinedSubmission> items;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 8 }, ct);
            var root = document.RootElement;
            items = root.ValueKind == JsonValueKind.Array
                ? root.EnumerateArray().Select(e => e.Deserialize<DeclinedSubmission>(IngestJson.Options)!).ToList()
                : [root.Deserialize<DeclinedSubmission>(IngestJson.Options)!];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Problem(StatusCodes.Status400BadRequest, SharedTexts.Current("Declined.Error.NotJson"));
        }
        if (items.Count is 0 or > 200)
        {
            return Problem(StatusCodes.Status400BadRequest, SharedTexts.Current("Declined.Error.Count"));
        }

        var instrumentId = await db.Instruments.Where(i => i.Key == device.InstrumentKey).Select(i => i.Id).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var org = await organisation.GetAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var rows = new List<DeclinedHandOver>();
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var at = item.At ?? now;
            var prefix = items.Count > 1 ? $"[{n}]." : "";
            var context = item.Context ?? new SubmissionContext();
            int? unitId = device.UnitId, targetGroupId = null;
            if (item.Id == Guid.Empty || item.Id.Version != 4) errors[prefix + "id"] = [SharedTexts.Current("Declined.Error.Id")];
            if (at > now + SubmissionValidator.MaxClockSkew || at < now - SubmissionValidator.MaxAge) errors[prefix + "at"] = [SharedTexts.Current("Declined.Error.Time")];
            if (context.Unit is { } unit)
            {
                if (!org.Units.TryGetValue(unit, out var u) || u.SiteId != device.SiteId) errors[prefix + "context.unit"] = [SharedTexts.Current("Declined.Error.UnknownUnit", unit)];
                else if (device.UnitId is null) unitId = u.Id;
            }
            if (context.TargetGroup is { } group)
            {
                if (!org.TargetGroups.TryGetValue(group, out var tg)) errors[prefix + "context.targetGroup"] = [SharedTexts.Current("Place.Error.UnknownTargetGroup", group)];
                else targetGroupId = tg;
            }
            if (context.MeetingType is { } type && !CodePattern().IsMatch(type)) errors[prefix + "context.meetingType"] = [SharedTexts.Current("Declined.Error.MeetingType")];
            rows.Add(new DeclinedHandOver
            {
                Id = item.Id, InstrumentId = instrumentId, Channel = Channel.Tablet, Hour = Response.ToHour(at), MeetingType = context.MeetingType,
            }.PlaceFrom(new Place(device.JobCentreId, device.SiteId, unitId, targetGroupId)));
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: SharedTexts.Current("Declined.Error.Title"));
        }
        var ids = rows.Select(r => r.Id).ToList();
        var known = (await db.DeclinedHandOvers.Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var fresh = rows.Where(r => !known.Contains(r.Id)).DistinctBy(r => r.Id).ToList();
        if (fresh.Count > 0)
        {
            db.DeclinedHandOvers.AddRange(fresh);
            var declined = new DenominatorDelta();
            fresh.ForEach(declined.Declined);
            await DenominatorTransaction.SaveChangesAsync(db, databases.Aggregates, declined, ct);
        }
        var ack = new DeclinedAcknowledgement(fresh.Count, rows.Count - fresh.Count);
        return fresh.Count > 0 ? TypedResults.Created("/api/v1/declines", ack) : TypedResults.Ok(ack);
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), detail: detail);
}
