namespace Borgerpuls.Domain;

public enum InsightSource
{
    FocusGroup,
    CitizenPanel,
    Borgerforetraede,
    Interview,
    Other,
}

/// <summary>Qualitative input (kvalitativt input) whose themes can be checked against the broader picture in the data.</summary>
public sealed class Insight
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public InsightSource Source { get; set; }
    public int? JobCentreId { get; set; }
    public int? TargetGroupId { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public List<string> Themes { get; set; } = [];
    public List<string> Quotes { get; set; } = [];
}
