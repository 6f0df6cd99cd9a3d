using Borgerpuls.Domain;

namespace Borgerpuls.Features.Configuration;

/// <summary>Texts in languages other than Danish present the same question to more citizens; they do not change what is
/// asked. So translations reach published versions and existing databases in place, without a new version (ADR 0005).</summary>
internal static class Translations
{
    /// <summary>The stored text plus the languages it lacks, or <c>null</c> when it lacks none. Languages already stored are
    /// kept, so a municipality's own wording survives a newer preset.</summary>
    public static LocalizedText? WithMissing(LocalizedText stored, IReadOnlyDictionary<string, string> shipped)
    {
        var missing = shipped.Where(kv => !string.IsNullOrWhiteSpace(kv.Value) && !stored.ContainsKey(kv.Key)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        var merged = new LocalizedText(stored);
        foreach (var (language, text) in missing)
        {
            merged[language] = text;
        }
        return merged;
    }

    /// <summary>Whether a published version asks what <paramref name="config"/> asks: the same questions in the same order,
    /// the same Danish texts, types, scales and flags. Only then may its other languages change in place.</summary>
    public static bool AsksTheSame(InstrumentVersion version, InstrumentConfig config, IReadOnlyDictionary<string, int> scales)
    {
        var questions = version.Questions.OrderBy(q => q.Position).ToList();
        return questions.Count == config.Questions.Count && questions.Zip(config.Questions).All(pair =>
        {
            var (q, c) = pair;
            return q.Key == c.Key && q.Type == c.Type && q.Texts.Da == c.Texts.GetValueOrDefault(LocalizedText.Danish)
                && q.ScaleId == (c.Scale is null ? null : (int?)scales.GetValueOrDefault(c.Scale)) && q.Theme == c.Theme
                && q.Touchpoint == c.Touchpoint && q.IsOverall == c.Overall && q.Required == c.Required && q.ShowAfterKey == c.ShowAfter;
        });
    }

    /// <summary>The version's questions as configuration, for its content hash after its texts changed.</summary>
    public static InstrumentConfig AsConfig(InstrumentVersion version, InstrumentConfig config) => config with
    {
        Questions = version.Questions.OrderBy(q => q.Position).Zip(config.Questions).Select(p => p.Second with { Texts = new(p.First.Texts) }).ToList(),
    };

    public static string Languages(IEnumerable<string> before, IEnumerable<string> after) => string.Join(", ", after.Except(before, StringComparer.OrdinalIgnoreCase));
}
