namespace Borgerpuls.Security.Redaction;

/// <summary>Whether the first six digits of a CPR number (ddmmyy) can be a date of birth.</summary>
internal static class CprDate
{
    public static bool IsValid(int day, int month, int year)
    {
        if (month is < 1 or > 12 || day < 1 || year is < 0 or > 99)
        {
            return false;
        }
        // The century (digit 7 decides it) is not checked, so 29 February is accepted whenever yy can be a leap year:
        // yy % 4 == 0 (00 is a leap year as 2000, even though 1900 was not).
        var days = month == 2 ? (year % 4 == 0 ? 29 : 28) : DateTime.DaysInMonth(2001, month);
        return day <= days;
    }

    /// <summary>Two digits as a number; <c>\d</c> in the patterns matches any Unicode decimal digit (e.g. Arabic-Indic),
    /// which a citizen may type, so the value is read per character rather than with int.Parse.</summary>
    public static int TwoDigits(ReadOnlySpan<char> s) => (int)(char.GetNumericValue(s[0]) * 10 + char.GetNumericValue(s[1]));
}
