using System.Globalization;
using System.Text;

namespace Borgerpuls.Security.Redaction;

/// <summary>A text as the redaction patterns see it, with the way back to the original: compatibility forms folded (NFKC:
/// fullwidth digits and <c>＠</c> become ASCII), invisible format characters removed (soft hyphen, zero-width space and
/// joiners, word joiner, byte order mark, direction marks), every dash and minus sign made <c>-</c> and every space (no-break,
/// narrow, thin, tab…) a plain space. Each character of <see cref="Text"/> remembers which characters of the original it came
/// from, so a match can be cut out of the original and everything around it is stored exactly as the citizen wrote it.</summary>
internal sealed class NormalisedText
{
    private readonly int[] _start;
    private readonly int[] _end;

    private NormalisedText(string text, int[] start, int[] end)
    {
        Text = text;
        _start = start;
        _end = end;
    }

    public string Text { get; }

    /// <summary>The original range [start, end) that the normalised characters [start, start + length) came from.</summary>
    public (int Start, int End) Original(int start, int length) => (_start[start], _end[start + length - 1]);

    public static NormalisedText Of(string original)
    {
        var text = new StringBuilder(original.Length);
        var start = new List<int>(original.Length);
        var end = new List<int>(original.Length);
        for (var i = 0; i < original.Length;)
        {
            // Comment text is validated well-formed before it gets here; a lone surrogate elsewhere is kept as it is.
            if (Rune.DecodeFromUtf16(original.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                Emit(original[i], i, i + 1);
                i++;
                continue;
            }
            foreach (var c in Fold(rune))
            {
                Emit(c, i, i + used);
            }
            i += used;
        }
        return new NormalisedText(text.ToString(), [.. start], [.. end]);

        void Emit(char c, int from, int to)
        {
            text.Append(c);
            start.Add(from);
            end.Add(to);
        }
    }

    private static string Fold(Rune rune)
    {
        if (rune.IsAscii)
        {
            return rune.Value == '\t' ? " " : rune.ToString();
        }
        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.Format)
        {
            return "";
        }
        // Letters of Latin-1 and Latin Extended-A/B (æ, ø, å, é…) are their own compatibility form: skip the allocation.
        var folded = rune.Value is >= 0xC0 and < 0x250 ? rune.ToString() : rune.ToString().Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            result.Append(IsDash(c) ? '-' : IsSpace(c) ? ' ' : c);
        }
        return result.ToString();
    }

    private static bool IsDash(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation || c is '\u2212' or '\u2043' or '\u02D7';

    private static bool IsSpace(char c) =>
        c == '\t' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;
}
