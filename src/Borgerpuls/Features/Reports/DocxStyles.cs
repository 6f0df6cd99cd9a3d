using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Borgerpuls.Features.Reports;

/// <summary>Real Word styles (Title, Heading 1–2, Caption, Quote, a grid table style), so staff can restyle the report with
/// their municipality's template and the headings appear in Word's navigation pane.</summary>
internal static class DocxStyles
{
    public static Styles Create(string language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                new FontSize { Val = "21" }, new Languages { Val = language == "en" ? "en-GB" : "da-DK" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph("Normal", "Normal", null, isDefault: true),
        Paragraph("Title", "Title", new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "40" }), spacingAfter: "60"),
        Paragraph("Subtitle", "Subtitle", new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "24" }), spacingAfter: "240"),
        Heading(1, "30"),
        Heading(2, "24"),
        Paragraph("Caption", "caption", new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "19" }), spacingAfter: "60", keepNext: true),
        Paragraph("Note", "Note", new StyleRunProperties(new Italic(), new Color { Val = "595959" }, new FontSize { Val = "18" })),
        Paragraph("Quote", "Quote", new StyleRunProperties(new Italic(), new Color { Val = "404040" }), indent: "567"),
        Paragraph("TableText", "Table Text", new StyleRunProperties(new FontSize { Val = "19" }), spacingAfter: "0"),
        Paragraph("ListBullet", "List Bullet", null, indent: "357"),
        Paragraph("TOCHeading", "TOC Heading", new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "30" }), spacingAfter: "120", keepNext: true),
        Contents(1, "0"),
        Contents(2, "284"),
        new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" }),
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });

    private static Style Heading(int level, string size) => new(
        new StyleName { Val = $"heading {level}" },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new UIPriority { Val = 9 },
        new PrimaryStyle(),
        new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = level == 1 ? "360" : "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = size }))
    { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };

    /// <summary>An entry of the table of contents: the page number at the right margin after a dotted leader.</summary>
    private static Style Contents(int level, string indent) => new(
        new StyleName { Val = $"toc {level}" },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new UIPriority { Val = 39 },
        new StyleParagraphProperties(
            new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = DocxColumnWidths.PageText }),
            new SpacingBetweenLines { After = "40" },
            new Indentation { Left = indent }))
    { Type = StyleValues.Paragraph, StyleId = $"TOC{level}" };

    private static Style Paragraph(string id, string name, StyleRunProperties? run, bool isDefault = false, string? spacingAfter = null, string? indent = null, bool keepNext = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = OnOffValue.FromBoolean(true);
        else style.Append(new BasedOn { Val = "Normal" }, new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (keepNext) paragraph.Append(new KeepNext());
        if (spacingAfter is not null) paragraph.Append(new SpacingBetweenLines { After = spacingAfter });
        if (indent is not null) paragraph.Append(new Indentation { Left = indent });
        if (paragraph.HasChildren) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }
}
