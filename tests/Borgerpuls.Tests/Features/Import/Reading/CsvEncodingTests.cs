using System.Text;
using Borgerpuls.Features.Import.Reading;

namespace Borgerpuls.Tests.Features.Import.Reading;

public sealed class CsvEncodingTests
{
    private const string Danish = "respondent_id;site;kommentar\nR1;Sjællandsgade;Ærø og Åbenrå\nR2;Østergade;blåbærgrød\n";

    private static void AssertDanishIntact(ReadOutcome outcome)
    {
        Assert.Equal(["respondent_id", "site", "kommentar"], outcome.Header);
        Assert.Equal(["R1", "Sjællandsgade", "Ærø og Åbenrå"], outcome.Rows[0].Cells);
        Assert.Equal(["R2", "Østergade", "blåbærgrød"], outcome.Rows[1].Cells);
    }

    [Fact]
    public void Utf8_without_bom_keeps_danish_letters()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8(Danish), "svar.csv");
        AssertDanishIntact(outcome);
        Assert.Contains("UTF-8", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_with_bom_keeps_danish_letters_and_drops_the_bom()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8WithBom(Danish), "svar.csv");
        AssertDanishIntact(outcome);
        Assert.Equal("respondent_id", outcome.Header[0]);
        Assert.Contains("UTF-8 (BOM)", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_from_danish_excel_keeps_danish_letters()
    {
        var outcome = ReadOutcome.Of(TestText.Ansi(Danish), "svar.csv");
        AssertDanishIntact(outcome);
        Assert.Contains("Windows-1252", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_is_recognised_when_the_first_danish_letter_comes_far_into_the_file()
    {
        // Well past the reader's 64 KB buffer: a decision taken on the first chunk alone would have said UTF-8.
        var text = new StringBuilder("respondent_id;site\n");
        for (var i = 0; i < 20_000; i++) text.Append('R').Append(i).Append(";Vejle\n");
        text.Append("R-last;Sjællandsgade\n");
        var outcome = ReadOutcome.Of(TestText.Ansi(text.ToString()), "svar.csv");
        Assert.Equal(20_001, outcome.Rows.Count);
        Assert.Equal("Sjællandsgade", outcome.Rows[^1].Cells[1]);
        Assert.Contains("Windows-1252", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Pure_ascii_reads_as_utf8()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8("id;q1\nR1;5\n"), "svar.csv");
        Assert.Equal(["R1", "5"], outcome.Rows[0].Cells);
        Assert.Contains("UTF-8", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_and_windows_1252_mixed_in_one_file_is_an_error_naming_the_line()
    {
        // Line 2 is UTF-8, line 4 has a lone Windows-1252 "Ø" (D8): no single encoding reads both right.
        var bytes = TestText.Utf8("id;site\nR1;Sjællandsgade\nR2;Vejle\n").Concat(TestText.Ansi("R3;Ørsted\n")).ToArray();
        var error = ReadOutcome.Failure(bytes, "svar.csv");
        Assert.Equal(4, error.Line);
        Assert.Contains("mixes UTF-8 and Windows-1252", error.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error.DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_far_after_valid_utf8_is_an_error_naming_its_line()
    {
        var text = new StringBuilder("id;site\nR1;Sjællandsgade\n");
        for (var i = 0; i < 20_000; i++) text.Append('R').Append(i).Append(";Vejle\n");
        var bytes = TestText.Utf8(text.ToString()).Concat(TestText.Ansi("R-last;Ørsted\n")).ToArray();
        var error = ReadOutcome.Failure(bytes, "svar.csv");
        Assert.Equal(20_003, error.Line);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id\tsite\r\nR1\tÅbenrå\r\n")).ToArray();
        var outcome = ReadOutcome.Of(bytes, "svar.txt");
        Assert.Equal(["R1", "Åbenrå"], outcome.Rows[0].Cells);
        Assert.Contains("UTF-16", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_byte_means_the_file_is_not_text()
    {
        var bytes = TestText.Utf8("id;q1\nR1;5\nR2;\0\n");
        var error = ReadOutcome.Failure(bytes, "svar.csv");
        Assert.Equal(3, error.Line);
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_named_csv_gets_a_hint()
    {
        var error = ReadOutcome.Failure(XlsxBuilder.Build([XlsxBuilder.Row(1, XlsxBuilder.Inline("A1", "id"))]), "svar.csv");
        Assert.Contains(".xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_inside_cells_become_newlines_whatever_the_file_used()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8("id;kommentar\r\nR1;\"første\r\nanden\rtredje\nfjerde\"\r\n"), "svar.csv");
        Assert.Equal("første\nanden\ntredje\nfjerde", outcome.Rows[0].Cells[1]);
    }
}
