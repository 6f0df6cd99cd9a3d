using System.Text.RegularExpressions;

namespace Borgerpuls.Security.Redaction;

/// <summary>Eight digits that are shaped like a phone number but written as something else: a dashed or spaced date
/// (<c>12-03-2024</c>, <c>12 03 2024</c>), a period of years joined by a dash (<c>2023-2024</c>, at most ten years, ascending)
/// or two ranges (<c>10-12 13-15</c>, e.g. hours or weeks). Two four-digit groups joined by a space are a phone number however
/// much they look like years (<c>2012 2034</c>): that is how mobile numbers are written. Only asked for numbers without a
/// country code: <c>+45</c> settles it.</summary>
internal static class NumberLookalike
{
    public static bool IsDateOrRange(Match m)
    {
        var s1 = m.Groups["s1"].ValueSpan;
        var s2 = m.Groups["s2"].ValueSpan;
        var s3 = m.Groups["s3"].ValueSpan;
        var a = CprDate.TwoDigits(m.Groups["a"].ValueSpan);
        var b = CprDate.TwoDigits(m.Groups["b"].ValueSpan);
        var c = CprDate.TwoDigits(m.Groups["c"].ValueSpan);
        var e = CprDate.TwoDigits(m.Groups["e"].ValueSpan);

        // dd-mm-yyyy with the same separator twice and a plausible four-digit year.
        if (!s1.IsEmpty && s1.SequenceEqual(s2) && s3.IsEmpty && c is 19 or 20 && IsDayMonth(a, b))
        {
            return true;
        }
        // yyyy-yyyy, ascending, a period rather than a number.
        var from = a * 100 + b;
        var to = c * 100 + e;
        if (s1.IsEmpty && s2 is "-" && s3.IsEmpty && a is 19 or 20 && c is 19 or 20 && from < to && to - from <= 10)
        {
            return true;
        }
        // nn-nn nn-nn: two ranges side by side.
        return s1 is "-" && s3 is "-" && !s2.IsEmpty && s2[0] != '-';
    }

    private static bool IsDayMonth(int day, int month) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);
}
