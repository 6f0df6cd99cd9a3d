using System.Globalization;
using System.Text.RegularExpressions;

namespace Borgerpuls.Security.Redaction;

public sealed record RedactionResult(string Text, int Cpr, int Phone, int Email)
{
    public bool Changed => Cpr + Phone + Email > 0;
}

/// <summary>Removes direct identifiers from free text before it is stored (SPEC §5): CPR numbers, Danish phone numbers and
/// e-mail addresses become <c>[CPR]</c>, <c>[TELEFON]</c>, <c>[EMAIL]</c>.</summary>
public static partial class CommentRedactor
{
    public const string CprPlaceholder = "[CPR]";
    public const string PhonePlaceholder = "[TELEFON]";
    public const string EmailPlaceholder = "[EMAIL]";

    // ddmmyy, then nothing or one of - space . / and four digits; not part of a longer digit run.
    [GeneratedRegex(@"(?<![\d])(\d{2})(\d{2})(\d{2})[-\s./]?\d{4}(?![\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Cpr();

    // Eight digits, in pairs or fours separated by a space or dash, optionally with +45, 0045 or (+45) in front.
    [GeneratedRegex(@"(?<![\d+])(?:(?:\(\+45\)|\+45|0045)[\s-]?)?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}(?![\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Email();

    public static RedactionResult Redact(string text)
    {
        int email = 0, cpr = 0, phone = 0;
        text = Email().Replace(text, _ => { email++; return EmailPlaceholder; });
        text = Cpr().Replace(text, m =>
        {
            // Only a valid date of birth makes a CPR number; modulus 11 is not checked (numbers without it are issued since 2007).
            if (!IsDate(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)) return m.Value;
            cpr++;
            return CprPlaceholder;
        });
        text = Phone().Replace(text, _ => { phone++; return PhonePlaceholder; });
        return new RedactionResult(text, cpr, phone, email);
    }

    private static bool IsDate(string dd, string mm, string yy)
    {
        var day = int.Parse(dd, CultureInfo.InvariantCulture);
        var month = int.Parse(mm, CultureInfo.InvariantCulture);
        var year = int.Parse(yy, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }
        // The century is unknown: 29 February is valid when the two-digit year can be a leap year (2000 and 1900+yy alike for yy % 4 == 0 except 00 in 1900).
        var days = month == 2 ? (year % 4 == 0 ? 29 : 28) : DateTime.DaysInMonth(2001, month);
        return day <= days;
    }
}
