using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Results;

/// <summary>Keys and names of the organisation and taxonomy, for turning cell ids into output keys and filter keys into ids.
/// Small (hundreds of rows); queries take it from the database's <see cref="ReferenceCatalog"/>, which reads it again after
/// <see cref="ReferenceData.MaxAge"/>.</summary>
internal sealed record OrganisationIndex(
    IReadOnlyDictionary<int, (string Key, string Name)> JobCentres,
    IReadOnlyDictionary<int, (string Key, string Name)> Sites,
    IReadOnlyDictionary<int, (string Key, string Name)> Units,
    IReadOnlyDictionary<int, (string Key, string Name)> Offers,
    IReadOnlyDictionary<int, (string Key, LocalizedText Names)> TargetGroups,
    IReadOnlyDictionary<string, (int Id, LocalizedText Names, IReadOnlySet<int> Members)> Sets,
    IReadOnlyDictionary<string, BackgroundVariable> BackgroundVariables)
{
    public static async Task<OrganisationIndex> LoadAsync(BorgerpulsDb db, CancellationToken ct) => new(
        await db.JobCentres.AsNoTracking().ToDictionaryAsync(x => x.Id, x => (x.Key, x.Name), ct),
        await db.Sites.AsNoTracking().ToDictionaryAsync(x => x.Id, x => (x.Key, x.Name), ct),
        await db.Units.AsNoTracking().ToDictionaryAsync(x => x.Id, x => (x.Key, x.Name), ct),
        await db.Offers.AsNoTracking().ToDictionaryAsync(x => x.Id, x => (x.Key, x.Name), ct),
        await db.TargetGroups.AsNoTracking().ToDictionaryAsync(x => x.Id, x => (x.Key, x.Names), ct),
        (await db.TargetGroupSets.AsNoTracking().Include(s => s.Members).ToListAsync(ct))
            .ToDictionary(s => s.Key, s => (s.Id, s.Names, (IReadOnlySet<int>)s.Members.Select(m => m.Id).ToHashSet())),
        await db.BackgroundVariables.AsNoTracking().ToDictionaryAsync(v => v.Key, ct));

    /// <param name="unknown">The resource key that says the key is unknown, e.g. <c>Results.Error.UnknownSite</c>.</param>
    public int IdOf(IReadOnlyDictionary<int, (string Key, string Name)> map, string key, string unknown) =>
        map.FirstOrDefault(kv => kv.Value.Key == key) is { Value.Key: not null } hit ? hit.Key : throw new ResultsException(unknown, key);

    public int TargetGroupId(string key) =>
        TargetGroups.FirstOrDefault(kv => kv.Value.Key == key) is { Value.Key: not null } hit ? hit.Key : throw new ResultsException("Results.Error.UnknownTargetGroup", key);

    public BackgroundVariable Background(string key) => BackgroundVariables.TryGetValue(key, out var variable) ? variable
        : throw (BackgroundVariables.Count == 0 ? new ResultsException("Results.Error.UnknownBackgroundVariableNoneConfigured", key)
            : new ResultsException("Results.Error.UnknownBackgroundVariable", key, string.Join(", ", BackgroundVariables.Keys.Order(StringComparer.Ordinal))));
}
