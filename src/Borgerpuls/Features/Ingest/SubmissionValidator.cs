using System.Text.Json;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Localization;
using Borgerpuls.Security.Redaction;


namespace Borgerpuls.Features.Ingest;

/// <summary>Checks one submission against the published instrument version and the organisation, and turns it into the
/// rows to store: the anonymous response (context copied, time cut to the hour) and its redacted comments.
/// Every problem is reported with the field it concerns, as a resource key; nothing is partially accepted.</summary>
public static class SubmissionValidator
{
    public const int MaxCommentLength = 2000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(400);
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string> CommentErrors = new()
    {
        [CommentText.TooLong] = "Submission.CommentTooLong",
        [CommentText.ControlCharacters] = "Submission.CommentControlCharacters",
        [CommentText.InvalidCharacters] = "Submission.CommentInvalidCharacters",
    };

    public sealed record Result(ResponseRow? Row, IReadOnlyList<SubmissionError> Errors, DateTimeOffset AnsweredAt);

    public static Result Validate(ResponseSubmission s, InstrumentDefinition? instrument, CollectionPoint point, OrganisationLookup.Snapshot org, DateTimeOffset now)
    {
        var errors = new List<SubmissionError>();
        void Error(string field, string key, params object[] args) => errors.Add(new SubmissionError(field, key, args));
        void NotAnOption(string field, QuestionDefinition question, string code) =>
            Error(field, "Submission.NotAnOption", code, question.ScaleKey ?? question.Key, string.Join(", ", question.Options.Select(o => o.Code)));

        if (s.Id == Guid.Empty) Error("id", "Ingest.IdRequired");
        else if (s.Id.Version != 4) Error("id", "Ingest.IdVersion");
        if (string.IsNullOrWhiteSpace(s.Instrument)) Error("instrument", "Ingest.InstrumentRequired");
        else if (instrument is null) Error("instrument", "Ingest.InstrumentUnknown", s.Instrument);
        else if (point.InstrumentKey is not null && point.InstrumentKey != s.Instrument) Error("instrument", "Ingest.InstrumentOther", point.InstrumentKey, s.Instrument);
        if (s.AnsweredAt is not { } answeredAt) { Error("answeredAt", "Ingest.AnsweredAtRequired"); answeredAt = now; }
        else if (answeredAt > now + MaxClockSkew) Error("answeredAt", "Ingest.AnsweredAtFuture");
        else if (answeredAt < now - MaxAge) Error("answeredAt", "Ingest.AnsweredAtOld", MaxAge.Days);
        if (s.PreviousPressAt is not null && point.Channel != Channel.Kiosk) Error("previousPressAt", "Ingest.PreviousPressAtNotKiosk");

        var context = s.Context ?? new SubmissionContext();
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
            if (!point.ClientSetsTargetGroup && !point.ClientSetsOrganisation) Error("context.meetingType", "Ingest.MeetingTypeFixed");
            // A fixed list of keys, never free text: a meeting type becomes a group label in breakdowns.
            else if (!MeetingType.IsKnown(context.MeetingType)) Error("context.meetingType", "Ingest.MeetingTypeKey", string.Join(", ", MeetingType.All));
            else meetingType = context.MeetingType;
        }
        var language = context.Language ?? LocalizedText.Danish;
        if (!LocalizationSetup.CitizenCultures.Contains(language)) Error("context.language", "Ingest.LanguageUnknown", language, string.Join(", ", LocalizationSetup.CitizenCultures));
        var background = new Dictionary<string, string>();
        foreach (var (key, code) in context.Background ?? [])
        {
            if (!org.BackgroundOptions.TryGetValue(key, out var codes)) Error($"context.background.{key}", "Ingest.BackgroundUnknown", key);
            else if (!codes.Contains(code)) Error($"context.background.{key}", "Ingest.BackgroundOption", code, key, string.Join(", ", codes));
            else background[key] = code;
        }
        if (centreId is null && errors.All(e => e.Field != "context.jobcentre")) Error("context.jobcentre", "Submission.JobCentreRequired");

        var answers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var comments = new List<(string Key, string Text)>();
        if (s.Answers is null || s.Answers.Count == 0) Error("answers", "Submission.AnswersRequired");
        if (instrument is not null)
        {
            foreach (var (key, value) in s.Answers ?? [])
            {
                var field = $"answers.{key}";
                var question = instrument.Question(key);
                if (question is null)
                {
                    Error(field, "Submission.NotAQuestion", key, instrument.Key, string.Join(", ", instrument.Questions.Select(q => q.Key)));
                    continue;
                }
                if (value.ValueKind == JsonValueKind.Null) continue;
                switch (question.Type)
                {
                    case QuestionType.FreeText:
                        if (value.ValueKind != JsonValueKind.String) { Error(field, "Ingest.FreeTextString"); break; }
                        var validated = CommentText.Validate(value.GetString());
                        if (validated.ErrorKey is not null) Error(field, CommentErrors[validated.ErrorKey], MaxCommentLength);
                        else if (validated.Text.Length > 0) comments.Add((key, validated.Text));
                        break;
                    case QuestionType.MultipleChoice:
                        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String)) { Error(field, "Ingest.MultipleChoiceArray"); break; }
                        var codes = value.EnumerateArray().Select(v => v.GetString()!).ToArray();
                        foreach (var bad in codes.Where(c => question.Options.All(o => o.Code != c))) NotAnOption(field, question, bad);
                        if (codes.Distinct().Count() != codes.Length) Error(field, "Submission.OptionTwice");
                        if (codes.Length > 0) answers[key] = codes;
                        break;
                    default:
                        if (value.ValueKind != JsonValueKind.String) { Error(field, "Ingest.OptionString"); break; }
                        var code = value.GetString()!;
                        if (question.Options.All(o => o.Code != code)) NotAnOption(field, question, code);
                        else answers[key] = [code];
                        break;
                }
            }
            foreach (var missing in instrument.Questions.Where(q => q.Required && !answers.ContainsKey(q.Key) && comments.All(c => c.Key != q.Key)))
            {
                Error($"answers.{missing.Key}", "Submission.Required");
            }
        }

        if (errors.Count > 0 || instrument is null || centreId is null)
        {
            return new Result(null, errors, answeredAt);
        }
        var response = new Response
        {
            Id = s.Id, InstrumentId = instrument.InstrumentId, InstrumentVersionId = instrument.VersionId, CampaignId = point.CampaignId,
            Channel = point.Channel, SubmittedHour = Response.ToHour(answeredAt), JobCentreId = centreId.Value, SiteId = siteId, UnitId = unitId,
            OfferId = offerId, TargetGroupId = targetGroupId, MeetingType = meetingType, Language = language, Background = background, Answers = answers,
            ContentHash = "",
        };
        var stored = comments.Select(c => new Comment
        {
            ResponseId = s.Id, InstrumentId = instrument.InstrumentId, QuestionKey = c.Key, Text = CommentRedactor.Redact(c.Text).Text,
            SubmittedHour = response.SubmittedHour, Channel = point.Channel, JobCentreId = centreId.Value, SiteId = siteId, UnitId = unitId, TargetGroupId = targetGroupId,
        }).ToList();
        // Over the stored (redacted) content only; the legacy hash recognises a retry of a response stored before that.
        response.ContentHash = ResponseHash.Of(response, stored);
        var legacyHash = ResponseHash.Legacy(response, comments.Select(c => c.Key + ":" + c.Text));
        // After the hash: the flag follows from the press sequence, so a retry never turns into a conflict because of it.
        if (IsKioskRepeat(point, answeredAt, s.PreviousPressAt)) response.QualityFlags |= ResponseQuality.KioskRepeat;
        return new Result(new ResponseRow(response, stored) { InvitationTokenHash = point.InvitationTokenHash, LegacyContentHash = legacyHash }, [], answeredAt);
    }

    /// <summary>A kiosk press is a repeat iff it follows the same kiosk's previous press within the site's window (ADR 0004).
    /// A previous press later than this one means the kiosk's clock was corrected in between: not a repeat.</summary>
    public static bool IsKioskRepeat(CollectionPoint point, DateTimeOffset answeredAt, DateTimeOffset? previousPressAt) =>
        point.Channel == Channel.Kiosk && previousPressAt is { } previous
        && answeredAt - previous >= TimeSpan.Zero && answeredAt - previous < TimeSpan.FromSeconds(point.RepeatWindowSeconds);
}
