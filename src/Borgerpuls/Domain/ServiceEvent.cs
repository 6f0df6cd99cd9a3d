namespace Borgerpuls.Domain;

/// <summary>One event from a job centre's event log (an inquiry received, and when it was answered or acknowledged),
/// imported to measure the service goals (<see cref="ServiceGoal"/>). Times are UTC.</summary>
public sealed class ServiceEvent
{
    public const int MaxEventKey = 200, MaxKind = 100;

    public int Id { get; set; }

    /// <summary>The event's id in the log it came from; unique per job centre.</summary>
    public required string EventKey { get; set; }
    public required string Kind { get; set; }
    public int JobCentreId { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>When it was answered or acknowledged; null while the log says it is not yet.</summary>
    public DateTime? HandledAt { get; set; }
}
