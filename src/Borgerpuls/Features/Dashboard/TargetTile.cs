using Borgerpuls.Features.Results;

namespace Borgerpuls.Features.Dashboard;

/// <summary>A target (måltal) as a tile: value, threshold, met or not, whether the difference from the threshold is significant,
/// and the change from the equally long period before (null when either is suppressed or empty).</summary>
public sealed record TargetTile(string Key, string Name, string Metric, string Direction, double? Value, double Threshold, bool? Met, bool? Significant, double? Change)
{
    /// <summary>The targets that apply to the selection as a whole and to each target-group set in it, each once.</summary>
    public static IReadOnlyList<TargetTile> From(DashboardFigures figures)
    {
        static IEnumerable<TargetResult> All(ResultsReport overall, ResultsReport bySet) =>
            overall.Groups.SelectMany(g => g.Targets).Concat(bySet.Groups.SelectMany(g => g.Targets));
        var previous = All(figures.PreviousOverall, figures.PreviousBySet).Where(t => t.Value is not null).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First().Value);
        return All(figures.Overall, figures.BySet).GroupBy(t => t.Key).Select(g => g.First())
            .Select(t => new TargetTile(t.Key, t.Name, t.Metric, t.Direction, t.Value, t.Threshold, t.Met, t.Significant,
                t.Value is { } now && previous.GetValueOrDefault(t.Key) is { } before ? now - before : null))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }
}
