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
