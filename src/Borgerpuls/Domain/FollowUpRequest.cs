namespace Borgerpuls.Domain;

public enum FollowUpStatus
{
    Open,
    Contacted,
    Closed,
}

/// <summary>An explicit, opt-in request to be contacted. It is personal data, stored apart from responses and never linked to
/// one: its id is the random token of the page that offered it (not the response's), only the Danish date is kept, and
/// nothing about the answers, the language or the device (docs/follow-up.md).</summary>
public sealed class FollowUpRequest
{
    /// <summary>A random UUID v4 generated when the offer was shown; a form sent twice carries the same one and stores one request.</summary>
    public Guid Id { get; set; }

    public DateOnly CreatedOn { get; set; }
    public int JobCentreId { get; set; }
    public int? SiteId { get; set; }
    public required string Name { get; set; }
    public required string Phone { get; set; }
    public string? Message { get; set; }
    public FollowUpStatus Status { get; set; }
    public string? HandledBy { get; set; }
    public DateOnly? HandledOn { get; set; }
    public string? HandlingNote { get; set; }
}
