using System.Text;
using Borgerpuls.Security;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Borgerpuls.Features.Export;

/// <summary>CSV (Danish Excel friendly: <c>;</c> and a byte-order mark) and XLSX (OpenXML SDK). Every cell that a spreadsheet
/// would read as a formula is neutralised; XLSX cells are always written as text, never as formulas.</summary>
public static class TableWriter
{
    public static byte[] Csv(Table table, char delimiter = ';', bool byteOrderMark = true)
    {
        var text = new StringBuilder();
        if (byteOrderMark) text.Append('\uFEFF');
        text.Append(string.Join(delimiter, table.Header.Select(CsvCell.Of))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.Append(string.Join(delimiter, row.Select(CsvCell.Of))).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Xlsx(Table table, string sheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(table.Header));
            foreach (var row in table.Rows)
            {
                data.Append(Row(row));
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName[..Math.Min(31, sheetName.Length)] }));
        }
        return stream.ToArray();
    }

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
