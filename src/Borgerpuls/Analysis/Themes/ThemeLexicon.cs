using System.Globalization;
using System.Text;

namespace Borgerpuls.Analysis.Themes;

/// <summary>Assigns themes to a comment by its words: case-insensitive, Danish letters also matched when written "ae",
/// "oe", "aa"; a term matches at the start of a word (a stem), several words in sequence.</summary>
public sealed class ThemeLexicon(IEnumerable<ThemeDefinition> themes)
{
    private readonly List<(ThemeDefinition Theme, string[][] Terms)> _themes =
        themes.Select(t => (t, t.Terms.Select(term => Words(term)).Where(w => w.Length > 0).ToArray())).ToList();

    public IReadOnlyList<ThemeDefinition> Themes => _themes.Select(t => t.Theme).ToList();

    public static ThemeLexicon Presets { get; } = new(ThemePresets.All);

    /// <summary>The keys of the themes the text touches, in the lexicon's order.</summary>
    public IReadOnlyList<string> Classify(string text)
    {
        var words = Words(text);
        var found = new List<string>();
        foreach (var (theme, terms) in _themes)
        {
            if (terms.Any(term => Contains(words, term)))
            {
                found.Add(theme.Key);
            }
        }
        return found;
    }

    private static bool Contains(string[] words, string[] term)
    {
        for (var i = 0; i + term.Length <= words.Length; i++)
        {
            var match = true;
            for (var j = 0; j < term.Length && match; j++)
            {
                // Every word but the last must match whole; the last is a stem.
                match = j < term.Length - 1 ? words[i + j] == term[j] : words[i + j].StartsWith(term[j], StringComparison.Ordinal);
            }
            if (match) return true;
        }
        return false;
    }

    private static string[] Words(string text)
    {
        var normal = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.GetCultureInfo("da-DK")))
        {
            normal.Append(c switch
            {
                'æ' => "ae",
                'ø' => "oe",
                'å' => "aa",
                _ => char.IsLetterOrDigit(c) || c == '-' ? c.ToString() : " ",
            });
        }
        return normal.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
