namespace Borgerpuls.Features.Reports;

/// <summary>Column widths of a Word table from its content. Every column gets at least its longest word, so that a header
/// such as "Usikkerhed" or a status such as "signifikant" is never broken in the middle; the width left over goes to the
/// columns in proportion to how much text they typically hold (the question texts, the names).</summary>
internal static class DocxColumnWidths
{
    /// <summary>The text width of an A4 page with the report's margins, in twentieths of a point.</summary>
    public const int PageText = 9638;

    // 9.5 pt table text averages about 5.3 pt a character, bold headers more; a cell has 0.19 cm padding each side.
    private const int PerCharacter = 112;
    private const int Padding = 230;

    public static int[] For(ReportTable table)
    {
        var columns = table.Header.Count;
        var longest = new int[columns];
        var typical = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            var texts = table.Rows.Where(r => c < r.Count).Select(r => r[c]).Prepend(table.Header[c])
                .SelectMany(cell => cell.Detail is { Length: > 0 } d ? new[] { cell.Text, d } : [cell.Text]).ToList();
            longest[c] = texts.SelectMany(t => t.Split(' ', '\u00A0', '/')).Select(w => w.Length).DefaultIfEmpty(1).Max();
            typical[c] = Math.Max(1, texts.Skip(1).Select(t => Math.Min(t.Length, 80)).DefaultIfEmpty(texts[0].Length).Average());
        }
        var minimum = longest.Select(l => l * PerCharacter + Padding).ToArray();
        var needed = minimum.Sum();
        if (needed >= PageText)
        {
            // Too many columns for whole words: shrink all alike rather than one to nothing.
            return minimum.Select(m => (int)((long)m * PageText / needed)).ToArray();
        }
        var spare = PageText - needed;
        var weight = typical.Sum();
        return minimum.Select((m, c) => m + (int)(spare * typical[c] / weight)).ToArray();
    }
}
