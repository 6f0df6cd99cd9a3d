using System.Text;
using System.Text.RegularExpressions;

namespace Borgerpuls.Security.Redaction;

/// <summary>Removes direct identifiers from free text before it is stored (SPEC §5): CPR numbers, Danish phone numbers and
/// e-mail addresses become <c>[CPR]</c>, <c>[TELEFON]</c>, <c>[EMAIL]</c>. Pure and thread-safe.</summary>
/// <remarks>
/// Decisions, pinned by RedactionTests:
/// <list type="bullet">
/// <item>CPR: ddmmyy then four digits, joined by nothing, a space, <c>-</c>, <c>.</c>, <c>/</c> or an en dash (optionally
/// with spaces around the dash), and also with the date itself dotted, dashed or slashed (<c>01.01.90-1234</c>). Only the
/// date is checked (any century; 29 February when yy % 4 == 0); modulus 11 is not, as numbers without it are issued since 2007.
/// A CPR number glued to letters is still removed (privacy beats precision), but not one inside a longer digit run.</item>
/// <item>Ten digits whose first six are not a date are left alone: not CPR, and a ten-digit run is not a Danish phone number.</item>
/// <item>Phone: eight digits, optionally grouped in pairs or fours by a space or a hyphen, optionally after +45, 0045 or (+45).
/// Not when glued to letters (case numbers such as <c>AB12345678</c> or <c>SAG-12345678</c>), not inside a longer digit run
/// nor next to a shorter spaced digit group (an IBAN, a card number, "12 34 56 78 90"), not a decimal; numbers listed
/// one after another ("12345678 87654321") are each removed. Dots are not phone separators, so dates
/// (<c>12.03.2024</c>) and amounts (<c>kr. 1.250</c>) are safe; a dashed or spaced date (<c>12-03-2024</c>) and a year range
/// (<c>2023-2024</c>) are recognised and kept. Foreign numbers are out of scope.</item>
/// <item>E-mail: Unicode letters in both parts (<c>søren.ørsted@eksempel.dk</c>); the obfuscations <c>(at)</c> and <c>[at]</c> too.</item>
/// </list>
/// E-mail runs first (a local part may hold digits), then CPR, then phone. The patterns start only at the beginning of a
/// run (lookbehinds), so matching is linear in the text; should one still time out, the text is masked crudely instead
/// (fail closed), never stored as it was.
/// </remarks>
public static partial class CommentRedactor
{
    public const string CprPlaceholder = "[CPR]";
    public const string PhonePlaceholder = "[TELEFON]";
    public const string EmailPlaceholder = "[EMAIL]";

    private const int TimeoutMs = 500;

    [GeneratedRegex("""
        (?<![\p{L}\p{N}_.%+-])
        [\p{L}\p{N}_.%+-]+
        (?:@|\ ?(?:\((?i:at)\)|\[(?i:at)\])\ ?)
        [\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}
        (?![\p{L}\p{N}-])
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, matchTimeoutMilliseconds: TimeoutMs)]
    private static partial Regex Email();

    [GeneratedRegex("""
        (?<!\d)
        (?<d>\d{2})(?<s>[./-]?)(?<m>\d{2})\k<s>(?<y>\d{2})
        (?:[\ \u00A0]?[-\u2010\u2013./][\ \u00A0]?|[\ \u00A0])?
        \d{4}
        (?!\d)
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, matchTimeoutMilliseconds: TimeoutMs)]
    private static partial Regex Cpr();

    [GeneratedRegex("""
        (?<![\p{L}\d_])(?<![\p{L}\d][-/])(?<!\d[.,])(?<!(?:^|\D)\d{1,7}[\ \u00A0])
        (?<cc>(?:\(\+45\)|\+45|0045)[\ \u00A0-]?)?
        (?<a>\d{2})(?<s1>[\ \u00A0-]?)(?<b>\d{2})(?<s2>[\ \u00A0-]?)(?<c>\d{2})(?<s3>[\ \u00A0-]?)(?<e>\d{2})
        (?![\p{L}\d_])(?![-/][\p{L}\d])(?![.,]\d)(?![\ \u00A0]\d{1,7}(?!\d))
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, matchTimeoutMilliseconds: TimeoutMs)]
    private static partial Regex Phone();

    public static RedactionResult Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || !MayHoldIdentifier(text))
        {
            return new RedactionResult(text ?? "", 0, 0, 0);
        }
        try
        {
            int email = 0, cpr = 0, phone = 0;
            text = Email().Replace(text, _ =>
            {
                email++;
                return EmailPlaceholder;
            });
            text = Cpr().Replace(text, m =>
            {
                if (!IsCprDate(m))
                {
                    return m.Value;
                }
                cpr++;
                return CprPlaceholder;
            });
            text = Phone().Replace(text, m =>
            {
                if (!m.Groups["cc"].Success && NumberLookalike.IsDateOrRange(m))
                {
                    return m.Value;
                }
                phone++;
                return PhonePlaceholder;
            });
            return new RedactionResult(text, cpr, phone, email);
        }
        catch (RegexMatchTimeoutException)
        {
            return new RedactionResult(FailClosed(text), 0, 0, 0) { FailedClosed = true };
        }
    }

    private static bool IsCprDate(Match m) =>
        CprDate.IsValid(CprDate.TwoDigits(m.Groups["d"].ValueSpan), CprDate.TwoDigits(m.Groups["m"].ValueSpan), CprDate.TwoDigits(m.Groups["y"].ValueSpan));

    // Most comments hold no digit and no @: skip the three passes for them.
    private static bool MayHoldIdentifier(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c) || c == '@')
            {
                return true;
            }
        }
        return text.Contains("(at)", StringComparison.OrdinalIgnoreCase) || text.Contains("[at]", StringComparison.OrdinalIgnoreCase);
    }

    // Without the patterns nothing can be told apart, so every digit goes and every word with an @ becomes [EMAIL].
    private static string FailClosed(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var word in text.Split(' '))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            if (word.Contains('@', StringComparison.Ordinal))
            {
                sb.Append(EmailPlaceholder);
                continue;
            }
            foreach (var c in word)
            {
                sb.Append(char.IsDigit(c) ? '#' : c);
            }
        }
        return sb.ToString();
    }
}
