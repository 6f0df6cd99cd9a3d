namespace Borgerpuls.Tests.Features.Import.Reading;

public sealed class FileTypeTests
{
    [Theory]
    [InlineData("svar.pdf", "'.pdf' files cannot be imported")]
    [InlineData("svar.ods", "'.ods' files cannot be imported")]
    [InlineData("svar", "no file extension")]
    [InlineData("svar.xls", "(.xls) cannot be imported")]
    public void Other_extensions_are_refused_clearly(string fileName, string expected)
    {
        var error = ReadOutcome.Failure(TestText.Utf8("id;q1\nR1;5\n"), fileName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.DanishMessage);
    }

    [Theory]
    [InlineData("SVAR.CSV")]
    [InlineData("svar.txt")]
    [InlineData("svar.tsv")]
    public void Text_extensions_read_as_csv_in_any_case(string fileName)
    {
        Assert.Equal(["R1", "5"], Assert.Single(ReadOutcome.Of(TestText.Utf8("id;q1\nR1;5\n"), fileName).Rows).Cells);
    }

    [Fact]
    public void Workbook_extensions_read_as_xlsx_in_any_case()
    {
        var bytes = XlsxBuilder.Build([XlsxBuilder.Row(1, XlsxBuilder.Inline("A1", "id")), XlsxBuilder.Row(2, XlsxBuilder.Inline("A2", "R1"))]);
        Assert.Equal("R1", Assert.Single(ReadOutcome.Of(bytes, "SVAR.XLSX").Rows).Cells[0]);
    }
}
