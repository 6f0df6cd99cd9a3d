namespace Borgerpuls.Security.Anonymity;

/// <summary>A respondent set a guarded user (committee member, manager) was shown: what the differencing guard compares later
/// requests with, in the database so that it survives restarts and is shared by every instance. Holds counts per aggregate
/// cell only, nothing about any one citizen.</summary>
public sealed class DisclosedSet
{
    public long Id { get; set; }
    public required string User { get; set; }
    public int InstrumentId { get; set; }
    public long Respondents { get; set; }
    public required string Fingerprint { get; set; }

    /// <summary>Hash of the question that showed it (<see cref="RespondentSet.Definition"/>).</summary>
    public required string Definition { get; set; }
    public required byte[] Cells { get; set; }

    /// <summary>When it was last shown: the window runs from here.</summary>
    public DateTime At { get; set; }
}
