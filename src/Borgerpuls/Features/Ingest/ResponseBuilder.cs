using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Localization;
using Borgerpuls.Security.Redaction;

namespace Borgerpuls.Features.Ingest;

/// <summary>Turns answers a channel or the import has decoded (option codes per question, free texts) and a resolved context
/// into the rows to store, or into every problem found. The one place for the rules about content: options must be the
/// question's, a multiple choice names each option once, required questions are answered, comments pass the text rules and
/// are redacted, meeting type and language are known keys; and for what is stored: the context copied onto the response and
/// its comments, the time cut to the hour, the content hash over the stored (redacted) content.
/// Decoding the wire format, the file's cells and the organisation's keys or names stays with each channel.</summary>
/// <remarks>Problems are <see cref="SubmissionError"/>s with the field they concern (<c>answers.{question}</c>,
/// <c>context.meetingType</c>, <c>context.language</c>); a channel adds its own decoding problems to <see cref="Errors"/>, so
/// one list holds them all and nothing is stored if it is not empty.</remarks>
public sealed class ResponseBuilder(InstrumentDefinition? instrument)
{
    private static readonly Dictionary<string, string> CommentErrors = new()
    {
        [CommentText.TooLong] = "Submission.CommentTooLong",
        [CommentText.ControlCharacters] = "Submission.CommentControlCharacters",
        [CommentText.InvalidCharacters] = "Submission.CommentInvalidCharacters",
    };

    private readonly Dictionary<string, string[]> _answers = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Text)> _comments = [];

    public List<SubmissionError> Errors { get; } = [];

    public void Error(string field, string key, params object[] args) => Errors.Add(new SubmissionError(field, key, args));

    public static string Field(QuestionDefinition question) => $"answers.{question.Key}";

    /// <summary>The option codes given for a question with options (one for a single answer); none is no answer.</summary>
    public void Choose(QuestionDefinition question, IReadOnlyList<string> codes)
    {
        var valid = true;
        foreach (var bad in codes.Where(c => question.Options.All(o => o.Code != c)))
        {
            Error(Field(question), "Submission.NotAnOption", bad, question.ScaleKey ?? question.Key, string.Join(", ", question.Options.Select(o => o.Code)));
            valid = false;
        }
        if (question.Type != QuestionType.MultipleChoice)
        {
            if (valid && codes.Count > 0) _answers[question.Key] = [.. codes];
            return;
        }
        if (codes.Distinct().Count() != codes.Count) Error(Field(question), "Submission.OptionTwice");
        // A multiple choice with a wrong code still counts as answered: the one problem is the code, not a missing answer.
        if (codes.Count > 0) _answers[question.Key] = [.. codes];
    }

    /// <summary>A free-text answer as given; blank is no answer. The English message (with the length) goes along as the
    /// second argument for the import, whose errors are in English.</summary>
    public void Write(QuestionDefinition question, string? text)
    {
        var validated = CommentText.Validate(text);
        if (validated.ErrorKey is not null) Error(Field(question), CommentErrors[validated.ErrorKey], CommentText.MaxLength, validated.Error!);
        else if (validated.Text.Length > 0) _comments.Add((question.Key, validated.Text));
    }

    /// <summary>The checks on the context and on the answers as a whole; true when no problem was found at all.</summary>
    public bool Check(ResponseContext context, bool requireAnswers)
    {
        if (context.MeetingType is not null && !MeetingType.IsKnown(context.MeetingType))
        {
            // A fixed list of keys, never free text: a meeting type becomes a group label in breakdowns.
            Error("context.meetingType", "Ingest.MeetingTypeKey", string.Join(", ", MeetingType.All));
        }
        if (!LocalizationSetup.CitizenCultures.Contains(context.Language))
        {
            Error("context.language", "Ingest.LanguageUnknown", context.Language, string.Join(", ", LocalizationSetup.CitizenCultures));
        }
        // An import carries what an earlier system stored, blanks included; the channels ask the questions themselves.
        if (requireAnswers && instrument is not null)
        {
            foreach (var missing in instrument.Questions.Where(q => q.Required && !_answers.ContainsKey(q.Key) && _comments.All(c => c.Key != q.Key)))
            {
                Error(Field(missing), "Submission.Required");
            }
        }
        return Errors.Count == 0 && instrument is not null;
    }

    /// <summary>The rows to store, or null when <see cref="Errors"/> says why not.</summary>
    public ResponseRow? Build(Guid id, Channel channel, DateTimeOffset answeredAt, int? campaignId, ResponseContext context, bool requireAnswers)
    {
        if (!Check(context, requireAnswers)) return null;
        var response = NewResponse(id, instrument!.InstrumentId, instrument.VersionId, channel, Response.ToHour(answeredAt), campaignId, context, _answers);
        var comments = _comments.Select(c => NewComment(response, c.Key, CommentRedactor.Redact(c.Text).Text)).ToList();
        // Over the stored (redacted) content only (see ResponseHash).
        response.ContentHash = ResponseHash.Of(response, comments);
        return new ResponseRow(response, comments);
    }

    /// <summary>The hash an earlier version stored for this content (over the comments before redaction), to recognise a
    /// retry of a response stored before the upgrade.</summary>
    public string LegacyHash(Response response) => ResponseHash.Legacy(response, _comments.Select(c => c.Key + ":" + c.Text));

    /// <summary>A response with its context copied; its content hash is set once its comments are known.</summary>
    public static Response NewResponse(Guid id, int instrumentId, int versionId, Channel channel, DateTime hour, int? campaignId,
        ResponseContext context, Dictionary<string, string[]> answers) => new Response
    {
        Id = id, InstrumentId = instrumentId, InstrumentVersionId = versionId, CampaignId = campaignId, Channel = channel,
        SubmittedHour = hour, OfferId = context.OfferId, MeetingType = context.MeetingType, Language = context.Language,
        Background = new Dictionary<string, string>(context.Background), Answers = answers, ContentHash = "",
    }.PlaceFrom(context);

    /// <summary>A comment on a response, with the response's context copied for segmenting; the text must be redacted.</summary>
    public static Comment NewComment(Response response, string questionKey, string redactedText) => new Comment
    {
        ResponseId = response.Id, InstrumentId = response.InstrumentId, QuestionKey = questionKey, Text = redactedText,
        SubmittedHour = response.SubmittedHour, Channel = response.Channel,
    }.PlaceFrom(response);
}
