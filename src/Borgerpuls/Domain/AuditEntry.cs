namespace Borgerpuls.Domain;

/// <summary>An append-only record of who did what: sign-ins, configuration changes, imports, exports, views of comments.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Details { get; set; }
}
