using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Borgerpuls.Features.Reports;

/// <summary>The table of contents (indholdsfortegnelse): each heading as a link with a PAGEREF field to its bookmark, in Word's
/// TOC styles. Not wrapped in a TOC field: LibreOffice keeps a TOC field's text as written (every page "1") but computes
/// page references itself, and Word updates them on opening (<c>updateFields</c> in the settings).</summary>
internal static class DocxContents
{
    public static string Bookmark(int heading) => $"_Toc{heading:D4}";

    /// <param name="headings">The report's headings in order; heading n carries bookmark <see cref="Bookmark"/>(n).</param>
    public static IEnumerable<Paragraph> Paragraphs(string title, IReadOnlyList<ReportHeading> headings)
    {
        yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOCHeading" }), Plain(title));
        for (var i = 0; i < headings.Count; i++)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"TOC{headings[i].Level}" }));
            paragraph.Append(new Hyperlink(Plain(headings[i].Text), new Run(new TabChar())) { Anchor = Bookmark(i), History = true });
            paragraph.Append(Field(FieldCharValues.Begin), new Run(new FieldCode($" PAGEREF {Bookmark(i)} \\h ") { Space = SpaceProcessingModeValues.Preserve }),
                Field(FieldCharValues.Separate), Plain("1"), Field(FieldCharValues.End));
            yield return paragraph;
        }
    }

    /// <summary>Word reads the updateFields setting and offers to refresh the contents' page numbers on opening.</summary>
    public static Settings Settings() => new(new UpdateFieldsOnOpen { Val = true });

    private static Run Field(FieldCharValues type) => new(new FieldChar { FieldCharType = type });

    private static Run Plain(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
}
