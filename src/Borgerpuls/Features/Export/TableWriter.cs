using System.IO.Compression;
using System.Text;
using Borgerpuls.Security;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Borgerpuls.Features.Export;

/// <summary>CSV (Danish Excel friendly: <c>;</c> and a byte-order mark) and XLSX (OpenXML SDK), written as the rows arrive
/// whatever the table's size. Every cell that a spreadsheet would read as a formula is neutralised; XLSX cells are always
/// written as text, never as formulas.</summary>
public static class TableWriter
{
    /// <summary>Excel's last row: a sheet holds at most 1 048 576 rows, the header included.</summary>
    public const int SpreadsheetRows = 1_048_576;

    public static async Task CsvAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows, char delimiter, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        await writer.WriteAsync("\uFEFF" + CsvLine(header, delimiter));
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(CsvLine(row, delimiter));
        }
    }

    /// <summary>XLSX written as the rows arrive. The SDK's package API keeps a part uncompressed in memory until the package
    /// closes (hundreds of MB for a million rows), so the four small parts of a minimal workbook are written by hand and the
    /// sheet goes through OpenXmlWriter straight into a compressed entry of a temporary file, which is then copied out.</summary>
    public static async Task XlsxAsync(Stream output, string sheetName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"borgerpuls-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", ContentTypes);
            Entry(zip, "_rels/.rels", Relationship("officeDocument", "xl/workbook.xml"));
            Entry(zip, "xl/workbook.xml", new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = SheetName(sheetName) })).OuterXml);
            Entry(zip, "xl/_rels/workbook.xml.rels", Relationship("worksheet", "worksheets/sheet1.xml"));
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            using var writer = OpenXmlWriter.Create(sheet);
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            writer.WriteElement(Row(header));
            await foreach (var row in rows.WithCancellation(ct))
            {
                writer.WriteElement(Row(row));
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
        "</Types>";

    private static string Relationship(string type, string target) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}\" Target=\"{target}\"/>" +
        "</Relationships>";

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static string CsvLine(IEnumerable<string?> cells, char delimiter) => string.Join(delimiter, cells.Select(CsvCell.Of)) + "\r\n";

    private static string SheetName(string name) => name[..Math.Min(31, name.Length)];

    private static Row Row(IEnumerable<string?> cells) =>
        new(cells.Select(value => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(Neutralise(value ?? "")) { Space = SpaceProcessingModeValues.Preserve }),
        }));

    /// <summary>The same rule as CSV: a leading =, +, -, @, tab or CR gets an apostrophe in front.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
