namespace Borgerpuls.Domain;

/// <summary>A free-text answer, stored only after redaction, with the response's context copied for segmenting.</summary>
public sealed class Comment
{
    public long Id { get; set; }
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
