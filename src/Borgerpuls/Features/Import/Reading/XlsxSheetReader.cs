using System.Globalization;

namespace Borgerpuls.Features.Import.Reading;

/// <summary>One &lt;row&gt; of a worksheet. <see cref="Cells"/> are placed by their reference (Excel leaves empty cells
/// out, so "C5" is the third cell even without A5 and B5) and hold at most the width asked for. <see cref="TooLong"/>
/// lists cells over <see cref="ReadLimits.MaxCellLength"/> (their slot in Cells is empty); <see cref="BeyondWidth"/> is
/// the first column past the width that had a value, which was not kept.</summary>
internal sealed record XlsxRow(int Line, string[] Cells, IReadOnlyList<(int Column, long Length)> TooLong, int? BeyondWidth);

/// <summary>Reads a worksheet row by row and cell by cell, keeping only what a row may hold: cells with a value up to a
/// given width, each at most <see cref="ReadLimits.MaxCellLength"/> characters. A row with more cell elements than a
/// spreadsheet has columns is refused on the spot, so a hostile row costs time in proportion to Excel's own limit.</summary>
internal sealed class XlsxSheetReader(Stream part, XlsxSharedStrings sharedStrings, ReadLimits limits) : IDisposable
{
    private readonly XlsxPartReader reader = new(part, limits);
    private readonly BoundedCellText value = new(limits.MaxCellLength);
    private readonly BoundedCellText inline = new(limits.MaxCellLength);
    private readonly List<string> cells = [];
    private int lastLine;

    /// <summary>The next row, keeping values in the first <paramref name="width"/> columns, or null at the end of the sheet.</summary>
    public XlsxRow? Next(int width)
    {
        var inRow = false;
        try
        {
            return NextRow(width, ref inRow);
        }
        catch (XlsxMarkupGuard.MarkupTooLongException)
        {
            // Inside a row its line is known; a huge <row> tag itself is somewhere after the last row read.
            var line = inRow ? lastLine : lastLine + 1;
            var (english, danish) = inRow ? ("Row", "Række") : ("Near row", "Omkring række");
            throw new ImportFileException(
                $"{english} {line}: a tag or CDATA section of more than {XlsxMarkupGuard.MaxMarkupBytes / 1024} KB; the workbook is damaged or was not written by a spreadsheet program.",
                $"{danish} {line}: et tag eller en CDATA-sektion på mere end {XlsxMarkupGuard.MaxMarkupBytes / 1024} KB; projektmappen er beskadiget eller ikke skrevet af et regnearksprogram.", line);
        }
    }

    private XlsxRow? NextRow(int width, ref bool inRow)
    {
        if (!reader.NextElement("row")) return null;
        var line = uint.TryParse(reader.Attribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (int)Math.Min(index, int.MaxValue)
            : lastLine + 1;
        lastLine = line;
        inRow = true;
        cells.Clear();
        List<(int, long)>? tooLong = null;
        int? beyond = null;
        if (reader.IsEmptyElement) return new XlsxRow(line, [], [], null);

        var depth = reader.Depth;
        var elements = 0;
        var column = -1;
        while (reader.NextChild(depth))
        {
            if (!reader.Is("c")) continue;
            if (++elements > ColumnName.MaxSpreadsheetColumns) throw TooManyCells(line);
            // A cell without a (usable) reference follows the one before it.
            column = ColumnName.IndexFromReference(reader.Attribute("r")) ?? column + 1;
            var (text, length, hasContent) = ReadCell(line);
            if (column >= width)
            {
                // Kept out of memory; an empty or blank cell out there is only formatting.
                if (hasContent) beyond ??= column;
                continue;
            }
            if (text is null)
            {
                (tooLong ??= []).Add((column, length));
                text = "";
            }
            while (cells.Count <= column) cells.Add("");
            cells[column] = text;
        }
        return new XlsxRow(line, [.. cells], tooLong ?? [], beyond);
    }

    /// <summary>The cached value of the &lt;c&gt; the reader is on; the text is null when it is too long.</summary>
    private (string? Text, long Length, bool HasContent) ReadCell(int line)
    {
        var reference = reader.Attribute("r");
        var type = reader.Attribute("t");
        value.Start(decodeEscapes: type == "str");
        inline.Start(decodeEscapes: true);
        var hasInline = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.NextChild(depth))
            {
                if (reader.Is("v"))
                {
                    reader.ReadText(value);
                }
                else if (reader.Is("is"))
                {
                    hasInline = true;
                    reader.ReadItem(inline);
                }
            }
        }
        value.End();
        inline.End();

        if (type == "s") return Shared(reference, line);
        var text = type == "inlineStr" || hasInline ? inline : value;
        if (text.TooLong) return text.HasContent ? (null, text.Length, true) : ("", text.Length, false);
        return (text.Text(), text.Length, text.HasContent);
    }

    private (string? Text, long Length, bool HasContent) Shared(string? reference, int line)
    {
        if (!value.TooLong && int.TryParse(value.Text(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count)
        {
            var text = sharedStrings.Get(index, out var length);
            return (text, length, text is null || !string.IsNullOrWhiteSpace(text));
        }
        // A reference is a few characters; a hostile one is cut short before it reaches a message.
        if (reference?.Length > 12) reference = reference[..12] + "…";
        throw new ImportFileException(
            $"Row {line}, cell {reference}: the workbook is damaged (a shared text that does not exist).",
            $"Række {line}, celle {reference}: projektmappen er beskadiget (en delt tekst, der ikke findes).", line);
    }

    private static ImportFileException TooManyCells(int line) => new(
        $"Row {line} has more than {ColumnName.MaxSpreadsheetColumns} cells, more than a spreadsheet can hold; the workbook is damaged or was not written by a spreadsheet program.",
        $"Række {line} har mere end {ColumnName.MaxSpreadsheetColumns} celler, flere end et regneark kan rumme; projektmappen er beskadiget eller ikke skrevet af et regnearksprogram.", line);

    public void Dispose() => reader.Dispose();
}
