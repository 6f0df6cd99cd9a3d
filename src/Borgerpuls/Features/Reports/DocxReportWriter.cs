using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Borgerpuls.Features.Reports;

/// <summary>The report as a Word document staff can edit and attach to an agenda: a table of contents, styled headings, real
/// Word tables with repeating header rows and right-aligned figures, the selection in the header and "Side N af M" in the
/// footer of every page, A4 with ordinary margins.</summary>
public static class DocxReportWriter
{
    public static byte[] Write(ReportDocument report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create(report.Language);
            main.AddNewPart<DocumentSettingsPart>().Settings = DocxContents.Settings();
            var text = new ReportText(System.Globalization.CultureInfo.GetCultureInfo(report.Language));
            var body = new Body();
            body.Append(Styled("Title", report.Title), Styled("Subtitle", report.Subtitle));
            var headings = report.Blocks.OfType<ReportHeading>().ToList();
            body.Append(DocxContents.Paragraphs(text["Contents"], headings));
            uint images = 0;
            var heading = 0;
            foreach (var block in report.Blocks)
            {
                switch (block)
                {
                    case ReportHeading h: body.Append(Bookmarked(Styled($"Heading{h.Level}", h.Text), heading++)); break;
                    case ReportParagraph p: body.Append(Styled(p.Note ? "Note" : "Normal", p.Text)); break;
                    case ReportQuote q: body.Append(Styled("Quote", $"»{q.Text}«"), Styled("Note", q.Source)); break;
                    case ReportBullets b: body.Append(b.Items.Select(i => Styled("ListBullet", "• " + i))); break;
                    case ReportTable { WorkbookOnly: false } t: body.Append(Styled("Caption", t.Caption), Table(t), Styled("Normal", "")); break;
                    case ReportImage i: body.Append(Styled("Caption", i.Caption), DocxImage.Paragraph(main, i, ++images)); break;
                }
            }
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Note" }), new Run(new Text(report.Subtitle))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(report, text);
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            document.PackageProperties.Title = report.Title;
            document.PackageProperties.Subject = report.Subtitle;
            document.PackageProperties.Creator = "Borgerpuls";
            document.PackageProperties.Language = report.Language;
        }
        return stream.ToArray();
    }

    /// <summary>The title and "Side 3 af 7" on every page, so a printed page that comes loose is still placed.</summary>
    private static Footer Footer(ReportDocument report, ReportText text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Note" }, new Justification { Val = JustificationValues.Right }));
        Run Plain(string value) => new(new Text(value) { Space = SpaceProcessingModeValues.Preserve });
        paragraph.Append(Plain(report.Title + " · "));
        // "Side {0} af {1}": the placeholders become Word's page fields, the words around them stay translatable.
        var parts = text["PageFooter"].Split("{0}");
        paragraph.Append(Plain(parts[0]), new SimpleField(Plain("1")) { Instruction = " PAGE " });
        var rest = parts.Length > 1 ? parts[1].Split("{1}") : [""];
        paragraph.Append(Plain(rest[0]), new SimpleField(Plain("1")) { Instruction = " NUMPAGES " }, Plain(rest.Length > 1 ? rest[1] : ""));
        return new Footer(paragraph);
    }

    /// <summary>The heading with the bookmark the table of contents points to.</summary>
    private static Paragraph Bookmarked(Paragraph paragraph, int heading)
    {
        var id = (heading + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        paragraph.InsertAfter(new BookmarkStart { Id = id, Name = DocxContents.Bookmark(heading) }, paragraph.ParagraphProperties);
        paragraph.Append(new BookmarkEnd { Id = id });
        return paragraph;
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(ReportTable table)
    {
        // Fixed layout with widths from the content: Word and LibreOffice then draw the same table.
        var widths = DocxColumnWidths.For(table);
        var result = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = DocxColumnWidths.PageText.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        result.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        result.Append(Row(table.Header, header: true, table, widths));
        foreach (var row in table.Rows)
        {
            result.Append(Row(row, header: false, table, widths));
        }
        return result;
    }

    private static TableRow Row(IReadOnlyList<ReportCell> cells, bool header, ReportTable table, int[] widths)
    {
        // A row is never split over two pages (a question's text on one, its figures on the next).
        var row = new TableRow(header ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            var properties = new TableCellProperties(new TableCellWidth
            {
                Type = TableWidthUnitValues.Dxa, Width = (c < widths.Length ? widths[c] : 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            if (header) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" });
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" },
                new Justification { Val = (header ? table.IsFigureColumn(c) : cell.IsFigure || cell.Kind == CellKind.Suppressed) ? JustificationValues.Right : JustificationValues.Left }));
            var run = new Run(new Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve });
            if (header || cell.Strong) run.PrependChild(new RunProperties(new Bold()));
            else if (cell.Kind == CellKind.Suppressed) run.PrependChild(new RunProperties(new Italic(), new Color { Val = "595959" }));
            paragraph.Append(run);
            var tableCell = new TableCell(properties, paragraph);
            if (cell.Detail is { Length: > 0 } detail)
            {
                tableCell.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }),
                    new Run(new RunProperties(new Italic(), new Color { Val = "595959" }, new FontSize { Val = "16" }), new Text(detail) { Space = SpaceProcessingModeValues.Preserve })));
            }
            row.Append(tableCell);
        }
        return row;
    }
}
