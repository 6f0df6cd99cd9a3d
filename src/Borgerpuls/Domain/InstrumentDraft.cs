namespace Borgerpuls.Domain;

/// <summary>A questionnaire being built or changed in the web app, not yet asked of anyone. <see cref="Json"/> is a
/// configuration document holding this one instrument and the new scales it brings, so publishing it is exactly
/// <c>config apply</c> of that document.</summary>
public sealed class InstrumentDraft
{
    public const int MaxJson = 200_000;

    public int Id { get; set; }

    /// <summary>The key the instrument is published under; one open draft per instrument.</summary>
    public required string InstrumentKey { get; set; }
    public required string Json { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>Counts the saves; a form carries the revision it was shown with, so a change made meanwhile by someone else
    /// (or by the same form sent again) is refused instead of overwritten.</summary>
    public int Revision { get; set; }
}
