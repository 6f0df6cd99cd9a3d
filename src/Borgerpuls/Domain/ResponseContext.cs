namespace Borgerpuls.Domain;

/// <summary>The meeting context a response was given in, resolved to ids: what every breakdown segments by. A response copies
/// all of it and each of its comments the part comments are segmented by; <c>ResponseBuilder</c> is the one place that does
/// the copying, so a new context field is added here, on the entities and in that one place (a place field on
/// <see cref="IPlaced"/>, copied by <see cref="Placed.PlaceFrom"/>).</summary>
/// <remarks>The place members have setters only because <see cref="IPlaced"/> asks for them; a context is built once and
/// changed with <c>with</c>.</remarks>
public sealed record ResponseContext(int JobCentreId) : IPlaced
{
    public int JobCentreId { get; set; } = JobCentreId;
    public int? SiteId { get; set; }
    public int? UnitId { get; set; }
    public int? OfferId { get; init; }
    public int? TargetGroupId { get; set; }

    /// <summary>One of <see cref="Domain.MeetingType.All"/>, checked by the builder; never free text.</summary>
    public string? MeetingType { get; init; }
    public string Language { get; init; } = LocalizedText.Danish;

    /// <summary>Background variable key → option code, already checked against the configuration.</summary>
    public IReadOnlyDictionary<string, string> Background { get; init; } = new Dictionary<string, string>();
}
