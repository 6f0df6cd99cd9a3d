namespace Borgerpuls.Features.Import.Reading;

/// <summary>An open wide survey file: the header is read and checked when the file is opened, the rows are read one at a
/// time as <see cref="Rows"/> is enumerated (once). Disposing releases the readers (and the stream when the file was
/// opened by path).</summary>
internal interface IWideFile : IDisposable
{
    /// <summary>The column names as written (not trimmed; a BOM removed; trailing nameless columns dropped). Unique and
    /// non-blank, compared trimmed and case-insensitively.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>The data rows, blank rows skipped, each with exactly <c>Header.Count</c> cells. Rows that cannot be given
    /// that shape are left out and recorded in <see cref="Problems"/> instead. Can be enumerated once; throws
    /// <see cref="ImportFileException"/> when the file turns out to be unreadable part-way (limits, encoding).</summary>
    IEnumerable<WideRow> Rows { get; }

    /// <summary>Every row left out of <see cref="Rows"/> so far, in file order; complete once <see cref="Rows"/> has
    /// been enumerated to the end. Holds at most <see cref="ReadLimits.MaxReportedProblems"/> entries.</summary>
    IReadOnlyList<ReadProblem> Problems { get; }

    /// <summary>All problems found, including those beyond the reporting cap.</summary>
    int ProblemCount { get; }

    /// <summary>What was detected, for the import summary, e.g. "CSV, delimiter ';', Windows-1252", in the reader's language.</summary>
    Localization.Wording Description { get; }
}
