using System.Security.Claims;
using System.Text.Json;
using Borgerpuls.Data;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Ingest;

/// <summary><c>POST /api/v1/responses</c>: one response or a batch, from a kiosk or tablet (device key), an invitation
/// (its token) or an open web campaign. Idempotent by the client's UUID; acknowledged only after a durable commit.</summary>
internal static class SubmitResponses
{
    public const int MaxBatch = 1_000;

    // Kiosks and tablets (nearly all the traffic) are served from in-memory directories and never use the DbContext; it opens
    // no connection until an invitation or a web campaign is looked up.
    public static async Task<IResult> HandleAsync(HttpContext http, BorgerpulsDb db, InstrumentCatalog instruments, OrganisationLookup organisation,
        IngestQueue queue, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (submissions, parseError) = await ReadAsync(http, t, ct);
        if (parseError is not null)
        {
            return parseError;
        }
        var (point, authError) = await CollectionPointAsync(http, db, submissions!, t, ct);
        if (authError is not null)
        {
            return authError;
        }
        var org = await organisation.GetAsync(ct);
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var results = new List<SubmissionValidator.Result>();
        var batch = submissions!.Count > 1 || http.Items.ContainsKey(BatchMarker);
        for (var i = 0; i < submissions.Count; i++)
        {
            var s = submissions[i];
            var instrument = s.Instrument is null ? null : await instruments.LatestAsync(s.Instrument, ct);
            var result = SubmissionValidator.Validate(s, instrument, point!, org, now);
            foreach (var (field, messages) in SubmissionError.ByField(result.Errors, t))
            {
                errors[batch ? $"[{i}].{field}" : field] = messages;
            }
            results.Add(result);
        }
        if (submissions.Select(s => s.Id).Distinct().Count() != submissions.Count)
        {
            errors["id"] = [t["Ingest.DuplicateId"]];
        }
        if (point!.InvitationTokenHash is not null && submissions.Count != 1)
        {
            errors["$"] = [t["Ingest.OneResponse"]];
        }
        if (errors.Count > 0)
        {
            if (point.DeviceId is { } device) Metrics.BorgerpulsMetrics.DeviceRefused(device);
            return TypedResults.ValidationProblem(errors, title: t["Ingest.NotStored"]);
        }

        var rows = results.Select(r => r.Row!).ToList();

        IReadOnlyList<Acknowledgement> acks;
        try
        {
            acks = await queue.SubmitAsync(rows, ct);
        }
        catch (ResponseConflictException conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Ingest.ConflictTitle"], detail: t["Ingest.Conflict", conflict.Id]);
        }
        catch (InvitationAlreadyUsedException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Ingest.InvitationUsedTitle"], detail: t["Ingest.InvitationUsed"]);
        }
        if (batch)
        {
            return TypedResults.Ok(new { results = acks });
        }
        var ack = acks[0];
        return ack.Status == "created" ? TypedResults.Created($"/api/v1/responses/{ack.Id}", ack) : TypedResults.Ok(ack);
    }

    private const string BatchMarker = "borgerpuls:batch";

    private static async Task<(List<ResponseSubmission>?, IResult?)> ReadAsync(HttpContext http, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        // Kestrel enforces the limit on the stream; checking the declared length first answers at once, before reading.
        if (http.Request.ContentLength > WebHardening.MaxRequestBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, t["Ingest.TooLarge", WebHardening.MaxRequestBytes / (1024 * 1024)]));
        }
        if (!http.Request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, t["Ingest.NotJson"]));
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 16 }, ct);
            var root = document.RootElement;
            if (JsonText.FirstInvalid(root) is { } invalid)
            {
                return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalid] = [t["Ingest.InvalidText"]] }, title: t["Ingest.NotStored"]));
            }
            if (root.ValueKind == JsonValueKind.Array)
            {
                http.Items[BatchMarker] = true;
                var count = root.GetArrayLength();
                if (count is 0 or > MaxBatch)
                {
                    return (null, Problem(StatusCodes.Status400BadRequest, t["Ingest.BatchSize", MaxBatch, count]));
                }
                return (root.EnumerateArray().Select(e => e.Deserialize<ResponseSubmission>(IngestJson.Options)!).ToList(), null);
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, Problem(StatusCodes.Status400BadRequest, t["Ingest.NotObject"]));
            }
            return ([root.Deserialize<ResponseSubmission>(IngestJson.Options)!], null);
        }
        catch (JsonException e)
        {
            var where = e.Path ?? "$";
            var message = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? t["Ingest.UnknownProperty", e.Message.Split('\'').ElementAtOrDefault(1) ?? "", where]
                : t["Ingest.MalformedJson", where, e.Message.Split(" Path:")[0]];
            return (null, Problem(StatusCodes.Status400BadRequest, message));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, t["Ingest.TooLarge", WebHardening.MaxRequestBytes / (1024 * 1024)]));
        }
        catch (DecoderFallbackException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, t["Ingest.NotUtf8"]));
        }
    }

    private static async Task<(CollectionPoint?, IResult?)> CollectionPointAsync(HttpContext http, BorgerpulsDb db, List<ResponseSubmission> submissions, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (DeviceAuthenticationHandler.Sent(http.Request))
        {
            // Verified by the device scheme like every device endpoint; a refused key is challenged by it, so the 401 is the
            // same problem (saying why) as on the device group.
            if (CurrentDevice.Of(http) is not { } device)
            {
                return (null, TypedResults.Challenge(authenticationSchemes: [DeviceAuthenticationHandler.SchemeName]));
            }
            return (new CollectionPoint(device.Channel, device.InstrumentKey)
            {
                DeviceId = device.Id, RepeatWindowSeconds = device.RepeatWindowSeconds,
                ClientSetsUnit = device.Channel == Channel.Tablet && device.UnitId is null,
                ClientSetsTargetGroup = device.Channel == Channel.Tablet,
            }.At(new Place(device.JobCentreId, device.SiteId, device.UnitId, TargetGroupId: null)), null);
        }
        if (header.StartsWith("Invitation ", StringComparison.Ordinal))
        {
            var point = await InvitationPoint.ResolveAsync(db, header["Invitation ".Length..].Trim(), DateOnly.FromDateTime(DateTime.UtcNow), ct);
            return point.Point is null ? (null, Problem(point.Status, t[point.Refusal!])) : (point.Point, null);
        }
        var campaignKey = submissions.Select(s => s.Campaign).Distinct().SingleOrDefault();
        if (campaignKey is not null)
        {
            var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Instrument).SingleOrDefaultAsync(c => c.Key == campaignKey, ct);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            if (campaign is null || campaign.Channel != Channel.Web || campaign.Status != CampaignStatus.Open || campaign.StartsOn > today || campaign.EndsOn < today)
            {
                return (null, Problem(StatusCodes.Status403Forbidden, t["Ingest.NotOpenCampaign", campaignKey]));
            }
            var centre = campaign.JobCentreId ?? (campaign.SiteId is { } s ? await db.Sites.Where(x => x.Id == s).Select(x => (int?)x.JobCentreId).SingleAsync(ct) : null);
            return (new CollectionPoint(Channel.Web, campaign.Instrument!.Key)
            {
                CampaignId = campaign.Id, JobCentreId = centre, SiteId = campaign.SiteId, UnitId = campaign.UnitId,
                ClientSetsTargetGroup = true, ClientSetsOrganisation = centre is null,
            }, null);
        }
        return (null, Problem(StatusCodes.Status401Unauthorized, t["Ingest.NoCredentials"]));
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: ReasonPhrases(status), detail: detail);

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
