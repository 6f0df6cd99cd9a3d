using Borgerpuls.Domain;

namespace Borgerpuls.Analysis;

/// <summary>A target (måltal) evaluated on the unrounded value. <see cref="Significant"/>: the threshold lies outside the
/// value's 95 % interval, so the difference is more than chance — 6.3 % against "at most 6 %" reads "not met — not
/// significantly different".</summary>
public sealed record TargetStatus(double Value, double Threshold, TargetDirection Direction, bool Met, bool Significant)
{
    public static TargetStatus Evaluate(double value, Interval? interval, double threshold, TargetDirection direction)
    {
        var met = direction == TargetDirection.AtLeast ? value >= threshold : value <= threshold;
        var significant = interval is { } i && !double.IsNaN(i.Low) && !i.Contains(threshold);
        return new TargetStatus(value, threshold, direction, met, significant);
    }
}
