namespace Borgerpuls.Domain;

public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// <summary>An initiative (handling) in an action plan, linked to the questions and themes it should move.</summary>
public sealed class ActionItem
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? JobCentreId { get; set; }
    public string? InstrumentKey { get; set; }
    public List<string> QuestionKeys { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public string? Owner { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? Deadline { get; set; }
    public ActionStatus Status { get; set; }
    public string? ExpectedEffect { get; set; }
}
