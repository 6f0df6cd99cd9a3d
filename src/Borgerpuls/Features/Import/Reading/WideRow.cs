namespace Borgerpuls.Features.Import.Reading;

/// <summary>One respondent: the cells in header order, exactly as many as the header has columns. <paramref name="Line"/>
/// is the 1-based physical line where the record starts in a CSV file (a quoted cell may span several lines), or the
/// row number Excel shows for an XLSX file. Cells are raw text (not trimmed) with line breaks normalised to "\n".</summary>
internal sealed record WideRow(int Line, IReadOnlyList<string> Cells);
