using System.Globalization;
using System.Text;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;

namespace Borgerpuls.Features.Import;

/// <summary>Proposes a mapping for a file whose header and cells do not use the instrument's keys: a column goes to the
/// question whose key or Danish text it names ("Hvordan var samtalen?" → samtale), or to a background field by its
/// usual names; a cell text no option recognises goes to the option whose label it resembles. Only a proposal: the wizard
/// shows it for correction, and the import checks the result like any mapping.</summary>
public static class MappingSuggestion
{
    public static ImportMapping Suggest(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> sampleRows, InstrumentDefinition instrument)
    {
        var mapping = new ImportMapping();
        var questions = new Dictionary<int, QuestionDefinition>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (Importer.Background.TryGetValue(name, out var field) || Importer.Background.TryGetValue(Fold(name).Replace(' ', '_'), out field))
            {
                mapping.Columns[name] = field == "jobcentre" ? "jobcenter" : field;
                continue;
            }
            if (Match(name, instrument) is { } question)
            {
                mapping.Columns[name] = question.Key;
                questions[i] = question;
            }
        }
        foreach (var row in sampleRows)
        {
            foreach (var (index, question) in questions)
            {
                if (index >= row.Count || question.Type == QuestionType.FreeText) continue;
                var cell = row[index].Trim();
                if (cell.Length == 0 || question.Find(cell) is not null) continue;
                var folded = Fold(cell);
                var option = question.Options.FirstOrDefault(o => o.Labels.Values.Any(l => Similar(Fold(l), folded)));
                if (option is null) continue;
                if (!mapping.Values.TryGetValue(question.Key, out var values))
                {
                    mapping.Values[question.Key] = values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }
                values[cell] = option.Code;
            }
        }
        return mapping;
    }

    private static QuestionDefinition? Match(string name, InstrumentDefinition instrument)
    {
        var folded = Fold(name);
        if (folded.Length == 0) return null;
        return instrument.Questions.FirstOrDefault(q => Fold(q.Key) == folded)
            ?? instrument.Questions.FirstOrDefault(q => q.Texts.Values.Any(t => Fold(t) == folded))
            ?? instrument.Questions.FirstOrDefault(q => q.Texts.Values.Any(t => Similar(Fold(t), folded)))
            ?? (folded.Length >= 5 ? instrument.Questions.FirstOrDefault(q => folded.Split(' ').Contains(Fold(q.Key))) : null);
    }

    /// <summary>One text contains the other and the shorter is at least a few letters and half the longer: "meget tilfreds"
    /// ~ "meget tilfreds med samtalen", but not "god" ~ "meget god eller dårlig".</summary>
    private static bool Similar(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 4 && shorter.Length * 2 >= longer.Length && longer.Contains(shorter, StringComparison.Ordinal);
    }

    /// <summary>Lower case, Danish letters spelt out, accents and punctuation gone, single spaces.</summary>
    internal static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant().Replace("å", "aa", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c switch
            {
                'æ' => "ae", 'ø' => "oe",
                _ when char.IsLetterOrDigit(c) => c.ToString(),
                _ => " ",
            });
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
