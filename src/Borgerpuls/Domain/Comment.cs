namespace Borgerpuls.Domain;

/// <summary>A free-text answer, stored only after redaction, with the response's context copied for segmenting.</summary>
public sealed class Comment : IPlaced
{
    /// <summary>Internal key; it grows with every comment stored, so it never leaves the server.</summary>
    public long Id { get; set; }

    /// <summary>The id shown to staff (quotes, hide/unhide): random (UUID v4), so quotes cannot be put in the order they
    /// were written, below the hour that is stored.</summary>
    public Guid PublicId { get; set; } = Guid.NewGuid();
    public Guid ResponseId { get; set; }
    public int InstrumentId { get; set; }
    public required string QuestionKey { get; set; }
    public required string Text { get; set; }
    public List<string> Themes { get; set; } = [];
    public DateTime SubmittedHour { get; set; }
    public Channel Channel { get; set; }
    public int JobCentreId { get; set; }
    public int? SiteId { get; set; }
    public int? UnitId { get; set; }
    public int? TargetGroupId { get; set; }

    /// <summary>Hidden by staff as abusive or irrelevant: kept, audited and reversible.</summary>
    public bool Hidden { get; set; }
}
