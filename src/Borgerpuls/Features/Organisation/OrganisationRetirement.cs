using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Organisation;

/// <summary>Retires a part of the organisation or takes it back into use. Nothing is deleted: a retired one is no longer
/// offered for new work (<see cref="Shared.Choices"/>), but every response, campaign, target, device and import that names it
/// stays valid, and answers naming it — also those still queued on a kiosk — are received as before (docs/decisions/0015).
/// Refused while it would strand something in use: a job centre with sites in use, a site with devices not revoked; and a
/// site or team is not taken back into use under a retired parent. The municipality itself is not retired here.</summary>
public sealed class OrganisationRetirement(BorgerpulsDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<(string? Name, List<OrganisationProblem> Problems)> RetireAsync(OrganisationKind kind, int id, CancellationToken ct)
    {
        if (kind == OrganisationKind.Municipality) return (null, [new("Org.MunicipalityNotRetired")]);
        if (kind == OrganisationKind.JobCentre)
        {
            var sites = await db.Sites.Where(s => s.JobCentreId == id && s.RetiredAt == null).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);
            if (sites.Count > 0) return (null, [new("Org.CentreHasSites", string.Join(", ", sites))]);
        }
        if (kind == OrganisationKind.Site)
        {
            var devices = await db.Devices.Where(d => d.SiteId == id && d.RevokedAt == null).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
            if (devices.Count > 0) return (null, [new("Org.SiteHasDevices", string.Join(", ", devices))]);
        }
        return await SetAsync(kind, id, clock.GetUtcNow().UtcDateTime, AuditActions.OrganisationRetire, ct);
    }

    public async Task<(string? Name, List<OrganisationProblem> Problems)> ReactivateAsync(OrganisationKind kind, int id, CancellationToken ct)
    {
        var parentRetired = kind switch
        {
            OrganisationKind.Site => await db.Sites.AnyAsync(s => s.Id == id && s.JobCentre!.RetiredAt != null, ct),
            OrganisationKind.Unit => await db.Units.AnyAsync(u => u.Id == id && u.Site!.RetiredAt != null, ct),
            _ => false,
        };
        if (parentRetired) return (null, [new("Org.ParentRetired")]);
        return await SetAsync(kind, id, null, AuditActions.OrganisationReactivate, ct);
    }

    /// <summary>Sets the retirement as one conditional update, so that of two clicks at once (or a second click later) one
    /// changes it and writes the audit line, and the other changes nothing. Retiring again keeps the first date.</summary>
    private async Task<(string? Name, List<OrganisationProblem> Problems)> SetAsync(OrganisationKind kind, int id, DateTime? at, string action, CancellationToken ct)
    {
        var found = kind switch
        {
            OrganisationKind.JobCentre => await Apply(db.JobCentres, x => (x.Key, x.Name)),
            OrganisationKind.Site => await Apply(db.Sites, x => (x.Key, x.Name)),
            OrganisationKind.Unit => await Apply(db.Units, x => (x.Key, x.Name)),
            OrganisationKind.Offer => await Apply(db.Offers, x => (x.Key, x.Name)),
            OrganisationKind.TargetGroup => await Apply(db.TargetGroups, x => (x.Key, x.Names.Da)),
            OrganisationKind.TargetGroupSet => await Apply(db.TargetGroupSets, x => (x.Key, x.Names.Da)),
            _ => await Apply(db.BackgroundVariables, x => (x.Key, x.Names.Da)),
        };
        if (found is not { } f) return (null, [new("Org.NotFound")]);
        if (f.Changed) await audit.WriteAsync(action, $"{kind} {f.Key} \"{f.Name}\"", ct: ct);
        return (f.Name, []);

        async Task<(string Key, string Name, bool Changed)?> Apply<T>(DbSet<T> set, Func<T, (string, string)> label) where T : class, IRetirable
        {
            var entity = await set.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (entity is null) return null;
            var changed = at is null
                ? await set.Where(x => x.Id == id && x.RetiredAt != null).ExecuteUpdateAsync(u => u.SetProperty(x => x.RetiredAt, (DateTime?)null), ct)
                : await set.Where(x => x.Id == id && x.RetiredAt == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.RetiredAt, at), ct);
            var (key, name) = label(entity);
            return (key, name, changed == 1);
        }
    }
}
