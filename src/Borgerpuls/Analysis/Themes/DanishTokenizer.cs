using System.Globalization;
using System.Text;
using Borgerpuls.Security.Redaction;

namespace Borgerpuls.Analysis.Themes;

/// <summary>Splits text into folded words for the theme lexicon. Text and lexicon terms go through the same folding, so
/// "Lægeerklæringen", "laegeerklaeringen" and "LÆGEERKLÆRINGEN" are one word, and old spellings with aa/ae/oe match.</summary>
internal static class DanishTokenizer
{
    // Redaction placeholders are not words of the citizen: "[TELEFON]" must not make a comment about the telephone.
    private static readonly string[] Placeholders = [CommentRedactor.CprPlaceholder, CommentRedactor.PhonePlaceholder, CommentRedactor.EmailPlaceholder];

    /// <param name="text">Any text; it is NFC-normalised first (offsets refer to that).</param>
    /// <param name="starEndsWord">Parsing a lexicon term: a <c>*</c> right after a word marks it as a prefix and does not break the phrase.</param>
    public static List<DanishToken> Tokenize(string text, bool starEndsWord = false)
    {
        text = text.Normalize(NormalizationForm.FormC);
        var tokens = new List<DanishToken>();
        var word = new StringBuilder();
        var start = -1;
        var joined = false;   // whether the gap since the previous word allows a phrase to continue
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            if (i < text.Length && IsWordChar(c))
            {
                if (start < 0)
                {
                    start = i;
                }
                AppendFolded(word, c);
                continue;
            }
            // Apostrophes inside a word ("sms'en", "CPR’en") and soft hyphens are dropped without ending it.
            if (start >= 0 && ((c is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1])) || c == '\u00AD'))
            {
                continue;
            }
            if (start >= 0)
            {
                var star = starEndsWord && c == '*';
                tokens.Add(new DanishToken(word.ToString(), start, i - start, tokens.Count > 0 && joined, star));
                word.Clear();
                start = -1;
                joined = true;
                if (star)
                {
                    continue;
                }
            }
            if (i >= text.Length)
            {
                break;
            }
            if (c == '[' && Placeholder(text, i) is { } placeholder)
            {
                i += placeholder.Length - 1;
                joined = false;
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011'))
            {
                joined = false;
            }
        }
        return tokens;
    }

    private static string? Placeholder(string text, int i)
    {
        foreach (var p in Placeholders)
        {
            if (text.AsSpan(i).StartsWith(p, StringComparison.Ordinal))
            {
                return p;
            }
        }
        return null;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static void AppendFolded(StringBuilder sb, char c)
    {
        var lower = char.ToLowerInvariant(c);
        switch (lower)
        {
            case 'æ' or 'ä':
                sb.Append("ae");
                return;
            case 'ø' or 'ö':
                sb.Append("oe");
                return;
            case 'å':
                sb.Append("aa");
                return;
            case 'ü':
                sb.Append("ue");
                return;
            case 'ß':
                sb.Append("ss");
                return;
        }
        if (lower < '\u0080')
        {
            sb.Append(lower);
            return;
        }
        if (char.IsDigit(lower))
        {
            // Arabic-Indic and other decimal digits read as 0–9, so "24 timer" is one spelling.
            sb.Append((char)('0' + (int)char.GetNumericValue(lower)));
            return;
        }
        if (CharUnicodeInfo.GetUnicodeCategory(lower) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
        {
            return;
        }
        // é → e, ñ → n …: the base letter of the decomposition. Letters without one (other scripts) stay as they are.
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        sb.Append(decomposed[0]);
    }
}
