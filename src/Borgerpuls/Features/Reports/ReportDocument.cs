namespace Borgerpuls.Features.Reports;

/// <summary>The committee report as a writer-neutral document: headings, paragraphs, quotes and tables. The three writers
/// (Word, Excel, HTML) render the same document, so the figures cannot differ between the formats.</summary>
public sealed record ReportDocument(string Title, string Subtitle, string Language, IReadOnlyList<ReportBlock> Blocks)
{
    public IEnumerable<ReportTable> Tables => Blocks.OfType<ReportTable>();
}

public abstract record ReportBlock;

public sealed record ReportHeading(string Text, int Level = 1) : ReportBlock;

public sealed record ReportParagraph(string Text, bool Note = false) : ReportBlock;

public sealed record ReportQuote(string Text, string Source) : ReportBlock;

public sealed record ReportBullets(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A chart drawn by the dashboard's chart module: PNG for Word, SVG for the web page, and the alternative text that
/// says what it shows. The figures behind it always follow in a table.</summary>
public sealed record ReportImage(string Caption, string AltText, byte[] Png, string Svg) : ReportBlock;

/// <summary>A table; <see cref="SheetName"/> names its Excel sheet. <see cref="WorkbookOnly"/> tables (the detailed figures
/// with intervals) are too wide for a printed page and appear only in the workbook.</summary>
public sealed record ReportTable(string SheetName, string Caption, IReadOnlyList<ReportCell> Header, IReadOnlyList<IReadOnlyList<ReportCell>> Rows) : ReportBlock
{
    public bool WorkbookOnly { get; init; }

    /// <summary>Whether a column holds figures (then its header is right-aligned over them).</summary>
    public bool IsFigureColumn(int column) => column > 0 && Rows.Any(r => column < r.Count && (r[column].IsFigure || r[column].Kind == CellKind.Suppressed));
}

public enum CellKind
{
    Text,
    Share,
    Decimal,
    Count,
    Suppressed,
}

/// <summary>One table cell: the text as printed (Danish "79 pct.") and, for figures, the unrounded number that the
/// workbook stores. A suppressed cell has only its marker text, never a number.</summary>
public sealed record ReportCell(string Text, CellKind Kind = CellKind.Text, double? Number = null)
{
    /// <summary>A smaller second line, e.g. which answers count as positive under a question's text.</summary>
    public string? Detail { get; init; }

    public bool Strong { get; init; }

    public bool IsFigure => Kind is CellKind.Share or CellKind.Decimal or CellKind.Count;

    public static implicit operator ReportCell(string text) => new(text);
}
