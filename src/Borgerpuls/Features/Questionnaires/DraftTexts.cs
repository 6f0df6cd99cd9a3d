using Borgerpuls.Domain;

namespace Borgerpuls.Features.Questionnaires;

/// <summary>One text of a draft to translate: the instrument's name, a question, a new scale's name or one of its labels.</summary>
public sealed record TextSlot(string Id, string Danish, string? Translation)
{
    public bool Translated => !string.IsNullOrWhiteSpace(Translation);
}

/// <summary>Every text of a draft in one order, for the translation page and its completeness ("12 af 15 tekster oversat").
/// Danish is the source; the other six citizen languages are counted against it.</summary>
public static class DraftTexts
{
    public static IEnumerable<string> Languages => Localization.LocalizationSetup.CitizenCultures.Where(c => c != LocalizedText.Danish);

    public static List<TextSlot> Of(DraftContent content, string language)
    {
        static string? In(IReadOnlyDictionary<string, string> texts, string language) => texts.GetValueOrDefault(language);
        static string Da(IReadOnlyDictionary<string, string> texts) => texts.GetValueOrDefault(LocalizedText.Danish) ?? "";
        var slots = new List<TextSlot> { new("name", Da(content.Instrument.Names), In(content.Instrument.Names, language)) };
        slots.AddRange(content.Instrument.Questions.Select(q => new TextSlot("q:" + q.Key, Da(q.Texts), In(q.Texts, language))));
        foreach (var scale in content.Scales)
        {
            slots.Add(new TextSlot("s:" + scale.Key, Da(scale.Names), In(scale.Names, language)));
            slots.AddRange(scale.Options.Select(o => new TextSlot($"o:{scale.Key}:{o.Code}", Da(o.Labels), In(o.Labels, language))));
        }
        return slots;
    }

    /// <summary>(translated, all) in <paramref name="language"/>.</summary>
    public static (int Done, int All) Completeness(DraftContent content, string language)
    {
        var slots = Of(content, language);
        return (slots.Count(s => s.Translated), slots.Count);
    }

    /// <summary>The draft with the texts of <paramref name="language"/> as typed; an empty field removes the translation.</summary>
    public static DraftContent With(DraftContent content, string language, IReadOnlyDictionary<string, string?> typed)
    {
        Dictionary<string, string> Set(Dictionary<string, string> texts, string id)
        {
            if (!typed.TryGetValue(id, out var value)) return texts;
            var copy = new Dictionary<string, string>(texts);
            if (string.IsNullOrWhiteSpace(value)) copy.Remove(language);
            else copy[language] = value.Trim();
            return copy;
        }
        var instrument = content.Instrument with
        {
            Names = Set(content.Instrument.Names, "name"),
            Questions = content.Instrument.Questions.Select(q => q with { Texts = Set(q.Texts, "q:" + q.Key) }).ToList(),
        };
        var scales = content.Scales.Select(s => s with
        {
            Names = Set(s.Names, "s:" + s.Key),
            Options = s.Options.Select(o => o with { Labels = Set(o.Labels, $"o:{s.Key}:{o.Code}") }).ToList(),
        }).ToList();
        return new DraftContent(instrument, scales);
    }

    /// <summary>The same count for a published instrument: its name and its own questions (scales are shared between
    /// instruments and translated with them).</summary>
    public static (int Done, int All) Completeness(LocalizedText name, IEnumerable<LocalizedText> questions, string language)
    {
        var texts = questions.Prepend(name).ToList();
        return (texts.Count(t => t.TryGetValue(language, out var v) && !string.IsNullOrWhiteSpace(v)), texts.Count);
    }
}
