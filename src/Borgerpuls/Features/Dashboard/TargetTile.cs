using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Dashboard;

/// <summary>A target (måltal) as a tile: value, threshold, met or not, whether the difference from the threshold is significant,
/// and the change from the equally long period before (null when either is suppressed or empty).</summary>
public sealed record TargetTile(string Key, string Name, string Metric, string Direction, double? Value, double Threshold, bool? Met, bool? Significant, double? Change)
{
    /// <summary>Whom the target is about (null: all citizens), and the months it was judged on.</summary>
    public string? Population { get; init; }
    public PeriodInfo Period { get; init; } = new(null, null);
    public bool Suppressed { get; init; }
    public string? SuppressedReason { get; init; }

    /// <summary>The question the target follows and the centre it is about, for "create an action" from a missed target.</summary>
    public string? QuestionKey { get; init; }
    public string? JobCentre { get; init; }

    /// <summary>The targets that apply to the selection, each once, with the change from the equally long period before.</summary>
    public static IReadOnlyList<TargetTile> From(DashboardFigures figures)
    {
        var previous = figures.PreviousOverall.Targets.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value);
        return figures.Overall.Targets
            .Select(t => new TargetTile(t.Key, t.Name, t.Metric, t.Direction, t.Value, t.Threshold, t.Met, t.Significant,
                t.Value is { } now && previous.GetValueOrDefault(t.Key) is { } before ? now - before : null)
            {
                Population = t.Population, Period = t.Period, Suppressed = t.Suppressed, SuppressedReason = t.SuppressedReason,
                QuestionKey = t.QuestionKey, JobCentre = t.JobCentre,
            })
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }
}
