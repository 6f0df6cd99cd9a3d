namespace Borgerpuls.Features.Import.Reading;

/// <summary>Gives a data row exactly the header's width, or logs why it cannot be given one. Shared by CSV and XLSX so
/// both formats refuse the same things with the same words.</summary>
internal static class RowShape
{
    /// <summary>The cells to hand over, or null when the row is blank (skipped silently) or has a problem (logged).
    /// <paramref name="padShortRows"/>: XLSX leaves empty trailing cells out of a row, so a short row there is normal;
    /// in CSV a short row means a lost delimiter and shifted data.</summary>
    public static string[]? Fit(string[] cells, int line, IReadOnlyList<string> header, ReadLimits limits, ProblemLog log, bool padShortRows)
    {
        if (CellText.IsBlank(cells)) return null;

        var width = header.Count;
        var used = cells.Length;
        // Empty cells beyond the header are the trailing nameless columns the header check dropped.
        while (used > width && string.IsNullOrWhiteSpace(cells[used - 1])) used--;
        if (used > width || (used < width && !padShortRows))
        {
            log.Add(new ReadProblem(line, null,
                $"the row has {used} cells but the header has {width} (a missing or extra delimiter, or a delimiter inside a cell that is not quoted?).",
                $"rækken har {used} celler, men overskriften har {width} (en manglende eller ekstra separator, eller en separator i en celle uden anførselstegn?)."));
            return null;
        }
        if (used != cells.Length || used < width)
        {
            var fitted = new string[width];
            Array.Copy(cells, fitted, used);
            Array.Fill(fitted, "", used, width - used);
            cells = fitted;
        }

        var fine = true;
        for (var i = 0; i < width; i++)
        {
            if (cells[i].Length > limits.MaxCellLength)
            {
                log.Add(TooLong(line, header[i], cells[i].Length, limits));
                fine = false;
                continue;
            }
            cells[i] = CellText.NormaliseLineBreaks(cells[i]);
        }
        return fine ? cells : null;
    }

    public static ReadProblem TooLong(int line, string? column, long length, ReadLimits limits) => new(line, column,
        $"the cell has {length} characters; at most {limits.MaxCellLength} are accepted.",
        $"cellen har {length} tegn; højst {limits.MaxCellLength} accepteres.");
}
