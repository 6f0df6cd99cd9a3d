using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Borgerpuls.Features.Import;

/// <summary>A "wide" survey file (one row per respondent, one column per question or background field), read as a stream:
/// CSV with ',', ';' or tab, UTF-8 with or without BOM or Windows-1252 (as Danish Excel writes it), or XLSX. Hostile
/// archives (zip bombs, XML entity bombs) are refused before parsing, and formulas are never evaluated.</summary>
public static class WideFile
{
    public const long MaxBytes = 200L * 1024 * 1024;
    public const long MaxUncompressedXlsx = 500L * 1024 * 1024;
    public const int MaxColumns = 500;

    public sealed record Content(IReadOnlyList<string> Header, IEnumerable<(int Line, string[] Cells)> Rows, string Description);

    public static Content Open(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new ImportFileException($"File not found: {path}");
        if (info.Length > MaxBytes) throw new ImportFileException($"The file is {info.Length / (1024 * 1024)} MB; at most {MaxBytes / (1024 * 1024)} MB can be imported.");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => Csv(path),
            ".xlsx" => Xlsx(path),
            var other => throw new ImportFileException($"'{other}' files cannot be imported; use CSV (.csv) or Excel (.xlsx)."),
        };
    }

    private static Content Csv(string path)
    {
        var encoding = DetectEncoding(path, out var name);
        string firstLine;
        using (var peek = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true))
        {
            firstLine = peek.ReadLine() ?? throw new ImportFileException("The file is empty.");
        }
        var delimiter = new[] { ';', ',', '\t' }.MaxBy(d => firstLine.Count(c => c == d));
        if (!firstLine.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new ImportFileException("Only one column was found in the header; the columns must be separated by ';' or ','.");
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter.ToString(), HasHeaderRecord = false, BadDataFound = null, DetectColumnCountChanges = false };
        var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvReader(reader, config);
        if (!csv.Read()) throw new ImportFileException("The file is empty.");
        var header = csv.Parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        CheckHeader(header);
        return new Content(header, Records(csv, reader), $"CSV, '{(delimiter == '\t' ? "tab" : delimiter.ToString())}', {name}");
    }

    private static IEnumerable<(int, string[])> Records(CsvReader csv, StreamReader reader)
    {
        using (reader)
        using (csv)
        {
            while (csv.Read())
            {
                yield return (csv.Parser.RawRow, csv.Parser.Record!);
            }
        }
    }

    /// <summary>Strict UTF-8 over the whole file (streamed, no allocation per byte); Windows-1252 when it is not UTF-8.</summary>
    private static Encoding DetectEncoding(string path, out string name)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var decoder = strict.GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[strict.GetMaxCharCount(buffer.Length)];
        using var stream = File.OpenRead(path);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            name = "UTF-8";
            return strict;
        }
        catch (DecoderFallbackException)
        {
            name = "Windows-1252";
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    private static Content Xlsx(string path)
    {
        GuardArchive(path);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, false, new OpenSettings { MaxCharactersInPart = MaxUncompressedXlsx });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            throw new ImportFileException($"The file is not a readable Excel workbook: {e.Message}");
        }
        var workbook = document.WorkbookPart ?? throw new ImportFileException("The workbook has no sheets.");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new ImportFileException("The workbook has no sheets.");
        var part = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var rows = XlsxRows(document, part, shared).GetEnumerator();
        if (!rows.MoveNext()) throw new ImportFileException("The first sheet is empty.");
        var header = rows.Current.Cells.Select(h => h.Trim()).ToArray();
        CheckHeader(header);
        return new Content(header, Rest(rows), "Excel (first sheet)");
    }

    private static IEnumerable<(int, string[])> Rest(IEnumerator<(int Line, string[] Cells)> rows)
    {
        using (rows)
        {
            while (rows.MoveNext()) yield return rows.Current;
        }
    }

    private static IEnumerable<(int Line, string[] Cells)> XlsxRows(SpreadsheetDocument document, WorksheetPart part, string[] shared)
    {
        using (document)
        using (var reader = OpenXmlReader.Create(part))
        {
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column) cells.Add("");
                    // The cached value only: a formula is never evaluated.
                    cells.Add(cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var i) && i < shared.Length ? shared[i]
                        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                        : cell.CellValue?.Text ?? "");
                    if (cells.Count > MaxColumns) throw new ImportFileException($"Row {row.RowIndex} has more than {MaxColumns} columns.");
                }
                yield return ((int)(row.RowIndex?.Value ?? 0), cells.ToArray());
            }
        }
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    /// <summary>Zip bombs: too many entries, too much uncompressed data, or an implausible compression ratio.</summary>
    private static void GuardArchive(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > 1000) throw new ImportFileException("The workbook has too many parts to be a survey export.");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.CompressedLength > 0 && entry.Length > 10 * 1024 * 1024 && entry.Length / entry.CompressedLength > 100)
                {
                    throw new ImportFileException($"The workbook part '{entry.FullName}' expands {entry.Length / entry.CompressedLength}-fold; refused as a possible zip bomb.");
                }
            }
            if (total > MaxUncompressedXlsx) throw new ImportFileException($"The workbook expands to {total / (1024 * 1024)} MB; at most {MaxUncompressedXlsx / (1024 * 1024)} MB is accepted.");
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("The file is not an Excel workbook (.xlsx is a zip archive, and this is not one).");
        }
    }

    private static void CheckHeader(string[] header)
    {
        if (header.Length > MaxColumns) throw new ImportFileException($"The header has {header.Length} columns; at most {MaxColumns} are accepted.");
        var empty = header.Select((h, i) => (h, i)).Where(x => x.h.Length == 0).Select(x => x.i + 1).ToList();
        if (empty.Count > 0) throw new ImportFileException($"Header column(s) {string.Join(", ", empty)} have no name.");
        var duplicates = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) throw new ImportFileException($"Column name(s) used twice in the header: {string.Join(", ", duplicates)}.");
    }
}
