namespace Borgerpuls.Domain;

/// <summary>How many invitations one staff member (or case system) created for one job centre and questionnaire on one day.
/// It replaces an audit entry per invitation: entries with exact times follow the invitations' creation order, so together
/// with the used flag and the copied context they tied a response to the person who invited and when (docs/privacy.md,
/// "Threat model").</summary>
public sealed class InvitationTally
{
    public DateOnly Day { get; set; }
    public required string Actor { get; set; }
    public int JobCentreId { get; set; }
    public int InstrumentId { get; set; }
    public int Count { get; set; }
}
