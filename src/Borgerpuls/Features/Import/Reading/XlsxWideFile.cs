using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Borgerpuls.Features.Import.Reading;

/// <summary>The first worksheet of an XLSX workbook, read row by row and cell by cell (<see cref="XlsxSheetReader"/>):
/// one row of bounded width and bounded cells in memory at a time. Cells give their cached value: a formula is never
/// evaluated, so "=HYPERLINK(…)" arrives as whatever Excel last displayed. Numbers (dates included) are the invariant
/// text Excel stores, e.g. "4", "4.5", "45292"; booleans are "1"/"0" and error values their code ("#N/A").</summary>
internal sealed class XlsxWideFile : IWideFile
{
    private readonly Stream? ownedStream;
    private readonly SpreadsheetDocument document;
    private readonly XlsxSheetReader sheet;
    private readonly ReadLimits limits;
    private readonly ProblemLog log;
    private readonly string[] header;
    private readonly string sheetName;
    private bool enumerated;

    private XlsxWideFile(Stream? ownedStream, SpreadsheetDocument document, ReadLimits limits)
    {
        this.ownedStream = ownedStream;
        this.document = document;
        this.limits = limits;
        log = new ProblemLog(limits.MaxReportedProblems);
        var workbook = document.WorkbookPart ?? throw NoSheet();
        var (part, name) = FirstWorksheet(workbook);
        sheetName = name;
        var sharedStrings = workbook.SharedStringTablePart is { } table
            ? XlsxSharedStrings.Read(table.GetStream(FileMode.Open, FileAccess.Read), limits)
            : XlsxSharedStrings.Empty;
        sheet = new XlsxSheetReader(part.GetStream(FileMode.Open, FileAccess.Read), sharedStrings, limits);
        try
        {
            header = ReadHeader();
        }
        catch
        {
            sheet.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Header => header;

    public IEnumerable<WideRow> Rows => ReadRows();

    public IReadOnlyList<ReadProblem> Problems => log.Problems;

    public int ProblemCount => log.Count;

    public Localization.Wording Description => Localization.Wording.Of("Import.Format.Xlsx", sheetName);

    /// <summary>Opens the workbook after <see cref="XlsxArchiveGuard"/> has passed it. A stream that cannot seek (an
    /// upload) is first copied to a temporary file, because a zip is read from its end.</summary>
    public static XlsxWideFile Open(Stream stream, bool leaveOpen, ReadLimits limits)
    {
        Stream zip = stream;
        Stream? owned = leaveOpen ? null : stream;
        SpreadsheetDocument? document = null;
        try
        {
            if (!stream.CanSeek || stream.Position != 0)
            {
                zip = CopyToTemporaryFile(stream, limits);
                if (!leaveOpen) stream.Dispose();
                owned = zip;
            }
            RequireZipSignature(zip);
            XlsxArchiveGuard.Check(zip, limits);
            zip.Position = 0;
            document = SpreadsheetDocument.Open(zip, false, new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes });
            return new XlsxWideFile(owned, document, limits);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            document?.Dispose();
            owned?.Dispose();
            throw Unreadable(e);
        }
        catch
        {
            document?.Dispose();
            owned?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        sheet?.Dispose();
        document.Dispose();
        ownedStream?.Dispose();
    }

    /// <summary>The first row with any text is the header (a sheet may start with empty, merely formatted rows). A value
    /// beyond <see cref="ReadLimits.MaxColumns"/> makes the header too wide whatever lies between.</summary>
    private string[] ReadHeader()
    {
        while (NextRow(limits.MaxColumns) is { } row)
        {
            if (row.BeyondWidth is { } column)
            {
                throw new ImportFileException(
                    $"Line {row.Line}: the header has more than {limits.MaxColumns} columns (a value in column {ColumnName.Position(column)}); at most {limits.MaxColumns} are accepted.",
                    $"Linje {row.Line}: overskriften har mere end {limits.MaxColumns} kolonner (en værdi i kolonne {ColumnName.Position(column)}); højst {limits.MaxColumns} accepteres.", row.Line);
            }
            if (row.TooLong.Count > 0)
            {
                var (at, length) = row.TooLong[0];
                throw new ImportFileException(
                    $"Line {row.Line}: the header's cell in column {ColumnName.Position(at)} has {length} characters; at most {limits.MaxCellLength} are accepted.",
                    $"Linje {row.Line}: overskriftens celle i kolonne {ColumnName.Position(at)} har {length} tegn; højst {limits.MaxCellLength} accepteres.", row.Line);
            }
            if (!CellText.IsBlank(row.Cells)) return HeaderCheck.Validate(row.Cells, row.Line, limits);
        }
        throw new ImportFileException($"The sheet '{sheetName}' is empty.", $"Arket '{sheetName}' er tomt.");
    }

    private IEnumerable<WideRow> ReadRows()
    {
        if (enumerated) throw new InvalidOperationException("The rows of a wide file can be read once.");
        enumerated = true;
        var rows = 0;
        // Stray values a little right of the header are row problems, as in CSV; further out they bound what one row
        // may hold in memory, so the file is refused.
        var width = header.Length + limits.MaxColumnsBeyondHeader;
        while (NextRow(width) is { } row)
        {
            if (row.BeyondWidth is { } column)
            {
                throw new ImportFileException(
                    $"Row {row.Line}: a value in column {ColumnName.Position(column)}, more than {limits.MaxColumnsBeyondHeader} columns right of the header's last column, {ColumnName.Position(header.Length - 1)}; remove what stands right of the data and import again.",
                    $"Række {row.Line}: en værdi i kolonne {ColumnName.Position(column)}, mere end {limits.MaxColumnsBeyondHeader} kolonner til højre for overskriftens sidste kolonne, {ColumnName.Position(header.Length - 1)}; fjern det, der står til højre for data, og importér igen.", row.Line);
            }
            if (row.TooLong.Count == 0 && CellText.IsBlank(row.Cells)) continue;
            if (++rows > limits.MaxRows)
            {
                throw new ImportFileException(
                    $"Row {row.Line}: the sheet has more than {limits.MaxRows} data rows, the most that can be imported at once; split it.",
                    $"Række {row.Line}: arket har mere end {limits.MaxRows} datarækker, som er det meste, der kan importeres ad gangen; del det op.", row.Line);
            }
            if (row.TooLong.Count > 0)
            {
                foreach (var (at, length) in row.TooLong)
                {
                    log.Add(RowShape.TooLong(row.Line, at < header.Length ? header[at] : null, length, limits));
                }
                continue;
            }
            var fitted = RowShape.Fit(row.Cells, row.Line, header, limits, log, padShortRows: true);
            if (fitted is not null) yield return new WideRow(row.Line, fitted);
        }
    }

    private XlsxRow? NextRow(int width)
    {
        try
        {
            return sheet.Next(width);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw Unreadable(e);
        }
    }

    /// <summary>The first sheet in the workbook's tab order that is a worksheet (a chart sheet has no cells).</summary>
    private static (WorksheetPart Part, string Name) FirstWorksheet(WorkbookPart workbook)
    {
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                return (worksheet, sheet.Name?.Value ?? "");
            }
        }
        throw NoSheet();
    }

    private static ImportFileException NoSheet() =>
        new("The workbook has no worksheet.", "Projektmappen har intet regneark.");

    private static void RequireZipSignature(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        head = head[..read];
        if (head.SequenceEqual("PK\u0003\u0004"u8)) return;
        if (head.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw new ImportFileException(
                "This is an old Excel 97–2003 workbook (.xls) or a password-protected workbook, not .xlsx: save it as .xlsx (without a password) or as CSV.",
                "Dette er en gammel Excel 97–2003-projektmappe (.xls) eller en adgangskodebeskyttet projektmappe, ikke .xlsx: gem den som .xlsx (uden adgangskode) eller som CSV.");
        }
        throw new ImportFileException(
            "The file is named .xlsx but is not an Excel workbook (an .xlsx file is a zip archive, and this is not one). If it is CSV text, name it .csv.",
            "Filen hedder .xlsx, men er ikke en Excel-projektmappe (en .xlsx-fil er et zip-arkiv, og det er denne ikke). Hvis det er CSV-tekst, så giv den endelsen .csv.");
    }

    private static FileStream CopyToTemporaryFile(Stream source, ReadLimits limits)
    {
        var temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                total += read;
                if (total > limits.MaxBytes) throw TooLarge(limits);
                temporary.Write(buffer, 0, read);
            }
            temporary.Position = 0;
            return temporary;
        }
        catch
        {
            temporary.Dispose();
            throw;
        }
    }

    public static ImportFileException TooLarge(ReadLimits limits) => new(
        $"The file is larger than {limits.MaxBytes / (1024 * 1024)} MB, the most that can be imported at once; split it.",
        $"Filen er større end {limits.MaxBytes / (1024 * 1024)} MB, som er det meste, der kan importeres ad gangen; del den op.");

    // What the SDK, System.IO.Packaging and the XML reader throw for a damaged, hostile or over-long workbook.
    private static bool IsUnreadable(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException
            or ArgumentException;

    private static ImportFileException Unreadable(Exception e) => new(
        $"The file is not a readable Excel workbook: {e.Message}",
        $"Filen er ikke en læsbar Excel-projektmappe: {e.Message}", e);
}
