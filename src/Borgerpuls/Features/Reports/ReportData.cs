using Borgerpuls.Domain;
using Borgerpuls.Features.Comments;
using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Reports;

/// <summary>Everything the committee report shows, as the existing queries returned it — suppression already applied there.</summary>
public sealed record ReportData(
    ReportRequest Request,
    string InstrumentName,
    IReadOnlyList<ReportQuestion> Questions,
    ResultsReport Groups,
    ResultsReport Total,
    ResultsReport Trend,
    PriorityMapReport PriorityMap,
    CommentThemesReport? Themes,
    string? ThemesUnavailable,
    IReadOnlyList<ActionItem> Actions,
    IReadOnlyDictionary<int, IReadOnlyList<ActionEffect>> ActionEffects,
    DateTimeOffset GeneratedAt)
{
    public ReportQuestion? Question(string key) => Questions.FirstOrDefault(q => q.Key == key);

    /// <summary>Service goals' compliance over the report's months and scope.</summary>
    public IReadOnlyList<ServiceGoals.GoalCompliance> ServiceGoals { get; init; } = [];

    /// <summary>The own municipality beside other municipalities' average; null when no municipality takes part.</summary>
    public Benchmark.BenchmarkPanel? Benchmark { get; init; }

    /// <summary>Citizens' answers beside staff's expectation, for a questionnaire with a mirror; null otherwise.</summary>
    public Mirror.MirrorReport? Mirror { get; init; }
}

/// <summary>A question as the report names it: its number in the questionnaire, its text, and the answer labels that count
/// as positive and negative.</summary>
public sealed record ReportQuestion(string Key, int Number, string Text, IReadOnlyList<string> PositiveLabels, IReadOnlyList<string> NegativeLabels, bool InTables);

/// <summary>What to report on: the results request (its breakdown gives the table columns, by default the target-group sets
/// as in seed 004), the trend granularity and the anonymity thresholds.</summary>
public sealed record ReportRequest(ResultsRequest Results, int K, int KComments)
{
    public PeriodGranularity TrendPeriod { get; init; } = PeriodGranularity.Quarter;

    /// <summary>The trend table's periods: month, quarter (the default) or year.</summary>
    public static PeriodGranularity ParsePeriod(string? text) => text?.ToLowerInvariant() switch
    {
        "month" => PeriodGranularity.Month,
        null or "quarter" => PeriodGranularity.Quarter,
        "year" => PeriodGranularity.Year,
        _ => throw new ResultsException("Results.Error.UnknownPeriod", text),
    };
}
