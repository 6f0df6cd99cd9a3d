namespace Borgerpuls.Features.Import.Reading;

/// <summary>Upper bounds for one import file. The defaults fit the largest real export (a national survey year is a few
/// hundred thousand respondents) with room to spare, while keeping a hostile or mistaken file from exhausting the server.</summary>
internal sealed record ReadLimits
{
    public static ReadLimits Default { get; } = new();

    /// <summary>Size of the file as uploaded (CSV text or the XLSX zip).</summary>
    public long MaxBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Data rows after the header; blank rows are not counted.</summary>
    public int MaxRows { get; init; } = 2_000_000;

    /// <summary>Named columns in the header.</summary>
    public int MaxColumns { get; init; } = 500;

    /// <summary>Characters in one cell; longer cells are reported per row (a free-text comment has no business being longer).</summary>
    public int MaxCellLength { get; init; } = 10_000;

    /// <summary>XLSX: how far right of the header's last column a stray value may stand and still be reported as a row
    /// problem. A value further right refuses the file: it bounds one row in memory to (header + this) cells of at most
    /// <see cref="MaxCellLength"/> characters, where a row of 16 384 full cells would take over 300 MB.</summary>
    public int MaxColumnsBeyondHeader { get; init; } = 100;

    /// <summary>XLSX: texts in the shared string table, which is held in memory whole (any row may use any of it).
    /// A text longer than <see cref="MaxCellLength"/> is kept only as its length.</summary>
    public int MaxSharedStrings { get; init; } = 5_000_000;

    /// <summary>XLSX: characters of all texts in the shared string table together (about 2 bytes each in memory).</summary>
    public long MaxSharedStringCharacters { get; init; } = 100_000_000;

    /// <summary>XLSX: the sum of the declared uncompressed sizes of all zip entries, and the most characters the XML
    /// reader will read from one part (which also catches an entry that lies about its size).</summary>
    public long MaxUncompressedBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>XLSX: entries in the zip. A workbook from Excel or SurveyXact has a dozen or two.</summary>
    public int MaxArchiveEntries { get; init; } = 1_000;

    /// <summary>XLSX: uncompressed/compressed size of one entry. Real sheet XML compresses 5–50 fold; deflate bombs
    /// reach ~1000 fold. Only checked for entries above <see cref="CompressionRatioFloorBytes"/>.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>XLSX: entries smaller than this cannot hurt whatever their ratio (a tiny styles.xml can compress 300 fold).</summary>
    public long CompressionRatioFloorBytes { get; init; } = 1024 * 1024;

    /// <summary>Row problems kept for the report; further ones are only counted, so a file that is ragged on every
    /// one of two million lines cannot hold two million messages in memory.</summary>
    public int MaxReportedProblems { get; init; } = 10_000;
}
