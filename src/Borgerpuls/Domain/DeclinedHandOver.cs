namespace Borgerpuls.Domain;

/// <summary>A hand-over the citizen declined ("ønskede ikke at svare"), tapped by staff on the tablet: the denominator of the
/// response rate (SPEC §5). It holds the meeting's context and the hour, no answers and nothing about the citizen.</summary>
public sealed class DeclinedHandOver : IPlaced
{
    /// <summary>Client-generated random UUID v4, so the tablet's retries never count a refusal twice.</summary>
    public Guid Id { get; set; }
    public int InstrumentId { get; set; }
    public Channel Channel { get; set; } = Channel.Tablet;
    public DateTime Hour { get; set; }
    public int JobCentreId { get; set; }
    public int? SiteId { get; set; }
    public int? UnitId { get; set; }
    public int? TargetGroupId { get; set; }
    public string? MeetingType { get; set; }
}
