using System.IO.Compression;
using System.Text;
using Borgerpuls.Features.Import.Reading;
using DocumentFormat.OpenXml.Spreadsheet;
using static Borgerpuls.Tests.Features.Import.Reading.XlsxBuilder;

namespace Borgerpuls.Tests.Features.Import.Reading;

/// <summary>What one row, one cell and the shared string table may hold while an XLSX is read, and that a hostile
/// workbook is refused without the server building what it describes.</summary>
public sealed class XlsxBoundsTests
{
    // Allocations of the test's own thread (reading is synchronous), so tests running in parallel do not count.
    // Reading a bounded row costs a few megabytes; building the rows these workbooks describe cost gigabytes.
    private const long AllocationBudget = 16L * 1024 * 1024;

    private static (T Result, long Allocated) Measure<T>(Func<T> read)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = read();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_row_of_half_a_million_cells_in_a_one_megabyte_workbook_is_refused_with_its_line_at_bounded_memory()
    {
        var bytes = HostileSheets.HugeRow(["respondent_id", "q1"], "<c t=\"inlineStr\"><is><t>R1</t></is></c><c><v>4</v></c>");
        Assert.InRange(bytes.Length, 800 * 1024, 1400 * 1024);

        var (error, allocated) = Measure(() => ReadOutcome.Failure(bytes, "svar.xlsx"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("Row 3 has more than 16384 cells", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Række 3 har mere end 16384 celler", error.DanishMessage, StringComparison.Ordinal);
        Assert.True(allocated < AllocationBudget, $"{allocated / 1024} KB allocated");
    }

    [Fact]
    public void A_million_empty_formatted_cells_are_also_more_than_a_row_can_hold()
    {
        var bytes = HostileSheets.Sheet(["respondent_id", "q1"], xml =>
        {
            xml.Write("<row r=\"2\">");
            for (var i = 0; i < 1_000_000; i++) xml.Write("<c s=\"1\"/>");
            xml.Write("</row>");
        }, level: CompressionLevel.Fastest);

        var error = ReadOutcome.Failure(bytes, "svar.xlsx", ReadLimits.Default with { MaxCompressionRatio = int.MaxValue });

        Assert.Equal(2, error.Line);
        Assert.Contains("more than 16384 cells", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_at_the_last_cell_reference_of_a_data_row_is_refused_with_its_line()
    {
        var bytes = Build(
        [
            Row(1, Inline("A1", "respondent_id"), Inline("B1", "q1")),
            Row(2, Inline("A2", "R1"), Number("B2", "5")),
            Row(3, Inline("A3", "R2"), Number("B3", "4"), Inline("XFD1048576", "langt ude")),
        ]);

        var error = ReadOutcome.Failure(bytes, "svar.xlsx");

        Assert.Equal(3, error.Line);
        Assert.Equal(
            "Row 3: a value in column 16384 (XFD), more than 100 columns right of the header's last column, 2 (B); remove what stands right of the data and import again.",
            error.Message);
        Assert.StartsWith("Række 3: en værdi i kolonne 16384 (XFD)", error.DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_value_within_reach_of_the_header_stays_a_row_problem_and_far_empty_cells_are_formatting()
    {
        var bytes = Build(
        [
            Row(1, Inline("A1", "respondent_id"), Inline("B1", "q1"), new Cell { CellReference = "XFD1", StyleIndex = 1 }),
            Row(2, Inline("A2", "R1"), Number("B2", "5"), new Cell { CellReference = "XFD2", StyleIndex = 1 }, Inline("XFC2", " ")),
            // Column 102 (CX) is the 100th column right of B.
            Row(3, Inline("A3", "R2"), Number("B3", "4"), Inline("CX3", "note")),
            Row(4, Inline("A4", "R3"), Number("B4", "3")),
        ]);

        var outcome = ReadOutcome.Of(bytes, "svar.xlsx");

        Assert.Equal(["respondent_id", "q1"], outcome.Header);
        Assert.Equal([2, 4], outcome.Rows.Select(r => r.Line));
        Assert.Equal(["R1", "5"], outcome.Rows[0].Cells);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("102 cells", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_beyond_the_column_limit_makes_the_header_too_wide()
    {
        var bytes = Build([Row(1), Row(2, Inline("A2", "respondent_id"), Inline("B2", "q1"), Inline("AB2", "q27"))]);

        var error = ReadOutcome.Failure(bytes, "svar.xlsx", ReadLimits.Default with { MaxColumns = 20 });

        Assert.Equal(2, error.Line);
        Assert.Equal("Line 2: the header has more than 20 columns (a value in column 28 (AB)); at most 20 are accepted.", error.Message);
    }

    [Fact]
    public void A_cell_of_a_hundred_million_characters_is_a_row_problem_with_its_length_at_bounded_memory()
    {
        const long length = 100_000_000;
        var bytes = HostileSheets.Sheet(["respondent_id", "kommentar"], xml =>
        {
            xml.Write("<row r=\"2\"><c t=\"inlineStr\"><is><t>R1</t></is></c><c t=\"inlineStr\"><is><t>");
            HostileSheets.Repeat(xml, 'a', length);
            xml.Write("</t></is></c></row><row r=\"3\"><c t=\"inlineStr\"><is><t>R2</t></is></c><c t=\"inlineStr\"><is><t>kort</t></is></c></row>");
        });
        // Deflate packs repeated letters a thousand-fold; the zip bomb check would refuse that first.
        var limits = ReadLimits.Default with { MaxCompressionRatio = int.MaxValue };

        var (outcome, allocated) = Measure(() => ReadOutcome.Of(bytes, "svar.xlsx", limits));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("kommentar", problem.Column);
        Assert.Equal("the cell has 100000000 characters; at most 10000 are accepted.", problem.Message);
        Assert.Equal(["R2", "kort"], Assert.Single(outcome.Rows).Cells);
        Assert.True(allocated < AllocationBudget, $"{allocated / 1024} KB allocated");
    }

    [Fact]
    public void A_huge_shared_string_is_kept_as_its_length_and_a_cell_using_it_is_a_row_problem()
    {
        const long length = 100_000_000;
        var workbook = HostileSheets.Sheet(["respondent_id", "kommentar"], xml =>
            xml.Write("<row r=\"2\"><c t=\"inlineStr\"><is><t>R1</t></is></c><c t=\"s\"><v>1</v></c></row>"
                + "<row r=\"3\"><c t=\"inlineStr\"><is><t>R2</t></is></c><c t=\"s\"><v>0</v></c></row>"), sharedStrings: ["kort"]);
        var bytes = ZipSurgery.Replace(workbook, "sharedString", stream =>
        {
            using var xml = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024);
            xml.Write($"<sst xmlns=\"{HostileSheets.Namespace}\"><si><t>kort</t></si><si><t>");
            HostileSheets.Repeat(xml, 'b', length);
            xml.Write("</t></si></sst>");
        });

        var (outcome, allocated) = Measure(() => ReadOutcome.Of(bytes, "svar.xlsx", ReadLimits.Default with { MaxCompressionRatio = int.MaxValue }));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((2, "kommentar"), (problem.Line, problem.Column));
        Assert.Contains("100000000 characters", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["R2", "kort"], Assert.Single(outcome.Rows).Cells);
        Assert.True(allocated < AllocationBudget, $"{allocated / 1024} KB allocated");
    }

    [Fact]
    public void Cells_at_the_length_limit_pass_and_one_character_more_is_reported_with_the_true_length()
    {
        var bytes = Build(
        [
            Row(1, Inline("A1", "id"), Inline("B1", "kommentar")),
            Row(2, Inline("A2", "R1"), Inline("B2", "0123456789")),
            Row(3, Inline("A3", "R2"), Shared("B3", 0)),
            // Escapes count as the one character they stand for: ten characters.
            Row(4, Inline("A4", "R3"), Inline("B4", "_x0041__x0042_23456789")),
            Row(5, Inline("A5", "R4"), Formula("B5", "REPT(\"x\",11)", "xxxxxxxxxxx")),
        ], sharedStrings: ["0123456789a"]);

        var outcome = ReadOutcome.Of(bytes, "svar.xlsx", ReadLimits.Default with { MaxCellLength = 10 });

        Assert.Equal([2, 4], outcome.Rows.Select(r => r.Line));
        Assert.Equal("AB23456789", outcome.Rows[1].Cells[1]);
        Assert.Equal([(3, "the cell has 11 characters; at most 10 are accepted."), (5, "the cell has 11 characters; at most 10 are accepted.")],
            outcome.Problems.Select(p => (p.Line, p.Message)));
    }

    [Fact]
    public void An_over_long_header_cell_refuses_the_file_with_its_line()
    {
        var bytes = Build([Row(1, Inline("A1", "id"), Inline("B1", new string('q', 11)))]);

        var error = ReadOutcome.Failure(bytes, "svar.xlsx", ReadLimits.Default with { MaxCellLength = 10 });

        Assert.Equal(1, error.Line);
        Assert.Equal("Line 1: the header's cell in column 2 (B) has 11 characters; at most 10 are accepted.", error.Message);
    }

    [Fact]
    public void The_shared_string_table_is_bounded_in_count_and_in_characters()
    {
        var bytes = Build([Row(1, Shared("A1", 0), Shared("B1", 1)), Row(2, Shared("A2", 2), Shared("B2", 3))], sharedStrings: ["id", "q1", "R1", "tolv tegn nu"]);

        var exact = ReadOutcome.Of(bytes, "svar.xlsx", ReadLimits.Default with { MaxSharedStrings = 4, MaxSharedStringCharacters = 18 });
        Assert.Equal(["R1", "tolv tegn nu"], Assert.Single(exact.Rows).Cells);
        var count = ReadOutcome.Failure(bytes, "svar.xlsx", ReadLimits.Default with { MaxSharedStrings = 3 });
        Assert.Contains("more than 3 texts", count.Message, StringComparison.Ordinal);
        Assert.Contains("mere end 3 tekster", count.DanishMessage, StringComparison.Ordinal);
        var characters = ReadOutcome.Failure(bytes, "svar.xlsx", ReadLimits.Default with { MaxSharedStringCharacters = 17 });
        Assert.Contains("more than 17 characters", characters.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<row r=\"2\"><c r=\"", "\"><v>1</v></c></row>", "Row 2: a tag")]
    [InlineData("<row r=\"2\"><c t=\"inlineStr\"><is><t><![CDATA[", "]]></t></is></c></row>", "Row 2: a tag")]
    [InlineData("<row r=\"2\" x=\"", "\"/>", "Near row 2: a tag")]
    public void A_fifty_million_character_attribute_or_cdata_section_is_refused_with_its_row_at_bounded_memory(string before, string after, string start)
    {
        // The XML reader holds a tag or a CDATA section whole: this one cost about 290 MB before it was bounded.
        var bytes = HostileSheets.Sheet(["id", "q1"], xml =>
        {
            xml.Write(before);
            HostileSheets.Repeat(xml, 'A', 50_000_000);
            xml.Write(after);
        });

        var (error, allocated) = Measure(() => ReadOutcome.Failure(bytes, "svar.xlsx", ReadLimits.Default with { MaxCompressionRatio = int.MaxValue }));

        Assert.Equal(2, error.Line);
        Assert.StartsWith(start + " or CDATA section of more than 1024 KB", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < AllocationBudget, $"{allocated / 1024} KB allocated");
    }

    [Fact]
    public void A_huge_cdata_section_in_the_shared_string_table_is_refused()
    {
        var workbook = Build([Row(1, Shared("A1", 0))], ["id"]);
        var bytes = ZipSurgery.Replace(workbook, "sharedString", stream =>
        {
            using var xml = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024);
            xml.Write($"<sst xmlns=\"{HostileSheets.Namespace}\"><si><t>id</t></si><si><t><![CDATA[");
            HostileSheets.Repeat(xml, 'c', 2_000_000);
            xml.Write("]]></t></si></sst>");
        });

        var error = ReadOutcome.Failure(bytes, "svar.xlsx", ReadLimits.Default with { MaxCompressionRatio = int.MaxValue });

        Assert.StartsWith("The workbook's table of shared texts has a tag or CDATA section of more than 1024 KB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_characters_inside_attribute_values_cdata_and_comments_are_read_as_usual()
    {
        var bytes = HostileSheets.Sheet(["id", "q1"], xml =>
        {
            xml.Write("<!-- a comment with <c> and \" in it --><row r=\"2\" x=\"a>b\" y='\"&lt;'><c t=\"inlineStr\"><is><t>R1</t></is></c>");
            xml.Write("<c t=\"inlineStr\"><is><t><![CDATA[x]>y]]]]></t></is></c></row><?pi stuff?>");
            // A long comment is harmless (the reader skips it without holding it), so it is not markup to bound.
            xml.Write("<!-- a -> b ");
            HostileSheets.Repeat(xml, 'x', 3_000_000);
            xml.Write("--><row r=\"3\"><c t=\"inlineStr\"><is><t>R2</t></is></c><c><v>5</v></c></row>");
        });

        var outcome = ReadOutcome.Of(bytes, "svar.xlsx", ReadLimits.Default with { MaxCompressionRatio = int.MaxValue });

        Assert.Empty(outcome.Problems);
        Assert.Equal([["R1", "x]>y]]"], ["R2", "5"]], outcome.Rows.Select(r => r.Cells));
    }
}
