using System.Globalization;
using System.Text;

namespace Borgerpuls.Security.Redaction;

/// <summary>Checks and tidies free text before redaction: no control characters but line breaks and tabs, well-formed
/// UTF-16, normalised to NFC with line breaks as <c>\n</c>, trimmed, at most <see cref="MaxLength"/> characters.
/// Returns an error (a stable key, an English and a Danish message) instead of throwing.</summary>
public static class CommentText
{
    /// <summary>Characters (Unicode scalar values, so an emoji counts as one, as the citizen sees it) after trimming.
    /// The stored column holds 4000: room for the worst case in UTF-16 and for placeholders longer than what they replace.</summary>
    public const int MaxLength = 2000;

    public const string TooLong = "comment-too-long";
    public const string ControlCharacters = "comment-control-characters";
    public const string InvalidCharacters = "comment-invalid-characters";

    /// <summary>The tidied text (empty when there is none or on error) or why it was refused.</summary>
    public sealed record Checked(string Text, string? ErrorKey, string? Error, string? ErrorDa)
    {
        public bool IsValid => ErrorKey is null;
    }

    public static Checked Validate(string? text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text is null)
        {
            return new("", null, null, null);
        }
        // Before normalising: Normalize throws on a lone surrogate.
        foreach (var rune in EnumerateRunesOrInvalid(text))
        {
            if (rune is null || rune.Value.Value is 0xFFFE or 0xFFFF)
            {
                return Fail(InvalidCharacters, "The comment contains invalid characters.", "Kommentaren indeholder ugyldige tegn.");
            }
            if (Rune.IsControl(rune.Value) && rune.Value.Value is not ('\n' or '\r' or '\t'))
            {
                return Fail(ControlCharacters, "The comment contains control characters; only line breaks and tabs are allowed.",
                    "Kommentaren indeholder kontroltegn; kun linjeskift og tabulatorer er tilladt.");
            }
        }
        var trimmed = text.Trim();
        // NFC shrinks a text by at most a few code units per character, so anything this long is too long anyway:
        // refuse it before spending time on normalising megabytes.
        if (trimmed.Length > 4 * maxLength)
        {
            return TooLongError(CountScalars(trimmed), maxLength);
        }
        var tidy = trimmed.Normalize(NormalizationForm.FormC)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace('\u2028', '\n')
            .Replace('\u2029', '\n')
            .Trim();
        var length = CountScalars(tidy);
        return length > maxLength ? TooLongError(length, maxLength) : new(tidy, null, null, null);
    }

    private static Checked TooLongError(int length, int maxLength) => Fail(TooLong,
        string.Format(CultureInfo.InvariantCulture, "The comment is {0} characters long; at most {1} are allowed.", length, maxLength),
        string.Format(CultureInfo.GetCultureInfo("da-DK"), "Kommentaren er {0:N0} tegn lang; der er plads til højst {1:N0} tegn.", length, maxLength));

    private static Checked Fail(string key, string message, string messageDa) => new("", key, message, messageDa);

    private static int CountScalars(string s)
    {
        var n = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            n++;
        }
        return n;
    }

    /// <summary>The string's Unicode scalar values, with <c>null</c> for each unpaired surrogate.</summary>
    private static IEnumerable<Rune?> EnumerateRunesOrInvalid(string s)
    {
        for (var i = 0; i < s.Length;)
        {
            if (Rune.DecodeFromUtf16(s.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                yield return null;
                yield break;
            }
            yield return rune;
            i += used;
        }
    }
}
