using System.Globalization;
using System.Text;
using Borgerpuls.Security.Redaction;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Borgerpuls.Tests.Security;

/// <summary>Random valid CPR numbers, phone numbers and addresses, spelled with random separators, dash and space variants,
/// invisible characters, fullwidth digits and surrounding text: none of their digits or addresses may survive.</summary>
public sealed class RedactionPropertyTests
{
    private static readonly string[] Dashes = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFE63", "\uFF0D"];
    private static readonly string[] Spaces = [" ", "\u00A0", "\u202F", "\u2009", "\u2007", "\u2002", "\t"];
    private static readonly string[] Invisible = ["\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];

    // Surrounding text without digits, so that any digit left in the output is a digit of the identifier.
    private static readonly string[] Before = ["", "mit cpr er ", "cpr: ", "(", "Ring til mig på ", "Hej, ", "tlf.\u00A0", "Skriv til\n", "mail: "];
    private static readonly string[] After = ["", ".", " tak", ")", ", hilsen fra mig", "\n", "!", " eller ring igen."];

    private static Gen<string> OneOf(string[] items) => Gen.Elements(items);

    private static Gen<string> Separator => Gen.OneOf(OneOf(Dashes), OneOf(Spaces), OneOf(Invisible), Gen.Constant(""),
        OneOf(Dashes).Select(d => " " + d + " "));

    /// <summary>Each character of <paramref name="text"/>, with an invisible character after it now and then.</summary>
    private static Gen<string> Sprinkled(string text) =>
        Gen.ListOf(Gen.Frequency((4, Gen.Constant("")), (1, OneOf(Invisible))), text.Length)
            .Select(extra => string.Concat(text.Select((c, i) => c + extra[i])));

    private static Gen<string> Digits(string digits) =>
        Gen.Elements(false, false, true).Select(wide => wide ? string.Concat(digits.Select(d => char.IsAsciiDigit(d) ? (char)('\uFF10' + (d - '0')) : d)) : digits);

    private static Gen<string> InText(Gen<string> identifier) =>
        from before in OneOf(Before)
        from id in identifier
        from after in OneOf(After)
        select before + id + after;

    private static Gen<string> Cpr =>
        from month in Gen.Choose(1, 12)
        from year in Gen.Choose(0, 99)
        from day in Gen.Choose(1, month == 2 ? (year % 4 == 0 ? 29 : 28) : DateTime.DaysInMonth(2001, month))
        from serial in Gen.Choose(0, 9999)
        from dateSeparator in Gen.Elements("", "", ".", "-", "/", " ")
        from longYear in Gen.Elements(false, true)
        from separator in Separator
        let yearText = longYear && dateSeparator.Length > 0 ? (year < 40 ? 2000 + year : 1900 + year).ToString(CultureInfo.InvariantCulture) : year.ToString("00", CultureInfo.InvariantCulture)
        let date = $"{day:00}{dateSeparator}{month:00}{dateSeparator}{yearText}"
        from digits in Digits(date + separator + serial.ToString("0000", CultureInfo.InvariantCulture))
        from spelled in Sprinkled(digits)
        select spelled;

    private static Gen<string> Phone =>
        from first in Gen.Choose(2, 9)
        from rest in Gen.Choose(0, 9_999_999)
        let number = first.ToString(CultureInfo.InvariantCulture) + rest.ToString("0000000", CultureInfo.InvariantCulture)
        from grouping in Gen.Elements("8", "44", "2222", "224", "2222.")
        from separator in Gen.OneOf(OneOf(Dashes), OneOf(Spaces), OneOf(Invisible))
        from prefix in Gen.Elements("", "", "+45", "0045", "(+45)", "45")
        from prefixSeparator in Gen.Elements("", " ", "\u00A0", ".", "-")
        where !LooksLikeSomethingElse(number, grouping, separator, prefix)
        let grouped = Group(number, grouping, separator)
        from digits in Digits(prefix.Length == 0 ? grouped : prefix + prefixSeparator + grouped)
        from spelled in Sprinkled(digits)
        select spelled;

    private static string Group(string number, string grouping, string separator) => grouping switch
    {
        "44" => number[..4] + separator + number[4..],
        "2222" => string.Join(separator, number.Chunk(2).Select(c => new string(c))),
        "2222." => string.Join('.', number.Chunk(2).Select(c => new string(c))),
        "224" => number[..2] + separator + number[2..4] + separator + number[4..],
        _ => number,
    };

    /// <summary>The documented exceptions, not phone numbers as written: a period of years joined by a dash and a dashed or
    /// spaced date (both only without a country code).</summary>
    private static bool LooksLikeSomethingElse(string number, string grouping, string separator, string prefix)
    {
        if (prefix.Length > 0)
        {
            return false;
        }
        var dash = Dashes.Contains(separator);
        var from = int.Parse(number[..4], CultureInfo.InvariantCulture);
        var to = int.Parse(number[4..], CultureInfo.InvariantCulture);
        if (grouping == "44" && dash && from is >= 1900 and < 2100 && to is >= 1900 and < 2100 && from < to && to - from <= 10)
        {
            return true;
        }
        var day = int.Parse(number[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(number[2..4], CultureInfo.InvariantCulture);
        return grouping == "224" && !Invisible.Contains(separator) && number[4..6] is "19" or "20"
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);
    }

    private static readonly string[] Locals = ["anna", "søren.ørsted", "anna.o'hara", "jens_hansen+job", "a.b-c", "ole"];
    private static readonly string[] Domains = ["gmail", "jobcenter", "eksempel", "mail.kommune", "hotmail"];

    private static Gen<(string Text, string Local, string Domain)> Email =>
        from local in OneOf(Locals)
        from tag in Gen.Choose(100, 999)
        from domain in OneOf(Domains)
        from tld in Gen.Elements("dk", "com", "org", "DK")
        from form in Gen.Choose(0, 7)
        let name = local + tag.ToString(CultureInfo.InvariantCulture)
        let text = form switch
        {
            0 => $"{name}@{domain}.{tld}",
            1 => $"{name} @ {domain}.{tld}",
            2 => $"{name}\uFF20{domain}.{tld}",
            3 => $"{name}(at){domain}.{tld}",
            4 => $"{name} [at] {domain.Replace(".", " dot ", StringComparison.Ordinal)} dot {tld}",
            5 => $"\"{name} x\"@{domain}.{tld}",
            6 => $"{name} (at) {domain} (dot) {tld}",
            _ => $"{name.ToUpperInvariant()}@{domain}.{tld}",
        }
        from spelled in Sprinkled(text)
        select (spelled, name, domain);

    [Property(MaxTest = 1000)]
    public Property No_digit_of_a_cpr_number_survives() =>
        Prop.ForAll(InText(Cpr).ToArbitrary(), text => NoDigitLeft(text));

    [Property(MaxTest = 1000)]
    public Property No_digit_of_a_phone_number_survives() =>
        Prop.ForAll(InText(Phone).ToArbitrary(), text => NoDigitLeft(text));

    [Property(MaxTest = 1000)]
    public Property No_part_of_an_email_address_survives() =>
        Prop.ForAll((from before in OneOf(Before) from email in Email from after in OneOf(After) select (before + email.Text + after, email.Local, email.Domain)).ToArbitrary(),
            sample =>
            {
                var result = CommentRedactor.Redact(sample.Item1);
                var visible = Visible(result.Text.Replace(CommentRedactor.EmailPlaceholder, "", StringComparison.Ordinal));
                return (result.Email == 1
                        && !visible.Contains('@')
                        && !visible.Contains(sample.Local, StringComparison.OrdinalIgnoreCase)
                        && !visible.Contains(sample.Domain.Split('.')[^1], StringComparison.OrdinalIgnoreCase))
                    .Label($"{Escape(sample.Item1)} → {Escape(result.Text)}");
            });

    private static Property NoDigitLeft(string text)
    {
        var result = CommentRedactor.Redact(text);
        return (result.Cpr + result.Phone == 1 && !result.Text.Any(char.IsDigit) && !result.FailedClosed)
            .Label($"{Escape(text)} → {Escape(result.Text)}");
    }

    /// <summary>What a reader sees: compatibility forms folded and invisible characters gone.</summary>
    private static string Visible(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format));

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
