using System.Text.Json;
using System.Text.RegularExpressions;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Localization;
using Borgerpuls.Security.Redaction;


namespace Borgerpuls.Features.Ingest;

/// <summary>Checks one submission against the published instrument version and the organisation, and turns it into the
/// rows to store: the anonymous response (context copied, time cut to the hour) and its redacted comments.
/// Every problem is reported with the field it concerns; nothing is partially accepted.</summary>
public static partial class SubmissionValidator
{
    public const int MaxCommentLength = 2000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(400);
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CodePattern();

    public sealed record Result(ResponseRow? Row, Dictionary<string, string[]> Errors, DateTimeOffset AnsweredAt);

    public static Result Validate(ResponseSubmission s, InstrumentDefinition? instrument, CollectionPoint point, OrganisationLookup.Snapshot org, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        if (s.Id == Guid.Empty) Error("id", "A random UUID (version 4) is required.");
        else if (s.Id.Version != 4) Error("id", "The id must be a random UUID version 4; other versions can reveal when or where it was made.");
        if (string.IsNullOrWhiteSpace(s.Instrument)) Error("instrument", "The instrument key is required.");
        else if (instrument is null) Error("instrument", $"Unknown instrument '{s.Instrument}'.");
        else if (point.InstrumentKey is not null && point.InstrumentKey != s.Instrument) Error("instrument", $"This device or link collects '{point.InstrumentKey}', not '{s.Instrument}'.");
        if (s.AnsweredAt is not { } answeredAt) { Error("answeredAt", "The time of answering (ISO 8601 with offset) is required."); answeredAt = now; }
        else if (answeredAt > now + MaxClockSkew) Error("answeredAt", "The time of answering is in the future; check the device's clock.");
        else if (answeredAt < now - MaxAge) Error("answeredAt", "The time of answering is more than 400 days ago.");

        var context = s.Context ?? new SubmissionContext();
        int? centreId = point.JobCentreId, siteId = point.SiteId, unitId = point.UnitId, targetGroupId = point.TargetGroupId, offerId = null;
        var meetingType = point.MeetingType;
        if (point.ClientSetsOrganisation)
        {
            if (context.Jobcentre is null) Error("context.jobcentre", "The job centre is required.");
            else if (!org.JobCentres.TryGetValue(context.Jobcentre, out var c)) Error("context.jobcentre", $"Unknown job centre '{context.Jobcentre}'.");
            else if (point.AllowedJobCentres is { } allowed && !allowed.Contains(c)) Error("context.jobcentre", $"You cannot enter responses for '{context.Jobcentre}'.");
            else centreId = c;
            if (context.Site is not null)
            {
                if (!org.Sites.TryGetValue(context.Site, out var site)) Error("context.site", $"Unknown site '{context.Site}'.");
                else if (centreId is not null && site.JobCentreId != centreId) Error("context.site", $"Site '{context.Site}' does not belong to job centre '{context.Jobcentre}'.");
                else siteId = site.Id;
            }
        }
        else if (context.Jobcentre is not null && (centreId is null || org.JobCentreKeys.GetValueOrDefault(centreId.Value) != context.Jobcentre))
        {
            Error("context.jobcentre", "The job centre comes from the device or invitation and cannot be set here.");
        }
        if (context.Unit is not null)
        {
            if (!point.ClientSetsUnit && !point.ClientSetsOrganisation) Error("context.unit", "The unit comes from the device or invitation and cannot be set here.");
            else if (!org.Units.TryGetValue(context.Unit, out var unit)) Error("context.unit", $"Unknown unit '{context.Unit}'.");
            else if (siteId is not null && unit.SiteId != siteId) Error("context.unit", $"Unit '{context.Unit}' does not belong to this site.");
            else unitId = unit.Id;
        }
        if (context.TargetGroup is not null)
        {
            if (!point.ClientSetsTargetGroup && !point.ClientSetsOrganisation) Error("context.targetGroup", "The target group comes from the invitation and cannot be set here.");
            else if (!org.TargetGroups.TryGetValue(context.TargetGroup, out var tg)) Error("context.targetGroup", $"Unknown target group '{context.TargetGroup}'.");
            else targetGroupId = tg;
        }
        if (context.Offer is not null)
        {
            if (!org.Offers.TryGetValue(context.Offer, out var offer)) Error("context.offer", $"Unknown offer '{context.Offer}'.");
            else offerId = offer;
        }
        if (context.MeetingType is not null)
        {
            if (!point.ClientSetsTargetGroup && !point.ClientSetsOrganisation) Error("context.meetingType", "The meeting type comes from the invitation and cannot be set here.");
            else if (!CodePattern().IsMatch(context.MeetingType)) Error("context.meetingType", "Use a short key of lowercase letters, digits and '-'.");
            else meetingType = context.MeetingType;
        }
        var language = context.Language ?? LocalizedText.Danish;
        if (!LocalizationSetup.CitizenCultures.Contains(language)) Error("context.language", $"Unknown language '{language}'; expected one of {string.Join(", ", LocalizationSetup.CitizenCultures)}.");
        var background = new Dictionary<string, string>();
        foreach (var (key, code) in context.Background ?? [])
        {
            if (!org.BackgroundOptions.TryGetValue(key, out var codes)) Error($"context.background.{key}", $"Unknown background variable '{key}'.");
            else if (!codes.Contains(code)) Error($"context.background.{key}", $"'{code}' is not an option of '{key}' (expected one of: {string.Join(", ", codes)}).");
            else background[key] = code;
        }
        if (centreId is null && !errors.ContainsKey("context.jobcentre")) Error("context.jobcentre", "The job centre is required.");

        var answers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var comments = new List<(string Key, string Text)>();
        if (s.Answers is null || s.Answers.Count == 0) Error("answers", "At least one answer is required.");
        if (instrument is not null)
        {
            foreach (var (key, value) in s.Answers ?? [])
            {
                var field = $"answers.{key}";
                var question = instrument.Question(key);
                if (question is null)
                {
                    Error(field, $"'{key}' is not a question of {instrument.Key} (expected one of: {string.Join(", ", instrument.Questions.Select(q => q.Key))}).");
                    continue;
                }
                if (value.ValueKind == JsonValueKind.Null) continue;
                switch (question.Type)
                {
                    case QuestionType.FreeText:
                        if (value.ValueKind != JsonValueKind.String) { Error(field, "A free-text answer is a string."); break; }
                        var validated = CommentText.Validate(value.GetString());
                        if (validated.Error is not null) Error(field, validated.Error);
                        else if (validated.Text.Length > 0) comments.Add((key, validated.Text));
                        break;
                    case QuestionType.MultipleChoice:
                        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String)) { Error(field, "A multiple-choice answer is an array of option codes."); break; }
                        var codes = value.EnumerateArray().Select(v => v.GetString()!).ToArray();
                        foreach (var bad in codes.Where(c => question.Options.All(o => o.Code != c))) Error(field, NotAnOption(question, bad));
                        if (codes.Distinct().Count() != codes.Length) Error(field, "An option is chosen more than once.");
                        if (codes.Length > 0) answers[key] = codes;
                        break;
                    default:
                        if (value.ValueKind != JsonValueKind.String) { Error(field, "The answer is one option code as a string."); break; }
                        var code = value.GetString()!;
                        if (question.Options.All(o => o.Code != code)) Error(field, NotAnOption(question, code));
                        else answers[key] = [code];
                        break;
                }
            }
            foreach (var missing in instrument.Questions.Where(q => q.Required && !answers.ContainsKey(q.Key) && comments.All(c => c.Key != q.Key)))
            {
                Error($"answers.{missing.Key}", "This question must be answered.");
            }
        }

        if (errors.Count > 0 || instrument is null || centreId is null)
        {
            return new Result(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), answeredAt);
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
        return new Result(new ResponseRow(response, stored) { InvitationTokenHash = point.InvitationTokenHash, LegacyContentHash = legacyHash }, [], answeredAt);
    }

    private static string NotAnOption(QuestionDefinition question, string code) =>
        $"'{code}' is not an option of {question.ScaleKey ?? question.Key} (expected one of: {string.Join(", ", question.Options.Select(o => o.Code))}).";
}
