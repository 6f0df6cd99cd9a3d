namespace Borgerpuls.Features.Import.Reading;

/// <summary>Spreadsheet column letters (A, B, …, Z, AA, …), used to parse XLSX cell references and to name a column
/// position in messages the way the user sees it in Excel.</summary>
internal static class ColumnName
{
    /// <summary>Excel's last column is XFD.</summary>
    public const int MaxSpreadsheetColumns = 16_384;

    /// <summary>"B" → 1, "AA" → 26: the 0-based index of the column in a cell reference such as "C5", or null when the
    /// reference is missing or malformed.</summary>
    public static int? IndexFromReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z') break;
            index = index * 26 + (upper - 'A' + 1);
            if (++letters > 3) return null;
        }
        return letters == 0 || index > MaxSpreadsheetColumns ? null : index - 1;
    }

    /// <summary>0 → "A", 27 → "AB".</summary>
    public static string Letters(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>"column 3 (C)", for messages about positions that have no usable name.</summary>
    public static string Position(int index) => $"{index + 1} ({Letters(index)})";
}
