namespace Borgerpuls.Features.Retention;

/// <summary>How long each kind of data is kept (configuration section <c>Retention</c>); 0 keeps it forever.</summary>
public sealed record RetentionOptions
{
    public int ResponsesMonths { get; init; } = 60;
    public int CommentsMonths { get; init; } = 24;
    public int AuditMonths { get; init; } = 60;
    public int FollowUpDays { get; init; } = 90;
}
