using Borgerpuls.Data;
using Borgerpuls.Domain;

namespace Borgerpuls.Security;

/// <summary>Writes to the append-only audit log on behalf of the signed-in user (or the named system actor).</summary>
public sealed class AuditLog(BorgerpulsDb db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Who entries are written for: the signed-in user, or "system".</summary>
    public string CurrentActor => http.HttpContext?.User.Identity?.Name ?? "system";

    public async Task WriteAsync(string action, string? details = null, string? actor = null, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor ?? CurrentActor,
            Action = action,
            Details = details,
        });
        await db.SaveChangesAsync(ct);
    }
}
