using Borgerpuls.Domain;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The dimensions of a <see cref="ThemeCell"/>; "none" is 0 or "".</summary>
public readonly record struct ThemeCellKey(int InstrumentId, int Month, int JobCentreId, int SiteId, int UnitId, int TargetGroupId, string Channel, string Theme);

/// <summary>What comments add to (or, hidden, take from) the theme cells, merged in memory so each cell is written once.</summary>
public sealed class ThemeCounts
{
    public Dictionary<ThemeCellKey, long> Cells { get; } = [];

    /// <summary>Counts a visible comment under "" and under each of its stored themes; <paramref name="sign"/> −1 takes it away.</summary>
    public void Add(Comment comment, int sign = 1)
    {
        var month = CellKey.MonthOf(comment.SubmittedHour);
        var channel = comment.Channel.ToString();
        foreach (var theme in comment.Themes.Prepend(""))
        {
            var key = new ThemeCellKey(comment.InstrumentId, month, comment.JobCentreId, comment.SiteId ?? 0, comment.UnitId ?? 0, comment.TargetGroupId ?? 0, channel, theme);
            Cells[key] = Cells.GetValueOrDefault(key) + sign;
        }
    }
}
