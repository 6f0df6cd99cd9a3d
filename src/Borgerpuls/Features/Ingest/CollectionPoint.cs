using Borgerpuls.Domain;

namespace Borgerpuls.Features.Ingest;

/// <summary>Where a submission comes from and which parts of its context the client may set. A kiosk's context is all
/// fixed by its registration; a tablet's staff pick unit, target group and meeting type; an invitation fixes everything
/// but the language.</summary>
public sealed record CollectionPoint(Channel Channel, string? InstrumentKey)
{
    public int? JobCentreId { get; init; }
    public int? SiteId { get; init; }
    public int? UnitId { get; init; }
    public int? TargetGroupId { get; init; }
    public string? MeetingType { get; init; }
    public int? CampaignId { get; init; }
    public int? DeviceId { get; init; }
    public int RepeatWindowSeconds { get; init; } = 5;

    /// <summary>Hash of the invitation token the response consumes, if any; it is never stored with the response.</summary>
    public string? InvitationTokenHash { get; init; }

    public bool ClientSetsUnit { get; init; }
    public bool ClientSetsTargetGroup { get; init; }
    public bool ClientSetsOrganisation { get; init; }

    /// <summary>Job centres the submitting staff member may enter data for (paper entry); null = no restriction.</summary>
    public IReadOnlySet<int>? AllowedJobCentres { get; init; }

    /// <summary>This point fixed to <paramref name="place"/>. A point is not itself an <see cref="IPlaced"/>: its job centre
    /// may be open for the client to choose (a web campaign across the organisation).</summary>
    public CollectionPoint At(IPlaced place) => this with
    {
        JobCentreId = place.JobCentreId, SiteId = place.SiteId, UnitId = place.UnitId, TargetGroupId = place.TargetGroupId,
    };
}
