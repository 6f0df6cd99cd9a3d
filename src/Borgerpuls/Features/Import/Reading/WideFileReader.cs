namespace Borgerpuls.Features.Import.Reading;

/// <summary>Opens a wide survey file (one row per respondent, one column per question key or background field) by its
/// extension: .csv/.txt/.tsv as CSV (',', ';' or tab; UTF-8 with or without BOM, Windows-1252, or UTF-16 with BOM) or
/// .xlsx/.xlsm as a workbook (first worksheet). The header is read and checked here; rows follow lazily.</summary>
internal static class WideFileReader
{
    /// <summary>Reads from <paramref name="stream"/>, which stays open (the caller owns it). <paramref name="fileName"/>
    /// only decides the format.</summary>
    /// <exception cref="ImportFileException">The file cannot be read; the message says why and what to do.</exception>
    public static IWideFile Open(Stream stream, string fileName, ReadLimits limits) => Open(stream, fileName, limits, leaveOpen: true);

    /// <summary>Reads the file at <paramref name="path"/>; disposing the result closes it.</summary>
    /// <exception cref="ImportFileException">The file is missing or cannot be read.</exception>
    public static IWideFile Open(string path, ReadLimits? limits = null)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new ImportFileException($"The file '{path}' cannot be opened: {e.Message}", $"Filen '{path}' kan ikke åbnes: {e.Message}", e);
        }
        try
        {
            return Open(stream, path, limits ?? ReadLimits.Default, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static IWideFile Open(Stream stream, string fileName, ReadLimits limits, bool leaveOpen)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var format = extension switch
        {
            ".csv" or ".txt" or ".tsv" => "csv",
            ".xlsx" or ".xlsm" => "xlsx",
            ".xls" => throw new ImportFileException(
                "Old Excel 97–2003 workbooks (.xls) cannot be imported: save it as .xlsx or CSV.",
                "Gamle Excel 97–2003-projektmapper (.xls) kan ikke importeres: gem den som .xlsx eller CSV."),
            "" => throw new ImportFileException(
                $"'{fileName}' has no file extension, so its format is unknown: use .csv or .xlsx.",
                $"'{fileName}' har ingen filendelse, så formatet er ukendt: brug .csv eller .xlsx."),
            _ => throw new ImportFileException(
                $"'{extension}' files cannot be imported: use CSV (.csv) or Excel (.xlsx).",
                $"'{extension}'-filer kan ikke importeres: brug CSV (.csv) eller Excel (.xlsx)."),
        };
        // Refuse an oversized file before reading any of it when the size is known up front.
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxBytes) throw XlsxWideFile.TooLarge(limits);
        return format == "csv" ? new CsvWideFile(stream, leaveOpen, limits) : XlsxWideFile.Open(stream, leaveOpen, limits);
    }
}
