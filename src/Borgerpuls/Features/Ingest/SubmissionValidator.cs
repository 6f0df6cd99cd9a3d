using System.Text.Json;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Security.Redaction;

namespace Borgerpuls.Features.Ingest;

/// <summary>Checks one submission's wire format and the context its collection point fixes or lets the client set, and
/// hands the decoded answers to <see cref="ResponseBuilder"/>, which applies the content rules and makes the rows to store.
/// Every problem is reported with the field it concerns, as a resource key; nothing is partially accepted.</summary>
public static class SubmissionValidator
{
    public const int MaxCommentLength = CommentText.MaxLength;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(400);
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    public sealed record Result(ResponseRow? Row, IReadOnlyList<SubmissionError> Errors, DateTimeOffset AnsweredAt);

    public static Result Validate(ResponseSubmission s, InstrumentDefinition? instrument, CollectionPoint point, OrganisationLookup.Snapshot org, DateTimeOffset now)
    {
        var builder = new ResponseBuilder(instrument);
        var errors = builder.Errors;
        void Error(string field, string key, params object[] args) => builder.Error(field, key, args);

        if (s.Id == Guid.Empty) Error("id", "Ingest.IdRequired");
        else if (s.Id.Version != 4) Error("id", "Ingest.IdVersion");
        if (string.IsNullOrWhiteSpace(s.Instrument)) Error("instrument", "Ingest.InstrumentRequired");
        else if (instrument is null) Error("instrument", "Ingest.InstrumentUnknown", s.Instrument);
        else if (point.InstrumentKey is not null && point.InstrumentKey != s.Instrument) Error("instrument", "Ingest.InstrumentOther", point.InstrumentKey, s.Instrument);
        if (s.AnsweredAt is not { } answeredAt) { Error("answeredAt", "Ingest.AnsweredAtRequired"); answeredAt = now; }
        else if (answeredAt > now + MaxClockSkew) Error("answeredAt", "Ingest.AnsweredAtFuture");
        else if (answeredAt < now - MaxAge) Error("answeredAt", "Ingest.AnsweredAtOld", MaxAge.Days);
        if (s.PreviousPressAt is not null && point.Channel != Channel.Kiosk) Error("previousPressAt", "Ingest.PreviousPressAtNotKiosk");

        var context = Context(s.Context ?? new SubmissionContext(), point, org, builder);
        // Staff's expectation is compared with the citizens' per target group: an answer that says about whom is no use.
        if (instrument?.Kind == InstrumentKind.Mirror && context is { TargetGroupId: null } && errors.All(e => e.Field != "context.targetGroup"))
        {
            Error("context.targetGroup", "Ingest.MirrorTargetGroupRequired");
        }
        if (s.Answers is null || s.Answers.Count == 0) Error("answers", "Submission.AnswersRequired");
        if (instrument is not null)
        {
            foreach (var (key, value) in s.Answers ?? [])
            {
                Answer(builder, instrument, key, value);
            }
        }

        // A context without a job centre has been reported above; 0 only fills the place.
        var row = builder.Build(s.Id, point.Channel, answeredAt, point.CampaignId, context ?? new ResponseContext(0), requireAnswers: true);
        if (row is null)
        {
            return new Result(null, errors, answeredAt);
        }
        // The legacy hash recognises a retry of a response stored before the hash covered only the redacted content.
        var legacyHash = builder.LegacyHash(row.Response);
        // After the hash: the flag follows from the press sequence, so a retry never turns into a conflict because of it.
        if (IsKioskRepeat(point, answeredAt, s.PreviousPressAt)) row.Response.QualityFlags |= ResponseQuality.KioskRepeat;
        return new Result(row with { InvitationTokenHash = point.InvitationTokenHash, LegacyContentHash = legacyHash }, [], answeredAt);
    }

    /// <summary>The JSON value of one answer, decoded into option codes or a text for the builder.</summary>
    private static void Answer(ResponseBuilder builder, InstrumentDefinition instrument, string key, JsonElement value)
    {
        var field = $"answers.{key}";
        var question = instrument.Question(key);
        if (question is null)
        {
            builder.Error(field, "Submission.NotAQuestion", key, instrument.Key, string.Join(", ", instrument.Questions.Select(q => q.Key)));
            return;
        }
        if (value.ValueKind == JsonValueKind.Null) return;
        switch (question.Type)
        {
            case QuestionType.FreeText:
                if (value.ValueKind != JsonValueKind.String) builder.Error(field, "Ingest.FreeTextString");
                else builder.Write(question, value.GetString());
                break;
            case QuestionType.MultipleChoice:
                if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String)) builder.Error(field, "Ingest.MultipleChoiceArray");
                else builder.Choose(question, [.. value.EnumerateArray().Select(v => v.GetString()!)]);
                break;
            default:
                if (value.ValueKind != JsonValueKind.String) builder.Error(field, "Ingest.OptionString");
                else builder.Choose(question, [value.GetString()!]);
                break;
        }
    }

    /// <summary>The context the point fixes, with what the client may set resolved against the organisation; null when
    /// there is no job centre (the reason is among the errors).</summary>
    private static ResponseContext? Context(SubmissionContext context, CollectionPoint point, OrganisationLookup.Snapshot org, ResponseBuilder builder)
    {
        void Error(string field, string key, params object[] args) => builder.Error(field, key, args);
        int? centreId = point.JobCentreId, siteId = point.SiteId, unitId = point.UnitId, targetGroupId = point.TargetGroupId, offerId = null;
        var meetingType = point.MeetingType;
        if (point.ClientSetsOrganisation)
        {
            if (context.Jobcentre is null) Error("context.jobcentre", "Submission.JobCentreRequired");
            else if (!org.JobCentres.TryGetValue(context.Jobcentre, out var c)) Error("context.jobcentre", "Submission.JobCentreUnknown", context.Jobcentre);
            else if (point.AllowedJobCentres is { } allowed && !allowed.Contains(c)) Error("context.jobcentre", "Ingest.JobCentreNotYours", context.Jobcentre);
            else centreId = c;
            if (context.Site is not null)
            {
                if (!org.Sites.TryGetValue(context.Site, out var site)) Error("context.site", "Ingest.SiteUnknown", context.Site);
                else if (centreId is not null && site.JobCentreId != centreId) Error("context.site", "Ingest.SiteElsewhere", context.Site, context.Jobcentre!);
                else siteId = site.Id;
            }
        }
        else if (context.Jobcentre is not null && (centreId is null || org.JobCentreKeys.GetValueOrDefault(centreId.Value) != context.Jobcentre))
        {
            Error("context.jobcentre", "Ingest.JobCentreFixed");
        }
        if (context.Unit is not null)
        {
            if (!point.ClientSetsUnit && !point.ClientSetsOrganisation) Error("context.unit", "Ingest.UnitFixed");
            else if (!org.Units.TryGetValue(context.Unit, out var unit)) Error("context.unit", "Ingest.UnitUnknown", context.Unit);
            else if (siteId is not null && unit.SiteId != siteId) Error("context.unit", "Ingest.UnitElsewhere", context.Unit);
            else unitId = unit.Id;
        }
        if (context.TargetGroup is not null)
        {
            if (!point.ClientSetsTargetGroup && !point.ClientSetsOrganisation) Error("context.targetGroup", "Ingest.TargetGroupFixed");
            else if (!org.TargetGroups.TryGetValue(context.TargetGroup, out var tg)) Error("context.targetGroup", "Submission.TargetGroupUnknown", context.TargetGroup);
            else targetGroupId = tg;
        }
        if (context.Offer is not null)
        {
            if (!org.Offers.TryGetValue(context.Offer, out var offer)) Error("context.offer", "Ingest.OfferUnknown", context.Offer);
            else offerId = offer;
        }
        if (context.MeetingType is not null)
        {
            // Whether it is a known key is the builder's rule; whether this client may set it is the point's.
            if (!point.ClientSetsTargetGroup && !point.ClientSetsOrganisation) Error("context.meetingType", "Ingest.MeetingTypeFixed");
            else meetingType = context.MeetingType;
        }
        var background = new Dictionary<string, string>();
        foreach (var (key, code) in context.Background ?? [])
        {
            if (!org.BackgroundOptions.TryGetValue(key, out var codes)) Error($"context.background.{key}", "Ingest.BackgroundUnknown", key);
            else if (!codes.Contains(code)) Error($"context.background.{key}", "Ingest.BackgroundOption", code, key, string.Join(", ", codes));
            else background[key] = code;
        }
        if (centreId is null)
        {
            if (builder.Errors.All(e => e.Field != "context.jobcentre")) Error("context.jobcentre", "Submission.JobCentreRequired");
            return null;
        }
        return new ResponseContext(centreId.Value)
        {
            SiteId = siteId, UnitId = unitId, OfferId = offerId, TargetGroupId = targetGroupId, MeetingType = meetingType,
            Language = context.Language ?? LocalizedText.Danish, Background = background,
        };
    }

    /// <summary>A kiosk press is a repeat iff it follows the same kiosk's previous press within the site's window (ADR 0004).
    /// A previous press later than this one means the kiosk's clock was corrected in between: not a repeat.</summary>
    public static bool IsKioskRepeat(CollectionPoint point, DateTimeOffset answeredAt, DateTimeOffset? previousPressAt) =>
        point.Channel == Channel.Kiosk && previousPressAt is { } previous
        && answeredAt - previous >= TimeSpan.Zero && answeredAt - previous < TimeSpan.FromSeconds(point.RepeatWindowSeconds);
}
