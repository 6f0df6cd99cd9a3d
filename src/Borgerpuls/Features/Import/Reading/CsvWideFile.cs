using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Borgerpuls.Features.Import.Reading;

/// <summary>A wide CSV file read record by record with CsvHelper's parser over a <see cref="DetectingTextReader"/>, so
/// only one buffer of text and one record are held at a time.</summary>
internal sealed class CsvWideFile : IWideFile
{
    // A cell longer than this stops the file (CsvHelper would otherwise keep growing one field, typically after an
    // opening quote that is never closed, until the end of the file). Cells between MaxCellLength and this are
    // reported per row so that the rest of the file is still checked.
    private const int HardCellLength = 1024 * 1024;

    private readonly DetectingTextReader text;
    private readonly CsvParser parser;
    private readonly ReadLimits limits;
    private readonly ProblemLog log;
    private readonly string[] header;
    private readonly char delimiter;
    private bool enumerated;
    private string? badField;

    public CsvWideFile(Stream stream, bool leaveOpen, ReadLimits limits)
    {
        this.limits = limits;
        log = new ProblemLog(limits.MaxReportedProblems);
        text = new DetectingTextReader(stream, limits.MaxBytes, leaveOpen);
        try
        {
            var firstLine = text.PeekFirstLine(HardCellLength)
                ?? throw new ImportFileException("The file is empty.", "Filen er tom.");
            delimiter = DelimiterSniffer.Detect(firstLine);
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                Delimiter = delimiter.ToString(),
                DetectDelimiter = false,
                HasHeaderRecord = false,
                Mode = CsvMode.RFC4180,
                IgnoreBlankLines = true,
                TrimOptions = TrimOptions.None,
                BadDataFound = args => badField ??= args.Field,
                MaxFieldSize = Math.Max(limits.MaxCellLength, HardCellLength),
                // No field cache: CsvHelper's keeps every distinct short value for the parser's lifetime, and every
                // respondent id is distinct, so it grew with the file (about 100 MB per million rows and pass). A string
                // per cell is short-lived garbage instead.
                CacheFields = false,
                BufferSize = 64 * 1024,
            };
            parser = new CsvParser(text, configuration, leaveOpen: true);
            if (!Next())
            {
                throw new ImportFileException("The file is empty.", "Filen er tom.");
            }
            var raw = parser.Record!;
            header = HeaderCheck.Validate(raw, StartLine(raw), limits);
            if (badField is not null)
            {
                throw new ImportFileException(
                    "Line 1: the header has a quote character in an unexpected place.",
                    "Linje 1: overskriften har et anførselstegn et uventet sted.", 1);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Header => header;

    public IEnumerable<WideRow> Rows => ReadRows();

    public IReadOnlyList<ReadProblem> Problems => log.Problems;

    public int ProblemCount => log.Count;

    // The encoding is known for sure only once a non-ASCII byte has been seen, so this says what is known when asked.
    public Localization.Wording Description => Localization.Wording.Of("Import.Format.Csv", DelimiterSniffer.Describe(delimiter), text.EncodingName);

    public void Dispose()
    {
        parser?.Dispose();
        text.Dispose();
    }

    private IEnumerable<WideRow> ReadRows()
    {
        if (enumerated) throw new InvalidOperationException("The rows of a wide file can be read once.");
        enumerated = true;
        var rows = 0;
        while (Next())
        {
            var cells = parser.Record!;
            var line = StartLine(cells);
            if (badField is not null)
            {
                log.Add(new ReadProblem(line, null,
                    $"a quote character in an unexpected place (near \"{Excerpt(badField)}\"); a cell that contains quotes must be quoted as a whole, with inner quotes doubled.",
                    $"et anførselstegn et uventet sted (ved \"{Excerpt(badField)}\"); en celle med anførselstegn skal stå i anførselstegn, med de indre anførselstegn fordoblet."));
                continue;
            }
            if (CellText.IsBlank(cells)) continue;
            if (++rows > limits.MaxRows)
            {
                throw new ImportFileException(
                    $"Line {line}: the file has more than {limits.MaxRows} data rows, the most that can be imported at once; split it.",
                    $"Linje {line}: filen har mere end {limits.MaxRows} datarækker, som er det meste, der kan importeres ad gangen; del den op.", line);
            }
            var fitted = RowShape.Fit(cells, line, header, limits, log, padShortRows: false);
            if (fitted is not null) yield return new WideRow(line, fitted);
        }
    }

    /// <summary>Reads the next record, turning the parser's own failures into import errors with a line.</summary>
    private bool Next()
    {
        badField = null;
        try
        {
            return parser.Read();
        }
        catch (MaxFieldSizeException e)
        {
            var line = e.Context?.Parser?.RawRow ?? 0;
            throw new ImportFileException(
                $"Near line {line}: a cell is longer than {Math.Max(limits.MaxCellLength, HardCellLength)} characters. Usually a quote opens a cell and is never closed.",
                $"Omkring linje {line}: en celle er længere end {Math.Max(limits.MaxCellLength, HardCellLength)} tegn. Som regel åbner et anførselstegn en celle uden at blive lukket.", e);
        }
        catch (CsvHelperException e) when (e is not MaxFieldSizeException)
        {
            var line = e.Context?.Parser?.RawRow ?? 0;
            throw new ImportFileException($"Near line {line}: the CSV cannot be parsed: {e.Message}", $"Omkring linje {line}: CSV-filen kan ikke læses: {e.Message}", e);
        }
    }

    /// <summary>The parser counts physical lines up to the end of the record; a quoted cell with line breaks makes the
    /// record start earlier, and that start is the line a user looks for.</summary>
    private int StartLine(string[] cells)
    {
        var breaks = 0;
        foreach (var cell in cells) breaks += CellText.LineBreaks(cell);
        return parser.RawRow - breaks;
    }

    private static string Excerpt(string field) => field.Length <= 40 ? field : field[..40] + "…";
}
