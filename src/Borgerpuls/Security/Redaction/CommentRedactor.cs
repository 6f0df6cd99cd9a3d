using System.Text;
using System.Text.RegularExpressions;

namespace Borgerpuls.Security.Redaction;

/// <summary>Removes direct identifiers from free text before it is stored (SPEC §5): CPR numbers, Danish phone numbers and
/// e-mail addresses become <c>[CPR]</c>, <c>[TELEFON]</c>, <c>[EMAIL]</c>. Pure and thread-safe.</summary>
/// <remarks>
/// The patterns run on a normalised copy of the text (<see cref="NormalisedText"/>: NFKC, no invisible format characters,
/// one dash, one space), so a soft hyphen, a zero-width space, an em dash, a minus sign, a narrow no-break space or a tab hides
/// nothing. What is stored is the original text with only the matched stretches replaced: the normalised copy never is, as it
/// would change what the citizen wrote elsewhere (ligatures, superscripts, fullwidth letters, dashes).
/// Decisions, pinned by RedactionTests and RedactionCorpusTests:
/// <list type="bullet">
/// <item>CPR: ddmmyy then four digits, joined by nothing, up to two spaces, or <c>-</c>, <c>.</c>, <c>/</c> with up to two
/// spaces around, and also with the date itself dotted, dashed, slashed or spaced (<c>01.01.90-1234</c>, <c>01 01 00 1234</c>)
/// and with a four-digit year (<c>01.01.2000-1234</c>). Only the date is checked (any century; 29 February when yy % 4 == 0);
/// modulus 11 is not, as numbers without it are issued since 2007. A CPR number glued to letters is still removed (privacy beats
/// precision), but not one inside a longer digit run.</item>
/// <item>Ten digits whose first six are not a date are left alone: not CPR, and a ten-digit run is not a Danish phone number
/// unless it starts with the country code 45 (<c>45 12 34 56 78</c>, <c>4512345678</c>).</item>
/// <item>Phone: eight digits, optionally grouped in pairs or fours by a space or a hyphen, or in pairs by dots
/// (<c>12.34.56.78</c>, all three separators dots), optionally after +45, 0045, (+45) or 45, the country code followed by a
/// space, dot or hyphen or nothing. Not when glued to letters (case numbers such as <c>AB12345678</c> or <c>SAG-12345678</c>),
/// not inside a longer digit run nor next to a shorter spaced digit group (an IBAN, a card number, "12 34 56 78 90"), not a
/// decimal; numbers listed one after another (<c>12345678 87654321</c>, <c>12345678/87654321</c>) are each removed.
/// A dotted date (<c>12.03.2024</c>), an amount (<c>12.345 kr</c>, <c>kr. 1.250</c>) or a time (<c>10.30</c>) is not eight digits
/// in dotted pairs and is kept; a dashed or spaced date (<c>12-03-2024</c>) and two ranges (<c>10-12 13-15</c>) are kept.
/// Two four-digit groups are a phone number even when they look like years (<c>2012 2034</c>): a mobile number is written
/// that way, a year range is not; only years joined by a dash, at most ten years apart and ascending (<c>2023-2024</c>, as
/// periods are written) are kept. Foreign numbers are out of scope.</item>
/// <item>E-mail: Unicode letters in both parts (<c>søren.ørsted@eksempel.dk</c>), the local part with every character an
/// address may hold (<c>anna.o'hara@…</c> goes whole) or quoted (<c>"anna hansen"@…</c>), a space either side of the @, and
/// the obfuscations <c>(at)</c>, <c>[at]</c>, <c>(dot)</c>, <c>[dot]</c> and <c>dot</c> between domain labels
/// (<c>anna [at] gmail dot com</c>). A plain "at" between words is not an @: "møde at jobcentret dot dk" is too rare to
/// outweigh ordinary sentences. Letters glued in front of an <c>[EMAIL]</c> placeholder (the remains of an address an earlier
/// version cut in two) join it.</item>
/// </list>
/// E-mail runs first (a local part may hold digits), then CPR, then phone; what one pass removed is invisible to the next.
/// The patterns start only at the beginning of a run (lookbehinds) and use bounded repetition, so matching is linear in the
/// text; should one still time out, the text is masked crudely instead (fail closed), never stored as it was.
/// </remarks>
public static partial class CommentRedactor
{
    public const string CprPlaceholder = "[CPR]";
    public const string PhonePlaceholder = "[TELEFON]";
    public const string EmailPlaceholder = "[EMAIL]";

    private const int TimeoutMs = 500;

    // A private-use character stands in for what a pass removed: neither letter nor digit, so it neither joins nor splits runs
    // the way the placeholder text would.
    private const char Removed = '\uE000';

    [GeneratedRegex("""
        (?<![\p{L}\p{N}_.%+'!\#$&*=?^{|}~-])
        (?:
          [\p{L}\p{N}_.%+'!\#$&*=?^{|}~-]+\[EMAIL\]
        |
          (?:"[^"\r\n]{1,64}"|[\p{L}\p{N}_.%+'!\#$&*=?^{|}~-]+)
          (?:\ {0,2}@\ {0,2}|\ ?[(\[](?i:at)[)\]]\ ?)
          [\p{L}\p{N}-]+(?:(?:\.|\ ?[(\[](?i:dot)[)\]]\ ?|\ (?i:dot)\ )[\p{L}\p{N}-]+)*
          (?:\.|\ ?[(\[](?i:dot)[)\]]\ ?|\ (?i:dot)\ )\p{L}{2,}
          (?![\p{L}\p{N}-])(?!\.[\p{L}\p{N}])
        )
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, matchTimeoutMilliseconds: TimeoutMs)]
    private static partial Regex Email();

    [GeneratedRegex("""
        (?<!\d)
        (?<d>\d{2})(?<s>[./\ -]?)(?<m>\d{2})\k<s>(?<y>(?:1[89]|20)?\d{2})
        (?:\ {0,2}[-./]\ {0,2}|\ {1,2})?
        \d{4}
        (?!\d)
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, matchTimeoutMilliseconds: TimeoutMs)]
    private static partial Regex Cpr();

    [GeneratedRegex("""
        (?<![\p{L}\d_])(?<!\p{L}[-/])(?<!\d[.,])(?<!(?:^|\D)\d{1,7}\ )
        (?<cc>(?:\(\+45\)|\+45|0045|45(?=[\ .-]?\d{2}[\ .-]?\d{2}[\ .-]?\d{2}[\ .-]?\d{2}(?!\d)))[\ .-]?)?
        (?<a>\d{2})(?<s1>[\ .-]?)(?<b>\d{2})(?<s2>[\ .-]?)(?<c>\d{2})(?<s3>[\ .-]?)(?<e>\d{2})
        (?![\p{L}\d_])(?![-/]\p{L})(?![.,]\d)(?!\ \d{1,7}(?!\d))
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, matchTimeoutMilliseconds: TimeoutMs)]
    private static partial Regex Phone();

    private enum Kind { Email, Cpr, Phone }

    private readonly record struct Found(int Start, int Length, Kind Kind);

    public static RedactionResult Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new RedactionResult("", 0, 0, 0);
        }
        var normalised = NormalisedText.Of(text);
        if (!MayHoldIdentifier(normalised.Text))
        {
            return new RedactionResult(text, 0, 0, 0);
        }
        try
        {
            var work = normalised.Text.ToCharArray();
            var found = new List<Found>();
            Pass(Email(), Kind.Email, work, found, static _ => true);
            Pass(Cpr(), Kind.Cpr, work, found, IsCprDate);
            Pass(Phone(), Kind.Phone, work, found, IsPhone);
            return found.Count == 0 ? new RedactionResult(text, 0, 0, 0) : Replace(text, normalised, found);
        }
        catch (RegexMatchTimeoutException)
        {
            return new RedactionResult(FailClosed(text), 0, 0, 0) { FailedClosed = true };
        }
    }

    private static void Pass(Regex pattern, Kind kind, char[] work, List<Found> found, Func<Match, bool> accept)
    {
        var before = found.Count;
        foreach (Match m in pattern.Matches(new string(work)))
        {
            if (accept(m))
            {
                found.Add(new Found(m.Index, m.Length, kind));
            }
        }
        for (var i = before; i < found.Count; i++)
        {
            Array.Fill(work, Removed, found[i].Start, found[i].Length);
        }
    }

    /// <summary>The original text with each found stretch, mapped back from the normalised copy, replaced by its placeholder.</summary>
    private static RedactionResult Replace(string text, NormalisedText normalised, List<Found> found)
    {
        found.Sort(static (x, y) => x.Start.CompareTo(y.Start));
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var f in found)
        {
            var (start, end) = normalised.Original(f.Start, f.Length);
            sb.Append(text, at, Math.Max(0, start - at));
            sb.Append(f.Kind switch { Kind.Email => EmailPlaceholder, Kind.Cpr => CprPlaceholder, _ => PhonePlaceholder });
            at = Math.Max(at, end);
        }
        sb.Append(text, at, text.Length - at);
        return new RedactionResult(sb.ToString(), Count(Kind.Cpr), Count(Kind.Phone), Count(Kind.Email));

        int Count(Kind kind) => found.Count(f => f.Kind == kind);
    }

    private static bool IsCprDate(Match m)
    {
        var year = m.Groups["y"].ValueSpan;
        return CprDate.IsValid(CprDate.TwoDigits(m.Groups["d"].ValueSpan), CprDate.TwoDigits(m.Groups["m"].ValueSpan), CprDate.TwoDigits(year[^2..]));
    }

    private static bool IsPhone(Match m)
    {
        if (m.Groups["cc"].Success)
        {
            return true;
        }
        // Dots group a phone number only as four pairs; otherwise they are a date, an amount or a time.
        var dots = (m.Groups["s1"].ValueSpan is "." ? 1 : 0) + (m.Groups["s2"].ValueSpan is "." ? 1 : 0) + (m.Groups["s3"].ValueSpan is "." ? 1 : 0);
        return dots is 0 or 3 && !NumberLookalike.IsDateOrRange(m);
    }

    // Most comments hold no digit and no @: skip the three passes for them.
    private static bool MayHoldIdentifier(string normalised)
    {
        foreach (var c in normalised)
        {
            if (char.IsDigit(c) || c == '@')
            {
                return true;
            }
        }
        return normalised.Contains("(at)", StringComparison.OrdinalIgnoreCase) || normalised.Contains("[at]", StringComparison.OrdinalIgnoreCase)
            || normalised.Contains(EmailPlaceholder, StringComparison.Ordinal);
    }

    // Without the patterns nothing can be told apart, so every digit goes and every word with an @ (in any form) becomes [EMAIL].
    private static string FailClosed(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var word in text.Split(' '))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            if (word.AsSpan().IndexOfAny('@', '\uFF20', '\uFE6B') >= 0)
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
