namespace Borgerpuls.Domain;

/// <summary>Staff handed out <see cref="Count"/> paper forms of an instrument in a context during a month: the denominator of
/// the paper response rate (SPEC §5). Who recorded it is in the audit log, not here.</summary>
public sealed class PaperDistribution : IPlaced
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public int JobCentreId { get; set; }
    public int? SiteId { get; set; }
    public int? UnitId { get; set; }
    public int? TargetGroupId { get; set; }

    /// <summary>The first day of the month the forms were handed out in.</summary>
    public DateOnly Month { get; set; }
    public int Count { get; set; }
    public DateTime RecordedAt { get; set; }
}
