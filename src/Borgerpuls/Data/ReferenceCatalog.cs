using System.Collections.Concurrent;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data;

/// <summary>The reference data of one database held in memory: the organisation and taxonomy (as queries and as ingest read
/// them), which published version of each instrument is the newest, and the versions with their questions and scales. One per
/// database and host, held by its <see cref="BorgerpulsDbFactory"/> (a singleton in the web app, one per command-line verb),
/// so two databases in one process never share a copy. One invalidation rule for all of it: a copy older than
/// <see cref="ReferenceData.MaxAge"/> is read again on next use, so a change written by another process (<c>config apply</c>,
/// a second server) is seen within seconds. A version is the exception: it never changes once written, so it is kept.</summary>
public sealed class ReferenceCatalog
{
    private readonly BorgerpulsDbFactory _databases;
    private readonly ConcurrentDictionary<int, InstrumentDefinition> _versions = new();
    private readonly Refreshing<IReadOnlyDictionary<string, int>> _latest;
    private readonly Refreshing<OrganisationIndex> _organisation;
    private readonly Refreshing<OrganisationLookup.Snapshot> _lookup;

    public ReferenceCatalog(BorgerpulsDbFactory databases)
    {
        _databases = databases;
        _latest = new(ct => ReadAsync(LoadLatestAsync, ct));
        _organisation = new(ct => ReadAsync(OrganisationIndex.LoadAsync, ct));
        _lookup = new(ct => ReadAsync(OrganisationLookup.LoadAsync, ct));
    }

    /// <summary>Keys and names of the organisation and taxonomy, for turning cell ids into output keys and filter keys into ids.</summary>
    internal Task<OrganisationIndex> OrganisationAsync(CancellationToken ct) => _organisation.GetAsync(ct);

    /// <summary>Organisation and taxonomy keys → ids, for validating a submission's context (an unknown key costs no query).</summary>
    public Task<OrganisationLookup.Snapshot> LookupAsync(CancellationToken ct) => _lookup.GetAsync(ct);

    /// <summary>The newest published version of an instrument, or null for an unknown key (which costs no query).</summary>
    public async Task<InstrumentDefinition?> LatestAsync(string instrumentKey, CancellationToken ct) =>
        (await _latest.GetAsync(ct)).TryGetValue(instrumentKey, out var versionId) ? await VersionAsync(versionId, ct) : null;

    public async Task<InstrumentDefinition> VersionAsync(int versionId, CancellationToken ct)
    {
        if (_versions.TryGetValue(versionId, out var definition))
        {
            return definition;
        }
        definition = await ReadAsync((db, c) => InstrumentCatalog.LoadAsync(db, versionId, c), ct);
        return _versions.GetOrAdd(versionId, definition);
    }

    private async Task<T> ReadAsync<T>(Func<BorgerpulsDb, CancellationToken, Task<T>> load, CancellationToken ct)
    {
        await using var db = _databases.Create();
        return await load(db, ct);
    }

    private static async Task<IReadOnlyDictionary<string, int>> LoadLatestAsync(BorgerpulsDb db, CancellationToken ct)
    {
        // A few rows per instrument; the newest is picked here rather than with a per-group subquery both providers must translate.
        var published = await db.InstrumentVersions.AsNoTracking().Published()
            .Select(v => new { v.Instrument!.Key, v.Number, v.Id }).ToListAsync(ct);
        return published.GroupBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Id, StringComparer.Ordinal);
    }
}
