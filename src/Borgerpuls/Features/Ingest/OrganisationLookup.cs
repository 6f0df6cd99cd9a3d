using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Ingest;

/// <summary>Organisation and taxonomy keys → ids, for validating a submission's context. Reloaded when a key is missing,
/// so configuration applied while the server runs is seen at once.</summary>
public sealed class OrganisationLookup(IServiceScopeFactory scopes)
{
    public sealed record Snapshot(
        IReadOnlyDictionary<string, int> JobCentres,
        IReadOnlyDictionary<string, (int Id, int JobCentreId, int RepeatSeconds)> Sites,
        IReadOnlyDictionary<string, (int Id, int SiteId)> Units,
        IReadOnlyDictionary<string, int> Offers,
        IReadOnlyDictionary<string, int> TargetGroups,
        IReadOnlyDictionary<int, string> JobCentreKeys,
        IReadOnlyDictionary<string, IReadOnlySet<string>> BackgroundOptions);

    private Snapshot? _snapshot;

    public async Task<Snapshot> GetAsync(CancellationToken ct, bool reload = false)
    {
        if (_snapshot is { } s && !reload)
        {
            return s;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BorgerpulsDb>();
        var centres = await db.JobCentres.AsNoTracking().ToListAsync(ct);
        var snapshot = new Snapshot(
            centres.ToDictionary(j => j.Key, j => j.Id),
            await db.Sites.AsNoTracking().ToDictionaryAsync(x => x.Key, x => (x.Id, x.JobCentreId, x.KioskRepeatWindowSeconds), ct),
            await db.Units.AsNoTracking().ToDictionaryAsync(x => x.Key, x => (x.Id, x.SiteId), ct),
            await db.Offers.AsNoTracking().ToDictionaryAsync(x => x.Key, x => x.Id, ct),
            await db.TargetGroups.AsNoTracking().ToDictionaryAsync(x => x.Key, x => x.Id, ct),
            centres.ToDictionary(j => j.Id, j => j.Key),
            (await db.BackgroundVariables.AsNoTracking().ToListAsync(ct)).ToDictionary(v => v.Key, v => (IReadOnlySet<string>)v.Options.Select(o => o.Code).ToHashSet()));
        _snapshot = snapshot;
        return snapshot;
    }

    public async Task<Snapshot> WithKeysAsync(IEnumerable<string?> jobCentres, IEnumerable<string?> sites, CancellationToken ct)
    {
        var snapshot = await GetAsync(ct);
        var missing = jobCentres.Any(k => k is not null && !snapshot.JobCentres.ContainsKey(k)) || sites.Any(k => k is not null && !snapshot.Sites.ContainsKey(k));
        return missing ? await GetAsync(ct, reload: true) : snapshot;
    }
}
