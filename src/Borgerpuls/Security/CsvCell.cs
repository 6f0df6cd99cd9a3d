namespace Borgerpuls.Security;

/// <summary>One CSV cell, quoted, and neutralised against formula injection: a cell that a spreadsheet would read as a
/// formula (leading =, +, -, @, tab or CR) gets a leading apostrophe.</summary>
public static class CsvCell
{
    public static string Of(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A number written by the program needs no guard: the apostrophe would make "-0.12" text in a spreadsheet.</summary>
    public static string OfNumber(IFormattable number, IFormatProvider culture) => "\"" + number.ToString(number is double ? "R" : null, culture) + "\"";
}
