using System.Globalization;
using Borgerpuls.Domain;

namespace Borgerpuls.Features.Questionnaire;

public sealed record OptionDefinition(string Code, LocalizedText Labels, double? Value, Polarity Polarity);

public sealed record QuestionDefinition(
    string Key, QuestionType Type, LocalizedText Texts, string? ScaleKey, IReadOnlyList<OptionDefinition> Options,
    bool IsOverall, bool Required, string? ShowAfter, string? Theme, Touchpoint? Touchpoint)
{
    public bool HasOptions => Type is not QuestionType.FreeText;

    /// <summary>Finds an option by code, numeric value or label in any language — case- and whitespace-tolerant, as imports
    /// and paper entry need.</summary>
    public OptionDefinition? Find(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }
        var text = cell.Trim();
        return Options.FirstOrDefault(o => o.Code.Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? Options.FirstOrDefault(o => o.Value == number) : null)
            ?? Options.FirstOrDefault(o => o.Labels.Values.Any(l => string.Equals(Normalise(l), Normalise(text), StringComparison.OrdinalIgnoreCase)));
    }

    private static string Normalise(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize();
}

/// <summary>A published instrument version as asked: for an extending instrument, the core version's questions followed by
/// the local ones. Immutable, so it is cached for the life of the process.</summary>
public sealed record InstrumentDefinition(int InstrumentId, string Key, LocalizedText Names, InstrumentKind Kind, int VersionId, int VersionNumber,
    IReadOnlyList<QuestionDefinition> Questions)
{
    public QuestionDefinition? Question(string key) => Questions.FirstOrDefault(q => q.Key == key);

    /// <summary>A question's number as the citizen, the report and the action plan count it (1 for the first); null when the
    /// version has no such question.</summary>
    public int? NumberOf(string key)
    {
        for (var i = 0; i < Questions.Count; i++)
        {
            if (Questions[i].Key == key) return i + 1;
        }
        return null;
    }

    /// <summary>"3. Hvor tilfreds …": the question as staff pick it from a list, in the reader's language.</summary>
    public string Label(QuestionDefinition question) =>
        $"{NumberOf(question.Key)}. {question.Texts.In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Text}";

    public QuestionDefinition? Overall => Questions.FirstOrDefault(q => q.IsOverall);
}
