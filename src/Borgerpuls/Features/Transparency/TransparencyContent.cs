using Borgerpuls.Domain;
using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Transparency;

/// <summary>What a published snapshot shows, as computed when it was published: only figures the results query showed
/// (at or above k, after complementary suppression); a hidden figure keeps only why it is hidden. Texts the citizen reads
/// are kept in every language they exist in, so any language can be shown later without asking the database again.</summary>
public sealed record TransparencyContent(
    string ScopeName, LocalizedText InstrumentNames, PeriodInfo Period, int K, long? Respondents, string? HiddenReason,
    IReadOnlyList<PublicQuestion> Questions, IReadOnlyList<PublicGroup> Groups, IReadOnlyList<PublicTarget> Targets,
    IReadOnlyList<PublicAction> Actions)
{
    /// <summary>The published service goals' compliance in the snapshot's scope and months (absent from older snapshots).</summary>
    public IReadOnlyList<PublicServiceGoal> ServiceGoals { get; init; } = [];
}

/// <summary>One question's positive share and its 95 % interval; no figures when hidden.</summary>
public sealed record PublicQuestion(int Number, LocalizedText Text, long? Base, double? Share, double? Low, double? High, string? HiddenReason);

/// <summary>One target group's average positive share over the questions and its interval; no figures when hidden.</summary>
public sealed record PublicGroup(LocalizedText Name, long? Respondents, double? Share, double? Low, double? High, string? HiddenReason);

/// <summary>A target (måltal) as judged on its own population and year within the snapshot's months.</summary>
public sealed record PublicTarget(string Name, LocalizedText Population, string Metric, string Direction, double? Value, double Threshold,
    bool? Met, bool? Significant, PeriodInfo Period, string? HiddenReason);

/// <summary>"Det har I sagt – det gør vi": an action the analyst chose, with its status and how its questions moved
/// (rendered per language when published, because the words come from the committee report's texts).</summary>
public sealed record PublicAction(string Title, string? Description, ActionStatus Status, DateOnly? Deadline, IReadOnlyList<int> QuestionNumbers,
    LocalizedText Effects);

/// <summary>A published service goal and how often it was kept, with the 95 % interval and whether the target share is met;
/// no share when there were no events to count.</summary>
public sealed record PublicServiceGoal(LocalizedText Names, LocalizedText Descriptions, double WithinHours, double TargetShare, int Kept, int Counted,
    double? Share, double? Low, double? High, bool? Met, bool? Significant);
