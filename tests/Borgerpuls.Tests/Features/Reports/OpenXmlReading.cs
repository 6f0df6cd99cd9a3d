using DocumentFormat.OpenXml.Packaging;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Borgerpuls.Tests.Features.Reports;

/// <summary>Reads the written report files back through OpenXML, as tables of cell texts (Word) and cell values (Excel).</summary>
internal static class OpenXmlReading
{
    /// <summary>The Word table under the caption paragraph <paramref name="caption"/>: rows of each cell's first paragraph.</summary>
    public static List<List<string>> WordTable(WordprocessingDocument document, string caption)
    {
        var body = document.MainDocumentPart!.Document!.Body!;
        var table = body.Elements<Word.Table>().FirstOrDefault(t => t.PreviousSibling<Word.Paragraph>()?.InnerText == caption)
            ?? throw new Xunit.Sdk.XunitException($"No table captioned '{caption}'");
        return table.Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().Select(c => c.Elements<Word.Paragraph>().First().InnerText).ToList()).ToList();
    }

    public static List<string> Row(List<List<string>> table, string startsWith) =>
        table.FirstOrDefault(r => r[0].StartsWith(startsWith, StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"No row starting '{startsWith}'");

    public static string Cell(List<List<string>> table, string row, string column) => Row(table, row)[table[0].IndexOf(column)];

    public static List<string> SheetNames(SpreadsheetDocument document) =>
        document.WorkbookPart!.Workbook!.Sheets!.Elements<Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();

    /// <summary>A sheet as rows of cells: a double for number cells, a string for text cells.</summary>
    public static List<List<object>> Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Spreadsheet.Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet!.Descendants<Spreadsheet.Row>().Select(r => r.Elements<Spreadsheet.Cell>().Select(c => c.DataType?.Value == Spreadsheet.CellValues.Number
            ? (object)double.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)
            : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
