using System.Globalization;
using Borgerpuls.Features.Export;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Borgerpuls.Features.Reports;

/// <summary>The report as a workbook: a first sheet with the title, summary and method notes, then one sheet per table with
/// the header in row 1. Figures are numbers (shares as unrounded fractions shown as percent) so analysts can compute with
/// them; every text cell is formula-neutralised as in the other exports and no cell is ever a formula.</summary>
public static class XlsxReportWriter
{
    private const uint Bold = 1, Percent = 2, Decimal = 3, Integer = 4, Wrapped = 5, Muted = 6;

    public static byte[] Write(ReportDocument report, string aboutSheet, string pageFooter)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = new Sheets();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var aboutName = Unique(aboutSheet, names);
            var tableNames = report.Tables.Select(t => Unique(t.SheetName, names)).ToList();
            var listed = 0;

            List<IReadOnlyList<ReportCell>> about = [[new ReportCell(report.Title) { Strong = true }], [report.Subtitle], [""]];
            foreach (var block in report.Blocks)
            {
                switch (block)
                {
                    case ReportHeading h: about.Add([""]); about.Add([new ReportCell(h.Text) { Strong = true }]); break;
                    case ReportParagraph p: about.Add([p.Text]); break;
                    case ReportBullets b: about.AddRange(b.Items.Select(i => (IReadOnlyList<ReportCell>)[i])); break;
                    case ReportTable t: about.Add([new ReportCell(tableNames[listed++] + ": " + t.Caption)]); break;
                }
            }
            var footer = Footer(report.Title, pageFooter);
            AddSheet(workbook, sheets, aboutName, null, about, [100], footer);
            var printTitles = new DefinedNames();
            foreach (var (table, name) in report.Tables.Zip(tableNames))
            {
                var widths = table.Header.Select((_, i) => i == 0 ? 60.0 : 16.0).ToArray();
                AddSheet(workbook, sheets, name, table.Header, table.Rows, widths, footer);
                // The header row on every printed page, so page 3 of a long table still says which column is which.
                printTitles.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$1:$1")
                    { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)sheets.ChildElements.Count - 1 });
            }
            workbook.Workbook.AppendChild(sheets);
            workbook.Workbook.AppendChild(printTitles);
            document.PackageProperties.Title = report.Title;
            document.PackageProperties.Creator = "Borgerpuls";
        }
        return stream.ToArray();
    }

    /// <summary>The title at the left and "Side 3 af 7" at the right of every printed page, as in the Word report: the
    /// placeholders of the resource text become Excel's page codes, and an ampersand in the title is doubled to stay text.</summary>
    private static HeaderFooter Footer(string title, string pageFooter) =>
        new(new OddFooter("&L" + title.Replace("&", "&&", StringComparison.Ordinal) + "&R"
            + pageFooter.Replace("&", "&&", StringComparison.Ordinal).Replace("{0}", "&P", StringComparison.Ordinal).Replace("{1}", "&N", StringComparison.Ordinal)));

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, IReadOnlyList<ReportCell>? header, IEnumerable<IReadOnlyList<ReportCell>> rows,
        double[] widths, HeaderFooter footer)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint r = 1;
        if (header is not null)
        {
            data.Append(Row(r++, header, isHeader: true));
        }
        foreach (var row in rows)
        {
            data.Append(Row(r++, row, isHeader: false));
        }
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        // Printed: landscape A4, as wide as one page, as many pages long as it takes.
        var worksheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        if (header is not null)
        {
            worksheet.Append(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        }
        worksheet.Append(columns, data,
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 }, footer.CloneNode(true));
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static Row Row(uint index, IReadOnlyList<ReportCell> cells, bool isHeader)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            var reference = Column(c) + index.ToString(CultureInfo.InvariantCulture);
            if (cell.Number is { } number && cell.IsFigure && !isHeader)
            {
                row.Append(new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(number),
                    StyleIndex = cell.Kind switch { CellKind.Share => Percent, CellKind.Count => Integer, _ => Decimal },
                });
                continue;
            }
            var text = cell.Detail is { Length: > 0 } detail ? $"{cell.Text} ({detail})" : cell.Text;
            row.Append(new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(TableWriter.Neutralise(text)) { Space = SpaceProcessingModeValues.Preserve }),
                StyleIndex = isHeader || cell.Strong ? Bold : cell.Kind == CellKind.Suppressed ? Muted : c == 0 ? Wrapped : 0,
            });
        }
        return row;
    }

    public static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + (i - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>Excel's sheet-name rules: at most 31 characters, none of []:*?/\, unique regardless of case.</summary>
    private static string Unique(string wanted, HashSet<string> taken)
    {
        var clean = new string(wanted.Select(ch => "[]:*?/\\".Contains(ch) ? '-' : ch).ToArray()).Trim('\'');
        clean = clean[..Math.Min(31, clean.Length)];
        var name = clean;
        for (var n = 2; taken.Contains(name); n++)
        {
            var suffix = $" {n}";
            name = clean[..Math.Min(31 - suffix.Length, clean.Length)] + suffix;
        }
        taken.Add(name);
        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new Color { Rgb = "FF595959" }, new FontName { Val = "Calibri" })) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 2, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Right }) { FontId = 2, ApplyFont = true, ApplyAlignment = true }) { Count = 7 });
}
