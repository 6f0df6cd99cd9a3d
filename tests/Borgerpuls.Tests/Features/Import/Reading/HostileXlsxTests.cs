using System.IO.Compression;
using System.Text;
using Borgerpuls.Features.Import.Reading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using static Borgerpuls.Tests.Features.Import.Reading.XlsxBuilder;

namespace Borgerpuls.Tests.Features.Import.Reading;

public sealed class HostileXlsxTests
{
    private const string SheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static byte[] Normal() => Build(
    [
        Row(1, Inline("A1", "respondent_id"), Inline("B1", "q1")),
        Row(2, Inline("A2", "R1"), Number("B2", "5")),
    ]);

    private static readonly string BombSheet = ZipSurgery.BillionLaughs(
        $"<worksheet xmlns=\"{SheetNamespace}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>q1</t></is></c></row></sheetData></worksheet>");

    [Fact]
    public void A_highly_compressible_huge_entry_is_refused_as_a_zip_bomb()
    {
        // 64 MB of blanks deflate to about 64 KB: a thousand-fold, where real sheet XML is 5–50-fold.
        var bomb = ZipSurgery.Replace(Normal(), "worksheets/", stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes($"<worksheet xmlns=\"{SheetNamespace}\"><sheetData>"));
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < 64; i++) stream.Write(blanks);
            stream.Write(Encoding.UTF8.GetBytes("</sheetData></worksheet>"));
        }, CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 1024 * 1024);

        var error = ReadOutcome.Failure(bomb, "svar.xlsx");
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
        Assert.Contains("worksheets/", error.Message, StringComparison.Ordinal);
        Assert.Contains("zip-bombe", error.DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_much_uncompressed_data_in_total_is_refused()
    {
        var error = ReadOutcome.Failure(Normal(), "svar.xlsx", ReadLimits.Default with { MaxUncompressedBytes = 1000 });
        Assert.Contains("expands to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var error = ReadOutcome.Failure(Normal(), "svar.xlsx", ReadLimits.Default with { MaxArchiveEntries = 2 });
        Assert.Contains("parts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worksheets/")]
    [InlineData("[Content_Types].xml")]
    public void A_dtd_with_entity_declarations_is_refused_before_parsing(string part)
    {
        var xml = part == "worksheets/" ? BombSheet : ZipSurgery.BillionLaughs("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        var error = ReadOutcome.Failure(ZipSurgery.Replace(Normal(), part, xml), "svar.xlsx");
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_open_xml_sdk_itself_also_refuses_a_dtd()
    {
        // Pins the library default the guard does not rely on: if an SDK update ever allowed DTDs, this fails.
        using var stream = new MemoryStream(ZipSurgery.Replace(Normal(), "worksheets/", BombSheet));
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single();
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var reader = OpenXmlReader.Create(sheet);
            while (reader.Read())
            {
            }
        });
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_named_xlsx_is_refused_clearly()
    {
        var error = ReadOutcome.Failure(TestText.Utf8("respondent_id;q1\nR1;5\n"), "svar.xlsx");
        Assert.Contains("not an Excel workbook", error.Message, StringComparison.Ordinal);
        Assert.Contains(".csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_binary_workbook_named_xlsx_is_refused_with_a_hint()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        Assert.Contains("97–2003", ReadOutcome.Failure(ole, "svar.xlsx").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_zip_is_refused_clearly()
    {
        var truncated = Normal()[..200];
        var error = ReadOutcome.Failure(truncated, "svar.xlsx");
        Assert.Contains("Excel workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_that_is_too_large_is_refused_before_reading()
    {
        var error = ReadOutcome.Failure(Normal(), "svar.xlsx", ReadLimits.Default with { MaxBytes = 100 });
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
        Assert.Throws<ImportFileException>(() => ReadOutcome.Of(new NonSeekableStream(new MemoryStream(Normal())), "svar.xlsx", ReadLimits.Default with { MaxBytes = 100 }));
    }
}
