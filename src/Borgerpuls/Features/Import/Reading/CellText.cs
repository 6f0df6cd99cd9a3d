namespace Borgerpuls.Features.Import.Reading;

/// <summary>The only changes made to cell text: line breaks become "\n" (a comment typed on Windows has "\r\n", one
/// typed on an old Mac "\r"), so downstream code and stored comments see one convention.</summary>
internal static class CellText
{
    public static string NormaliseLineBreaks(string text) =>
        text.AsSpan().IndexOf('\r') < 0 ? text : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Physical line breaks in a cell as a CSV parser counts them ("\r\n" is one).</summary>
    public static int LineBreaks(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny('\r', '\n') < 0) return 0;
        var count = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == '\n') count++;
            else if (span[i] == '\r' && (i + 1 == span.Length || span[i + 1] != '\n')) count++;
        }
        return count;
    }

    public static bool IsBlank(IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(cells[i])) return false;
        }
        return true;
    }
}
