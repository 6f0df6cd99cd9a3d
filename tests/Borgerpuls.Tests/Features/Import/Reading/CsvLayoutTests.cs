using Borgerpuls.Features.Import.Reading;

namespace Borgerpuls.Tests.Features.Import.Reading;

public sealed class CsvLayoutTests
{
    [Theory]
    [InlineData(';', "';'")]
    [InlineData(',', "','")]
    [InlineData('\t', "tab")]
    public void Each_delimiter_is_detected_from_the_header(char delimiter, string described)
    {
        var d = delimiter.ToString();
        var outcome = ReadOutcome.Of(TestText.Utf8($"respondent_id{d}site{d}q1\r\nR1{d}Vejle{d}5\r\nR2{d}Kolding{d}4\r\n"), "svar.csv");
        Assert.Equal(["respondent_id", "site", "q1"], outcome.Header);
        Assert.Equal(["R1", "Vejle", "5"], outcome.Rows[0].Cells);
        Assert.Equal(["R2", "Kolding", "4"], outcome.Rows[1].Cells);
        Assert.Equal([2, 3], outcome.Rows.Select(r => r.Line));
        Assert.Contains(described, outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Semicolon_wins_over_decimal_commas_in_the_header()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8("id;\"vægt, kg\";q1\nR1;2,5;4\n"), "svar.csv");
        Assert.Equal(["id", "vægt, kg", "q1"], outcome.Header);
        Assert.Equal(["R1", "2,5", "4"], outcome.Rows[0].Cells);
    }

    [Fact]
    public void Quoted_cells_keep_delimiters_quotes_and_line_breaks_and_lines_are_where_records_start()
    {
        var csv = "id;kommentar;q1\n"
            + "R1;\"Hej; med dig\";5\n"                      // line 2
            + "R2;\"første linje\nanden linje\ntredje\";4\n" // lines 3–5
            + "R3;\"Hun sagde \"\"godt\"\"\";3\n"              // line 6
            + "\n"                                            // line 7, blank
            + "R4;\"to\r\nlinjer\";2\n";                      // lines 8–9
        var outcome = ReadOutcome.Of(TestText.Utf8(csv), "svar.csv");
        Assert.Empty(outcome.Problems);
        Assert.Equal([2, 3, 6, 8], outcome.Rows.Select(r => r.Line));
        Assert.Equal("Hej; med dig", outcome.Rows[0].Cells[1]);
        Assert.Equal("første linje\nanden linje\ntredje", outcome.Rows[1].Cells[1]);
        Assert.Equal("Hun sagde \"godt\"", outcome.Rows[2].Cells[1]);
        Assert.Equal("to\nlinjer", outcome.Rows[3].Cells[1]);
    }

    [Fact]
    public void Quoted_line_breaks_do_not_shift_the_line_of_a_later_ragged_row()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8("id;kommentar\nR1;\"a\nb\nc\"\nR2\n"), "svar.csv");
        Assert.Equal(5, Assert.Single(outcome.Problems).Line);
    }

    [Fact]
    public void Cells_are_not_trimmed()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8("id;site\n R1 ;  Vejle\n"), "svar.csv");
        Assert.Equal([" R1 ", "  Vejle"], outcome.Rows[0].Cells);
    }

    [Fact]
    public void Every_ragged_row_is_reported_and_the_good_rows_still_come_through()
    {
        var csv = "id;site;q1\nR1;Vejle;5\nR2;Vejle\nR3;Vejle;4\nR4;Vejle;4;9\nR5;Kolding;3\n";
        var outcome = ReadOutcome.Of(TestText.Utf8(csv), "svar.csv");
        Assert.Equal(["R1", "R3", "R5"], outcome.Rows.Select(r => r.Cells[0]));
        Assert.Equal([3, 5], outcome.Problems.Select(p => p.Line));
        Assert.Equal(2, outcome.ProblemCount);
        Assert.Contains("2 cells but the header has 3", outcome.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("4 cells but the header has 3", outcome.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("overskriften har 3", outcome.Problems[0].DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_empty_columns_from_excel_are_ignored()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8("id;q1;;\nR1;5;;\nR2;4\n"), "svar.csv");
        Assert.Equal(["id", "q1"], outcome.Header);
        Assert.Equal(["R1", "5"], outcome.Rows[0].Cells);
        Assert.Equal(["R2", "4"], outcome.Rows[1].Cells);
        Assert.Empty(outcome.Problems);
    }

    [Fact]
    public void Blank_lines_and_lines_of_only_delimiters_are_skipped()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8("id;q1\n\nR1;5\n;\n  ;  \nR2;4\n\n"), "svar.csv");
        Assert.Equal([3, 6], outcome.Rows.Select(r => r.Line));
        Assert.Empty(outcome.Problems);
    }

    [Fact]
    public void Duplicate_and_empty_header_names_are_refused_naming_every_column()
    {
        var error = ReadOutcome.Failure(TestText.Utf8("id;q1;Q1 ;;q2;id\nR1;1;2;3;4;5\n"), "svar.csv");
        Assert.Equal(1, error.Line);
        Assert.Contains("4 (D) have no name", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"q1\" (2 (B), 3 (C))", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"id\" (1 (A), 6 (F))", error.Message, StringComparison.Ordinal);
        Assert.Contains("brugt mere end én gang", error.DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_an_unusual_delimiter_gets_a_hint()
    {
        var error = ReadOutcome.Failure(TestText.Utf8("id|site|q1\nR1|Vejle|5\n"), "svar.csv");
        Assert.Contains("only one column found; expected ',' or ';' as delimiter", error.Message, StringComparison.Ordinal);
        Assert.Contains("'|'", error.Message, StringComparison.Ordinal);
        Assert.Contains("kun fundet én kolonne", error.DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_column_file_is_refused_with_the_delimiter_hint()
    {
        var error = ReadOutcome.Failure(TestText.Utf8("respondent_id\nR1\n"), "svar.csv");
        Assert.Contains("only one column found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Contains("empty", ReadOutcome.Failure([], "svar.csv").Message, StringComparison.Ordinal);
        Assert.Contains("empty", ReadOutcome.Failure(TestText.Utf8WithBom(""), "svar.csv").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_quote_is_a_row_problem()
    {
        var outcome = ReadOutcome.Of(TestText.Utf8("id;kommentar\nR1;godt\nR2;Hun sagde \"hej\nR3;fint\n"), "svar.csv");
        Assert.Equal(["R1", "R3"], outcome.Rows.Select(r => r.Cells[0]));
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("quote", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_row_limit_stops_the_file_with_a_clear_message()
    {
        var csv = "id;q1\nR1;1\nR2;2\nR3;3\nR4;4\n";
        var error = ReadOutcome.Failure(TestText.Utf8(csv), "svar.csv", ReadLimits.Default with { MaxRows = 3 });
        Assert.Equal(5, error.Line);
        Assert.Contains("more than 3 data rows", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, ReadOutcome.Of(TestText.Utf8(csv), "svar.csv", ReadLimits.Default with { MaxRows = 4 }).Rows.Count);
    }

    [Fact]
    public void The_column_limit_applies_to_the_header()
    {
        var error = ReadOutcome.Failure(TestText.Utf8("a;b;c;d\n1;2;3;4\n"), "svar.csv", ReadLimits.Default with { MaxColumns = 3 });
        Assert.Contains("at most 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_long_cell_is_reported_with_its_column_and_the_rest_is_still_read()
    {
        var limits = ReadLimits.Default with { MaxCellLength = 10 };
        var outcome = ReadOutcome.Of(TestText.Utf8("id;kommentar\nR1;kort\nR2;alt for lang kommentar\nR3;ok\n"), "svar.csv", limits);
        Assert.Equal(["R1", "R3"], outcome.Rows.Select(r => r.Cells[0]));
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((3, "kommentar"), (problem.Line, problem.Column));
    }

    [Fact]
    public void A_quote_that_is_never_closed_stops_the_file_instead_of_swallowing_it()
    {
        var csv = "id;kommentar\nR1;\"starter her\n" + string.Concat(Enumerable.Repeat("R;mere tekst uden ende\n", 60_000));
        var error = ReadOutcome.Failure(TestText.Utf8(csv), "svar.csv");
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_byte_limit_applies_to_a_stream_of_unknown_length_and_to_a_known_one()
    {
        var limits = ReadLimits.Default with { MaxBytes = 1000 };
        var bytes = TestText.Utf8("id;q1\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"R{i};5\n")));
        Assert.Throws<ImportFileException>(() => ReadOutcome.Of(new NonSeekableStream(new MemoryStream(bytes)), "svar.csv", limits));
        var error = Assert.Throws<ImportFileException>(() => WideFileReader.Open(new MemoryStream(bytes), "svar.csv", limits));
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_can_be_enumerated_only_once()
    {
        using var file = WideFileReader.Open(new MemoryStream(TestText.Utf8("id;q1\nR1;5\n")), "svar.csv", ReadLimits.Default);
        Assert.Single(file.Rows);
        Assert.Throws<InvalidOperationException>(() => file.Rows.ToList());
    }

    [Fact]
    public void Opening_by_path_reads_and_releases_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"borgerpuls-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, TestText.Ansi("id;site\nR1;Ærø\n"));
        try
        {
            using (var file = WideFileReader.Open(path))
            {
                Assert.Equal("Ærø", Assert.Single(file.Rows).Cells[1]);
            }
            File.Delete(path);
            Assert.Throws<ImportFileException>(() => WideFileReader.Open(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
