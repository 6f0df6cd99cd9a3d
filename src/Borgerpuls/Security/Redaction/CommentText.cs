using System.Text;

namespace Borgerpuls.Security.Redaction;

/// <summary>Checks free text before redaction: normalised (NFC), trimmed, no control characters but line breaks and tabs,
/// at most <see cref="MaxLength"/> characters.</summary>
public static class CommentText
{
    public const int MaxLength = 2000;

    public sealed record Checked(string Text, string? Error);

    public static Checked Validate(string? text)
    {
        if (text is null)
        {
            return new("", null);
        }
        var trimmed = text.Normalize(NormalizationForm.FormC).Trim();
        if (trimmed.Length > MaxLength)
        {
            return new("", $"The comment is {trimmed.Length} characters long; at most {MaxLength} are allowed.");
        }
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return new("", "The comment contains control characters.");
        }
        if (trimmed.Any(char.IsSurrogate) && !IsWellFormed(trimmed))
        {
            return new("", "The comment contains invalid characters.");
        }
        return new(trimmed.Replace("\r\n", "\n", StringComparison.Ordinal), null);
    }

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(s[i]))
            {
                return false;
            }
        }
        return true;
    }
}
