using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Borgerpuls.Tests.Features.Import.Reading;

/// <summary>Small workbooks written with the Open XML SDK, shaped the way Excel writes them (cells carry references,
/// empty cells are left out, texts are usually shared).</summary>
internal static class XlsxBuilder
{
    public static byte[] Build(IEnumerable<Row> rows, IEnumerable<string>? sharedStrings = null, string sheetName = "Ark1")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(new SheetData(rows));
            if (sharedStrings is not null)
            {
                var table = workbook.AddNewPart<SharedStringTablePart>();
                table.SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            }
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName }));
        }
        return stream.ToArray();
    }

    public static Row Row(uint index, params Cell[] cells) => new(cells) { RowIndex = index };

    public static Cell Shared(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    public static Cell Inline(string reference, string text) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString };

    /// <summary>A number exactly as Excel stores it: invariant text.</summary>
    public static Cell Number(string reference, string value) => new() { CellReference = reference, CellValue = new CellValue(value) };

    /// <summary>A formula with its cached result, which is all a reader should ever use.</summary>
    public static Cell Formula(string reference, string formula, string cachedText) =>
        new(new CellFormula(formula), new CellValue(cachedText)) { CellReference = reference, DataType = CellValues.String };
}
