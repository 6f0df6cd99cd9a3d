using System.Text.Json;
using Borgerpuls.Data.Bulk;
using Borgerpuls.Domain;
using Borgerpuls.Features.Ingest;

namespace Borgerpuls.Features.Questionnaire;

/// <summary>What became of a questionnaire posted from a citizen page.</summary>
public sealed record SubmitOutcome(bool Stored, bool AlreadyAnswered, IReadOnlyList<SubmissionError> Errors);

/// <summary>The citizen pages (invitation, open web link) post plain forms; this turns a form into the same submission the
/// API receives and sends it through the same validator and durable ingest queue, so no page has rules of its own.</summary>
internal static class QuestionnaireSubmit
{
    /// <summary>Form fields <c>a.{question key}</c>; several values for a multiple-choice question; blanks are skipped.</summary>
    public static Dictionary<string, JsonElement> Answers(IFormCollection form, InstrumentDefinition instrument)
    {
        var answers = new Dictionary<string, JsonElement>();
        foreach (var question in instrument.Questions)
        {
            var values = form["a." + question.Key];
            if (values.Count == 0 || values.All(string.IsNullOrWhiteSpace)) continue;
            answers[question.Key] = question.Type == QuestionType.MultipleChoice
                ? JsonSerializer.SerializeToElement(values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray())
                : JsonSerializer.SerializeToElement(values[0]);
        }
        return answers;
    }

    public static async Task<SubmitOutcome> SubmitAsync(ResponseSubmission submission, InstrumentDefinition instrument, CollectionPoint point,
        OrganisationLookup organisation, IngestQueue queue, TimeProvider clock, CancellationToken ct)
    {
        var result = SubmissionValidator.Validate(submission, instrument, point, await organisation.GetAsync(ct), clock.GetUtcNow());
        if (result.Row is null)
        {
            return new SubmitOutcome(false, false, result.Errors);
        }
        try
        {
            await queue.SubmitAsync([result.Row], ct);
        }
        catch (Exception e) when (e is InvitationAlreadyUsedException or ResponseConflictException)
        {
            // A used invitation, or the same page sent again with changed answers: the first answer stands.
            return new SubmitOutcome(false, true, []);
        }
        return new SubmitOutcome(true, false, []);
    }
}
