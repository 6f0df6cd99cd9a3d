using Borgerpuls.Analysis;
namespace Borgerpuls.Features.Results;

/// <summary>The results document of SPEC §6. Shares are fractions 0–1; a suppressed cell carries no figures.</summary>
public sealed record ResultsReport(
    string Instrument, string? By, PeriodInfo Period, int K, long LeftOutKioskRepeats, IReadOnlyList<GroupResult> Groups)
{
    /// <summary>The second dimension of a two-way table, whose groups are keyed by both; absent for one-way results.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? By2 { get; init; }

    /// <summary>The instrument's targets (måltal) that apply to the selection, each once, on its own year, job centre and
    /// target group — never per group of the breakdown.</summary>
    public IReadOnlyList<TargetResult> Targets { get; init; } = [];
}

public sealed record PeriodInfo(string? From, string? To);

public sealed record GroupResult(
    IReadOnlyDictionary<string, string> Key, string Label, long? Respondents, bool Suppressed,
    IReadOnlyList<QuestionResult> Questions, AverageResult? Average)
{
    /// <summary>Where the denominator is known (tablet hand-overs, invitations): answered ÷ offered, with a warning when low.
    /// Null when the group has no such channel, when it is suppressed, or for breakdowns the denominators do not carry.</summary>
    public ResponseRateResult? ResponseRate { get; init; }

    /// <summary>The respondents behind the shown group as told to the differencing guard (null when it does not apply), so
    /// that a caller who hides the group afterwards can take it back; never serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Security.Anonymity.RespondentSet? Disclosed { get; init; }

    /// <summary>Why the group is hidden (<see cref="HiddenBecause"/>); null when it is shown.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? SuppressedReason { get; init; }

    /// <summary>The targets whose population this group is (SPEC §6) — the same evaluations as the report's
    /// <see cref="ResultsReport.Targets"/>, so on the target's year, not necessarily on this group's period.</summary>
    public IReadOnlyList<TargetResult> Targets { get; init; } = [];
}

/// <summary>Offered = tablet answers + declined hand-overs + invitations issued + paper forms handed out; answered = tablet
/// answers + invitations used + paper answers in the months whose forms handed out were recorded.</summary>
/// <param name="DiffersFromRest">The rate differs strongly (significantly, and by at least 15 points) from the other shown
/// groups' rate together.</param>
public sealed record ResponseRateResult(long Offered, long Answered, double Rate, bool Low, bool DiffersFromRest = false)
{
    /// <summary>The group's invitations per referral source, so that caseworker-chosen invitations can be compared with the
    /// others; null when the group has no invitations.</summary>
    public IReadOnlyList<ReferralRateResult>? ByReferral { get; init; }
}

/// <summary>Invitations of one referral source (<c>ikke-oplyst</c> when not stated): issued, used, and whether the rate
/// differs strongly from the group's other referral sources together.</summary>
public sealed record ReferralRateResult(string ReferredBy, long Offered, long Answered, double Rate, bool Low, bool DiffersFromRest);

public sealed record QuestionResult(
    string Key, long? Base, double? Positive, double? Neutral, double? Negative, long? Excluded, double? Mean,
    double[]? PositiveCi, double[]? NegativeCi, double[]? MeanCi, bool Suppressed)
{
    /// <summary>With a breakdown by period: the change of the positive share from the previous period and its test.</summary>
    public ChangeResult? Change { get; init; }

    /// <summary>The counts and sums behind the shown figures (null when hidden): tests between groups start from these, not
    /// from the rounded shares. Never written out.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public QuestionFigures? Figures { get; init; }

    /// <summary>Why the cell is hidden (<see cref="HiddenBecause"/>); null when it is shown.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? SuppressedReason { get; init; }

    /// <summary>With three or more groups: the positive share against the other shown groups together, Holm-adjusted over
    /// the groups (<see cref="GroupsAgainstRest"/>); null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RestResult? VersusRest { get; init; }
}

public sealed record RestResult(double Difference, string Test, double PValue, double AdjustedPValue, bool Significant);

/// <summary>Why a figure is hidden: its own base is below the threshold, or it is large enough but hidden with a small one
/// (complementary suppression), because the total minus the shown groups would otherwise give the small one away.</summary>
public static class HiddenBecause
{
    public const string FewerThanK = "fewerThanK";
    public const string Complementary = "complementary";

    public static bool IsComplementary(string? reason) => reason == Complementary;

    /// <summary>What a hidden figure says, in every output: "færre end 5 svar" only where its own base is below k; a cell
    /// hidden with a small one says why it is hidden.</summary>
    public static string Text(string? reason, int k, System.Globalization.CultureInfo culture) => IsComplementary(reason)
        ? Localization.SharedTexts.Get("Hidden.Complementary", culture)
        : Localization.SharedTexts.Format(culture, "Hidden.FewerThanK", k);
}

public sealed record ChangeResult(string From, double Difference, string Test, double PValue, bool Significant);

public sealed record AverageResult(
    double? PositiveMeanOfQuestions, double? NegativeMeanOfQuestions, double? PositivePooled, double? NegativePooled,
    double[]? PositiveMeanOfQuestionsCi, double[]? PositivePooledCi);

/// <summary>A target evaluated on its population: <see cref="Population"/> names its target group or set (null: all
/// citizens), <see cref="JobCentre"/> its centre (null: every centre in the selection), <see cref="Period"/> the months it was
/// evaluated on — its year within the selection. <see cref="Suppressed"/>: fewer respondents than the threshold, no value.</summary>
public sealed record TargetResult(string Key, string Name, string Metric, string Direction, double? Value, double Threshold, bool? Met, bool? Significant)
{
    public int? Year { get; init; }

    /// <summary>The question a target follows (null: the average over the questions).</summary>
    public string? QuestionKey { get; init; }
    public string? JobCentre { get; init; }
    public string? TargetGroupSet { get; init; }
    public string? TargetGroup { get; init; }
    public string? Population { get; init; }
    public PeriodInfo Period { get; init; } = new(null, null);
    public long? Respondents { get; init; }
    public bool Suppressed { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? SuppressedReason { get; init; }
}
