using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Borgerpuls.Features.Ingest;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Questionnaire;

/// <summary>A refused questionnaire as the citizen sees it: each problem in the citizen's language, naming the question by
/// its number and text, for the error summary (which links to the question) and for the message under the question itself
/// (which the question's fields point at with <c>aria-describedby</c>).</summary>
public sealed class QuestionnaireErrors
{
    /// <summary>Where a summary line links to (an element id) and what it says.</summary>
    public sealed record Line(string Target, IHtmlContent Text);

    private readonly Dictionary<string, string> _byQuestion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byField = new(StringComparer.Ordinal);

    public List<Line> Lines { get; } = [];

    public bool Any => Lines.Count > 0;

    /// <summary>The message for a question (by key) or another form field (by element id), if it has one.</summary>
    public string? For(string keyOrId) => _byQuestion.GetValueOrDefault(keyOrId) ?? _byField.GetValueOrDefault(keyOrId);

    public static string MessageId(string keyOrId) => "err-" + keyOrId;

    public static string QuestionId(string key) => "q-" + key;

    /// <param name="fields">Context fields the page shows itself: submission field → (element id, label).</param>
    public static QuestionnaireErrors From(IEnumerable<SubmissionError> errors, InstrumentDefinition instrument, string language, IStringLocalizer t,
        IReadOnlyDictionary<string, (string Id, string Label)>? fields = null)
    {
        var result = new QuestionnaireErrors();
        var first = instrument.Questions.Count > 0 ? QuestionId(instrument.Questions[0].Key) : "main";
        foreach (var error in errors)
        {
            var message = error.Message(t);
            var index = error.Field.StartsWith("answers.", StringComparison.Ordinal)
                ? instrument.Questions.ToList().FindIndex(q => q.Key == error.Field["answers.".Length..]) : -1;
            if (index >= 0)
            {
                var question = instrument.Questions[index];
                var (text, fallback) = question.Texts.In(language);
                // A question still in Danish keeps its language inside the sentence, so it is read and laid out as Danish.
                var name = fallback ? $"<span lang=\"da\" dir=\"ltr\">{Encode(text)}</span>" : Encode(text);
                result.Lines.Add(new(QuestionId(question.Key), Format(t["Questionnaire.ErrorQuestion"], (index + 1).ToString(CultureInfo.CurrentCulture), name, Encode(message))));
                result._byQuestion[question.Key] = result._byQuestion.TryGetValue(question.Key, out var earlier) ? earlier + " " + message : message;
            }
            else if (fields is not null && fields.TryGetValue(error.Field, out var field))
            {
                result.Lines.Add(new(field.Id, Format(t["Questionnaire.ErrorField"], Encode(field.Label), Encode(message))));
                result._byField[field.Id] = message;
            }
            else
            {
                result.Lines.Add(new(first, new HtmlString(Encode(message))));
            }
        }
        return result;
    }

    // As the pages encode (WebApp registers the same encoder): letters of every script stay readable in the HTML.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);

    private static HtmlString Format(string template, params object[] encodedArgs) =>
        new(string.Format(CultureInfo.CurrentCulture, Encode(template), encodedArgs));
}
