namespace Borgerpuls.Domain;

public enum CampaignStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>A collection (indsamling): an instrument asked through one channel, somewhere, for a while, of some target groups.</summary>
public sealed class Campaign
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public int InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    public Channel Channel { get; set; }
    public int? JobCentreId { get; set; }
    public int? SiteId { get; set; }
    public int? UnitId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public CampaignStatus Status { get; set; }

    /// <summary>Target-group keys the campaign asks; empty means all.</summary>
    public List<string> TargetGroupKeys { get; set; } = [];
}
