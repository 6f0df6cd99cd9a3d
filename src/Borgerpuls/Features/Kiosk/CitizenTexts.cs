using System.Globalization;
using System.Resources;
using System.Text.Json;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Localization;

namespace Borgerpuls.Features.Kiosk;

/// <summary>The citizen texts of a kiosk or tablet page in every citizen language, embedded in the page as JSON so the
/// citizen can switch language on the device without a reload (and offline). Each text is <c>[text, isFallback]</c>:
/// a text missing in a language is the Danish one, flagged so the page can mark it <c>lang="da"</c>.</summary>
public static class CitizenTexts
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    /// <summary>Ids: <c>res:&lt;resource key&gt;</c>, <c>name</c> (the instrument), <c>q:&lt;question&gt;</c> and
    /// <c>o:&lt;question&gt;:&lt;option code&gt;</c>.</summary>
    public static string Json(InstrumentDefinition instrument, IEnumerable<QuestionDefinition> questions, IReadOnlyList<string> resourceKeys)
    {
        var shown = questions.ToList();
        var all = LocalizationSetup.CitizenCultures.ToDictionary(lang => lang, lang =>
        {
            var texts = new Dictionary<string, object[]>(StringComparer.Ordinal);
            foreach (var key in resourceKeys)
            {
                var (text, fallback) = Resource(key, lang);
                texts["res:" + key] = [text, fallback];
            }
            Add(texts, "name", instrument.Names, lang);
            foreach (var q in shown)
            {
                Add(texts, "q:" + q.Key, q.Texts, lang);
                foreach (var o in q.Options)
                {
                    Add(texts, $"o:{q.Key}:{o.Code}", o.Labels, lang);
                }
            }
            return new { rtl = LocalizationSetup.IsRightToLeft(lang), t = texts };
        });
        // The default encoder escapes '<', '>' and '&', so the JSON cannot close the <script> element it is embedded in.
        return JsonSerializer.Serialize(all);
    }

    /// <summary>The language buttons: each language in its own name ("Dansk", "العربية", …), capitalised as a button label.</summary>
    public static IEnumerable<(string Code, string Name)> Languages() =>
        LocalizationSetup.CitizenCultures.Select(c =>
        {
            var culture = CultureInfo.GetCultureInfo(c);
            var name = culture.NativeName;
            return (c, name.Length > 0 ? char.ToUpper(name[0], culture) + name[1..] : c);
        });

    private static void Add(Dictionary<string, object[]> texts, string id, LocalizedText text, string lang)
    {
        var (value, fallback) = text.In(lang);
        texts[id] = [value, fallback];
    }

    private static (string Text, bool Fallback) Resource(string key, string lang)
    {
        var danish = Resources.GetString(key, CultureInfo.GetCultureInfo(LocalizedText.Danish)) ?? key;
        if (lang == LocalizedText.Danish)
        {
            return (danish, false);
        }
        // Only this culture's own file counts: the neutral resources are the Danish texts, which would hide a missing translation.
        var own = Resources.GetResourceSet(CultureInfo.GetCultureInfo(lang), createIfNotExists: true, tryParents: false)?.GetString(key);
        return string.IsNullOrWhiteSpace(own) ? (danish, true) : (own, false);
    }
}
