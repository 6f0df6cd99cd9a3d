namespace Borgerpuls.Domain;

public enum FollowUpStatus
{
    Open,
    Contacted,
    Closed,
}

/// <summary>An explicit, opt-in request to be contacted. It is personal data, stored apart from responses and never linked to one.</summary>
public sealed class FollowUpRequest
{
    public int Id { get; set; }
    public DateOnly CreatedOn { get; set; }
    public int JobCentreId { get; set; }
    public int? SiteId { get; set; }
    public required string Name { get; set; }
    public required string Phone { get; set; }
    public string? Message { get; set; }
    public FollowUpStatus Status { get; set; }
    public string? HandledBy { get; set; }
    public string? HandlingNote { get; set; }
}
