using Borgerpuls.Localization;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Ingest;

/// <summary>One problem with a submission: the field it concerns (<c>answers.{question}</c>, <c>context.jobcentre</c>, …) and a
/// resource key with its arguments, so that the API answers in the request's language and the citizen pages in the citizen's.
/// Keys under <c>Submission.</c> can reach a citizen page and exist in every citizen language; <c>Ingest.</c> keys concern
/// devices and integrations only (Danish and English).</summary>
public sealed record SubmissionError(string Field, string Key, params object[] Args)
{
    public string Message(IStringLocalizer t) => t[Key, Args];

    /// <summary>The messages per field, in the current UI culture; the shape of problem+json's <c>errors</c>.</summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<SubmissionError> errors, IStringLocalizer t) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message(t)).ToArray());
}
