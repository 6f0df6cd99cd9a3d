using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Ingest;

/// <summary>Organisation and taxonomy keys → ids, for validating a submission's context, as the database's
/// <see cref="ReferenceCatalog"/> holds them: read again once older than <see cref="ReferenceData.MaxAge"/>, so configuration
/// applied by another process (<c>config apply</c>) while the server runs is accepted within seconds, without a reload per
/// request (an unknown key in a submission does not trigger one).</summary>
public sealed class OrganisationLookup(BorgerpulsDbFactory databases)
{
    public sealed record Snapshot(
        IReadOnlyDictionary<string, int> JobCentres,
        IReadOnlyDictionary<string, (int Id, int JobCentreId, int RepeatSeconds)> Sites,
        IReadOnlyDictionary<string, (int Id, int SiteId)> Units,
        IReadOnlyDictionary<string, int> Offers,
        IReadOnlyDictionary<string, int> TargetGroups,
        IReadOnlyDictionary<int, string> JobCentreKeys,
        IReadOnlyDictionary<string, IReadOnlySet<string>> BackgroundOptions);

    public Task<Snapshot> GetAsync(CancellationToken ct) => databases.Catalog.LookupAsync(ct);

    internal static async Task<Snapshot> LoadAsync(BorgerpulsDb db, CancellationToken ct)
    {
        var centres = await db.JobCentres.AsNoTracking().ToListAsync(ct);
        return new Snapshot(
            centres.ToDictionary(j => j.Key, j => j.Id),
            await db.Sites.AsNoTracking().ToDictionaryAsync(x => x.Key, x => (x.Id, x.JobCentreId, x.KioskRepeatWindowSeconds), ct),
            await db.Units.AsNoTracking().ToDictionaryAsync(x => x.Key, x => (x.Id, x.SiteId), ct),
            await db.Offers.AsNoTracking().ToDictionaryAsync(x => x.Key, x => x.Id, ct),
            await db.TargetGroups.AsNoTracking().ToDictionaryAsync(x => x.Key, x => x.Id, ct),
            centres.ToDictionary(j => j.Id, j => j.Key),
            (await db.BackgroundVariables.AsNoTracking().ToListAsync(ct)).ToDictionary(v => v.Key, v => (IReadOnlySet<string>)v.Options.Select(o => o.Code).ToHashSet()));
    }
}
