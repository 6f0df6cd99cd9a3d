using Borgerpuls.Features.Import.Reading;
using DocumentFormat.OpenXml.Spreadsheet;
using static Borgerpuls.Tests.Features.Import.Reading.XlsxBuilder;

namespace Borgerpuls.Tests.Features.Import.Reading;

public sealed class XlsxReadingTests
{
    private static readonly string[] Shared = ["respondent_id", "site", "q1", "kommentar", "Sjællandsgade", "god service_x000D_\nmen lang ventetid", "Ærø", "_x005F_x0041_ er tekst"];

    private static byte[] SurveyWorkbook() => Build(
    [
        Row(1, Shared("A1", 0), Shared("B1", 1), Shared("C1", 2), Shared("D1", 3)),
        Row(2, Inline("A2", "R1"), Shared("B2", 4), Number("C2", "4"), Shared("D2", 5)),
        // Adjacent rows and a missing B cell: the value in C5 must land in the third column, not the second.
        Row(3, Inline("A3", "R2"), Shared("B3", 6), Number("C3", "4.5"), Shared("D3", 7)),
        Row(5, Inline("A5", "R3"), Number("C5", "3"), Formula("D5", "HYPERLINK(\"http://x\",\"klik\")", "klik")),
        Row(6, Inline("A6", "R4"), Inline("B6", "Åbenrå")),
    ], Shared);

    [Fact]
    public void Shared_and_inline_strings_numbers_and_gaps_land_in_their_columns()
    {
        var outcome = ReadOutcome.Of(SurveyWorkbook(), "svar.xlsx");
        Assert.Equal(["respondent_id", "site", "q1", "kommentar"], outcome.Header);
        Assert.Empty(outcome.Problems);
        Assert.Equal([2, 3, 5, 6], outcome.Rows.Select(r => r.Line));
        Assert.Equal(["R1", "Sjællandsgade", "4", "god service\nmen lang ventetid"], outcome.Rows[0].Cells);
        Assert.Equal(["R2", "Ærø", "4.5", "_x0041_ er tekst"], outcome.Rows[1].Cells);
        Assert.Equal(["R3", "", "3", "klik"], outcome.Rows[2].Cells);
        Assert.Equal(["R4", "Åbenrå", "", ""], outcome.Rows[3].Cells);
        Assert.Contains("Ark1", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_stored_as_numbers_stay_numbers_and_formulas_are_never_evaluated()
    {
        var bytes = Build(
        [
            Row(1, Inline("A1", "respondent_id"), Inline("B1", "submitted_at"), Inline("C1", "q1")),
            Row(2, Inline("A2", "R1"), Number("B2", "45292.5"), Formula("C2", "1+1", "")),
        ]);
        var row = Assert.Single(ReadOutcome.Of(bytes, "svar.xlsx").Rows);
        Assert.Equal(["R1", "45292.5", ""], row.Cells);
    }

    [Fact]
    public void A_value_right_of_the_header_is_a_row_problem_and_empty_rows_are_skipped()
    {
        var bytes = Build(
        [
            Row(1, Inline("A1", "respondent_id"), Inline("B1", "q1")),
            Row(2, Inline("A2", "R1"), Number("B2", "5")),
            Row(3, Inline("A3", "")),
            Row(4, Inline("A4", "R2"), Number("B4", "5"), Inline("D4", "løs tekst")),
            Row(5, Inline("A5", "R3"), Number("B5", "2")),
        ]);
        var outcome = ReadOutcome.Of(bytes, "svar.xlsx");
        Assert.Equal(["R1", "R3"], outcome.Rows.Select(r => r.Cells[0]));
        Assert.Equal(4, Assert.Single(outcome.Problems).Line);
    }

    [Fact]
    public void The_header_is_the_first_non_empty_row_and_is_checked_like_csv()
    {
        var bytes = Build(
        [
            Row(1),
            Row(3, Inline("A3", "id"), Inline("C3", "q1"), Inline("D3", "Q1")),
            Row(4, Inline("A4", "R1")),
        ]);
        var error = ReadOutcome.Failure(bytes, "svar.xlsx");
        Assert.Equal(3, error.Line);
        Assert.Contains("2 (B) have no name", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"q1\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_row_limit_applies_to_workbooks()
    {
        var rows = new List<Row> { Row(1, Inline("A1", "id"), Inline("B1", "q1")) };
        for (uint i = 2; i <= 12; i++) rows.Add(Row(i, Inline($"A{i}", $"R{i}"), Number($"B{i}", "3")));
        var error = ReadOutcome.Failure(Build(rows), "svar.xlsx", ReadLimits.Default with { MaxRows = 10 });
        Assert.Equal(12, error.Line);
        Assert.Contains("more than 10 data rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_from_a_stream_that_cannot_seek_is_read()
    {
        var outcome = ReadOutcome.Of(new NonSeekableStream(new MemoryStream(SurveyWorkbook())), "svar.xlsx");
        Assert.Equal(4, outcome.Rows.Count);
    }

    [Fact]
    public void An_empty_sheet_is_refused()
    {
        var error = ReadOutcome.Failure(Build([]), "svar.xlsx");
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_references_map_to_column_indexes()
    {
        Assert.Equal(0, ColumnName.IndexFromReference("A1"));
        Assert.Equal(2, ColumnName.IndexFromReference("C5"));
        Assert.Equal(26, ColumnName.IndexFromReference("AA10"));
        Assert.Equal(16_383, ColumnName.IndexFromReference("XFD1"));
        Assert.Null(ColumnName.IndexFromReference("ZZZZ1"));
        Assert.Null(ColumnName.IndexFromReference("12"));
        Assert.Equal("AB", ColumnName.Letters(27));
    }

    [Fact]
    public void Rich_text_runs_are_joined_without_phonetic_guides()
    {
        var workbook = Build([Row(1, Inline("A1", "id"), Inline("B1", "site")), Row(2, Inline("A2", "R1"), Shared("B2", 0))], ["placeholder"]);
        var bytes = ZipSurgery.Replace(workbook, "sharedString",
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><r><rPr><b/></rPr><t>Sjællands</t></r>"
            + "<r><t xml:space=\"preserve\">gade </t></r><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh><r><t>2</t></r></si></sst>");
        Assert.Equal(["R1", "Sjællandsgade 2"], Assert.Single(ReadOutcome.Of(bytes, "svar.xlsx").Rows).Cells);
    }
}
