using Borgerpuls.Security.Redaction;

namespace Borgerpuls.Tests.Security;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("mit cpr er 010190-1234", "mit cpr er [CPR]")]
    [InlineData("0101901234", "[CPR]")]
    [InlineData("010190 1234 tak", "[CPR] tak")]
    [InlineData("010190.1234", "[CPR]")]
    [InlineData("010190/1234", "[CPR]")]
    [InlineData("290200-1234", "[CPR]")] // 29 February in a year that can be a leap year
    [InlineData("010107-1235", "[CPR]")] // fails modulus 11, valid since 2007
    [InlineData("311290-4321", "[CPR]")]
    public void Cpr_numbers_with_a_valid_date_are_removed(string input, string expected) =>
        Assert.Equal(expected, CommentRedactor.Redact(input).Text);

    [Theory]
    [InlineData("320190-1234")] // day 32
    [InlineData("311190-1234")] // 31 November
    [InlineData("290201-1234")] // 29 February in a year that is never a leap year
    [InlineData("011390-1234")] // month 13
    public void Ten_digits_that_are_not_a_date_are_not_cpr(string input)
    {
        var result = CommentRedactor.Redact(input);
        Assert.Equal(0, result.Cpr);
        Assert.DoesNotContain("[CPR]", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ring 12345678", "ring [TELEFON]")]
    [InlineData("ring 12 34 56 78", "ring [TELEFON]")]
    [InlineData("ring 1234 5678", "ring [TELEFON]")]
    [InlineData("ring +45 12345678", "ring [TELEFON]")]
    [InlineData("ring +45 12 34 56 78", "ring [TELEFON]")]
    [InlineData("ring 0045 12345678", "ring [TELEFON]")]
    [InlineData("ring (+45) 1234 5678", "ring [TELEFON]")]
    [InlineData("ring 12-34-56-78", "ring [TELEFON]")]
    public void Danish_phone_numbers_in_common_spellings_are_removed(string input, string expected) =>
        Assert.Equal(expected, CommentRedactor.Redact(input).Text);

    [Theory]
    [InlineData("I 2023 ventede jeg i uge 12.")]
    [InlineData("Det kostede kr. 1.250 om måneden.")]
    [InlineData("Mødet var den 12.03.2024 kl. 10.30.")]
    [InlineData("Sagsnummer 2020-0089646 og EAN 5798009710178.")]
    public void Years_amounts_dates_and_long_numbers_are_kept(string input)
    {
        var result = CommentRedactor.Redact(input);
        Assert.Equal(input, result.Text);
        Assert.False(result.Changed);
    }

    [Fact]
    public void Email_addresses_with_danish_letters_are_removed_and_counts_are_reported()
    {
        var result = CommentRedactor.Redact("Skriv til søren.ørsted@eksempel.dk eller ÅSE@kommune.dk, ring 12345678 – cpr 0101901234.");
        Assert.Equal("Skriv til [EMAIL] eller [EMAIL], ring [TELEFON] – cpr [CPR].", result.Text);
        Assert.Equal((1, 1, 2), (result.Cpr, result.Phone, result.Email));
        Assert.DoesNotMatch("[0-9]", result.Text);
    }

    [Theory]
    [InlineData(null, "", null)]
    [InlineData("  Tak for i dag  ", "Tak for i dag", null)]
    [InlineData("linje1\r\nlinje2", "linje1\nlinje2", null)]
    public void Comment_text_is_trimmed_and_normalised(string? input, string expected, string? error)
    {
        var result = CommentText.Validate(input);
        Assert.Equal(expected, result.Text);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Comment_text_refuses_control_characters_and_overlong_text()
    {
        Assert.Contains("control characters", CommentText.Validate("hej\u0007").Error, StringComparison.Ordinal);
        Assert.Contains("at most 2000", CommentText.Validate(new string('a', 2001)).Error, StringComparison.Ordinal);
        Assert.Null(CommentText.Validate(new string('æ', 2000)).Error);
    }
}
