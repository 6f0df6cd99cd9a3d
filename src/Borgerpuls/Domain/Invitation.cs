namespace Borgerpuls.Domain;

/// <summary>A one-time invitation bound to a meeting's context, never to a person. It keeps a hash of its token and a used flag,
/// and no time of use, so it cannot be tied to the response it produced (SPEC §3).</summary>
public sealed class Invitation : IPlaced
{
    /// <summary>Random (UUID v4), not a counter: ids in creation order could be lined up with whatever else was recorded in
    /// that order, such as who created invitations when.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TokenHash { get; set; }
    public int InstrumentId { get; set; }
    public int? CampaignId { get; set; }
    public int JobCentreId { get; set; }
    public int? SiteId { get; set; }
    public int? UnitId { get; set; }
    public int? TargetGroupId { get; set; }
    public string? MeetingType { get; set; }
    public DateOnly MeetingDate { get; set; }
    public DateOnly ExpiresOn { get; set; }

    /// <summary>Who referred the citizen (e.g. "sagsbehandler", "reception"), to study selection bias.</summary>
    public string? ReferredBy { get; set; }
    public bool Used { get; set; }
}
