using System.Text.RegularExpressions;
using Borgerpuls.Security.Redaction;

namespace Borgerpuls.Tests.Security;

/// <summary>Every spelling of an identifier the redaction must catch, invisible and look-alike characters included, and
/// ordinary Danish sentences it must leave exactly as written.</summary>
public sealed class RedactionCorpusTests
{
    public static TheoryData<string, string> Identifiers => new()
    {
        // CPR numbers.
        { "cpr 010190\u20141234", "cpr [CPR]" }, // em dash
        { "cpr 010190\u22121234", "cpr [CPR]" }, // minus sign
        { "cpr 010190\u20111234", "cpr [CPR]" }, // non-breaking hyphen
        { "cpr 010190\u00AD1234", "cpr [CPR]" }, // soft hyphen: invisible, the digits run on
        { "cpr 010190-\u00AD1234", "cpr [CPR]" },
        { "cpr 010190\u00A01234", "cpr [CPR]" }, // no-break space
        { "cpr 0101\u200B90-12\u200B34", "cpr [CPR]" }, // zero-width spaces inside
        { "cpr 010190\u200D-\u20601234", "cpr [CPR]" }, // zero-width joiner, word joiner
        { "\uFEFF010190-1234", "\uFEFF[CPR]" }, // byte order mark in front: kept, it is invisible and not part of the number
        { "cpr 010190\t1234", "cpr [CPR]" }, // tab
        { "cpr 01 01 00 1234", "cpr [CPR]" },
        { "cpr 01.01.2000-1234", "cpr [CPR]" }, // four-digit year
        { "cpr 01-01-1990 1234", "cpr [CPR]" },
        { "cpr 01/01/1990/1234", "cpr [CPR]" },
        { "cpr 010190 \u2013 1234", "cpr [CPR]" },
        { "cpr \uFF10\uFF11\uFF10\uFF11\uFF19\uFF10\uFF0D\uFF11\uFF12\uFF13\uFF14", "cpr [CPR]" }, // fullwidth digits and hyphen
        { "cpr 010190\u202F1234", "cpr [CPR]" }, // narrow no-break space
        { "cpr 010190\u2009-\u20091234", "cpr [CPR]" }, // thin spaces round a hyphen

        // Phone numbers.
        { "ring 12345678/87654321", "ring [TELEFON]/[TELEFON]" },
        { "ring +45.12.34.56.78", "ring [TELEFON]" },
        { "ring 12.34.56.78", "ring [TELEFON]" },
        { "ring 45 12 34 56 78", "ring [TELEFON]" },
        { "ring 4512345678", "ring [TELEFON]" },
        { "ring 0045 12345678", "ring [TELEFON]" },
        { "ring 12\u202F34\u202F56\u202F78", "ring [TELEFON]" }, // narrow no-break space
        { "ring 1234\u20135678", "ring [TELEFON]" }, // en dash
        { "ring 12\u201434\u201456\u201478", "ring [TELEFON]" }, // em dash
        { "ring 2012 2034", "ring [TELEFON]" }, // looks like two years, written like a mobile number
        { "ring 2012-2034", "ring [TELEFON]" }, // too far apart for a period
        { "ring 1234\u00AD5678", "ring [TELEFON]" },
        { "ring 12\u200B34\u200B56\u200B78", "ring [TELEFON]" },
        { "ring 1234\t5678", "ring [TELEFON]" },
        { "ring \uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18", "ring [TELEFON]" },
        { "ring +45\u00A020\u00A030\u00A040\u00A050.", "ring [TELEFON]." },
        { "ring (+45)\u202F2030\u202F4050", "ring [TELEFON]" },

        // E-mail addresses.
        { "skriv til anna @ gmail.com", "skriv til [EMAIL]" },
        { "skriv til anna\uFF20gmail.com", "skriv til [EMAIL]" }, // fullwidth at sign
        { "skriv til anna\uFE6Bgmail.com", "skriv til [EMAIL]" }, // small at sign
        { "skriv til anna(at)gmail.com", "skriv til [EMAIL]" },
        { "skriv til anna [at] gmail dot com", "skriv til [EMAIL]" },
        { "skriv til anna (at) gmail (dot) com", "skriv til [EMAIL]" },
        { "skriv til anna[at]mail[dot]kommune[dot]dk", "skriv til [EMAIL]" },
        { "skriv til \"anna hansen\"@gmail.com", "skriv til [EMAIL]" },
        { "skriv til anna.o'hara@gmail.com", "skriv til [EMAIL]" },
        { "skriv til anna.o'[EMAIL] tak", "skriv til [EMAIL] tak" }, // the remains of an address cut in two
        { "skriv til anna@mail.kommune.dk.", "skriv til [EMAIL]." },
        { "skriv til an\u00ADna@gm\u200Bail.com", "skriv til [EMAIL]" },
        { "mail: ANNA@GMAIL.COM, tlf. 12 34 56 78", "mail: [EMAIL], tlf. [TELEFON]" },
    };

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Every_spelling_of_an_identifier_is_removed(string input, string expected)
    {
        var result = CommentRedactor.Redact(input);
        Assert.Equal(expected, result.Text);
        Assert.Equal(Regex.Count(expected, @"\[CPR\]"), result.Cpr);
        Assert.Equal(Regex.Count(expected, @"\[TELEFON\]"), result.Phone);
        Assert.Equal(Regex.Count(expected, @"\[EMAIL\]"), result.Email);
        Assert.False(result.FailedClosed);
    }

    public static TheoryData<string> Sentences => new()
    {
        "Jeg fik 12.345 kr. i ydelse og skulle betale 1.250 kr. tilbage.",
        "Beløbet var 12.345.678 kr. for hele kommunen.",
        "Mødet var den 01.01.2026 kl. 10.30, og det næste den 15.02.2026 kl. 9.15.",
        "Jeg ventede fra 10.30 til 11.45 og igen 13.00-14.30.",
        "Mødet var den 12-03-2024 og igen den 12 03 2024.",
        "I perioden 2023-2024 og 2019\u20132020 var jeg i aktivering.",
        "Sagsnummer 2020-0089646 og journalnummer 24/12345.",
        "Sag AB12345678 og SAG-12345678 og 12345678XY.",
        "IBAN DK50 0040 0440 1162 43",
        "Telefontid kl. 10-12 13-15.",
        "Jeg var syg i uge 12, 13 og 14, og uge 12 13 14 15 16.",
        "Ydelsen er 12345678,50 kr.",
        "Ti cifre i par: 12 34 56 78 90",
        "Jeg er 45 år og har været ledig i 2 år.",
        "Jeg var til møde @ jobcentret.",
        "Vi mødtes at the office, ikke på jobcentret.",
        "Det var en god dag \u2014 endelig blev jeg hørt!",
        "Det tog 3\u00BD time og kostede ﬁre timer af min dag.", // ½ and a ligature: kept as written
        "Min sagsbehandler svarede først efter 14 dage.",
        "Klokken 8.00 til 15.30 hver dag i 3 uger.",
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Ordinary_Danish_sentences_are_kept_as_written(string input)
    {
        var result = CommentRedactor.Redact(input);
        Assert.Equal(input, result.Text);
        Assert.False(result.Changed);
    }

    [Fact]
    public void Text_around_a_match_keeps_its_own_characters()
    {
        // The normalised copy is only for matching: a ligature, a fullwidth letter and dashes outside the number stay as written.
        var result = CommentRedactor.Redact("ﬁre timer \u2014 ring ＡＢ 1234\u20135678 \u2013 tak\u00A0for i dag");
        Assert.Equal("ﬁre timer \u2014 ring ＡＢ [TELEFON] \u2013 tak\u00A0for i dag", result.Text);
    }

    [Fact]
    public void A_long_comment_full_of_near_misses_is_redacted_quickly()
    {
        // 2 000 characters of digits, separators and invisible characters: the worst a citizen can send.
        var chunk = "12\u200B34\u00AD5 67.8 9/0-1 @ a.b ";
        var text = string.Concat(Enumerable.Repeat(chunk, 2000 / chunk.Length + 1))[..2000];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            Assert.False(CommentRedactor.Redact(text).FailedClosed);
        }
        Assert.True(clock.ElapsedMilliseconds < 5_000, $"20 redactions took {clock.ElapsedMilliseconds} ms");
    }
}
