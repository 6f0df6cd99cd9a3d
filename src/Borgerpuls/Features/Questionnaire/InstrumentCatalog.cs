using System.Collections.Concurrent;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Questionnaire;

/// <summary>Loads instrument versions for collection, validation and import. Versions are immutable and cached forever;
/// which version is newest is looked up again after a short while, so a newly published version is picked up.</summary>
public sealed class InstrumentCatalog(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan LatestTtl = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<int, InstrumentDefinition> _versions = new();
    private readonly ConcurrentDictionary<string, (int VersionId, DateTimeOffset At)> _latest = new(StringComparer.Ordinal);

    public async Task<InstrumentDefinition?> LatestAsync(string instrumentKey, CancellationToken ct = default)
    {
        if (_latest.TryGetValue(instrumentKey, out var cached) && clock.GetUtcNow() - cached.At < LatestTtl)
        {
            return await VersionAsync(cached.VersionId, ct);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BorgerpulsDb>();
        var versionId = await db.InstrumentVersions.Where(v => v.Instrument!.Key == instrumentKey && v.PublishedAt != null)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        if (versionId is null)
        {
            return null;
        }
        _latest[instrumentKey] = (versionId.Value, clock.GetUtcNow());
        return await VersionAsync(versionId.Value, ct);
    }

    public async Task<InstrumentDefinition> VersionAsync(int versionId, CancellationToken ct = default)
    {
        if (_versions.TryGetValue(versionId, out var definition))
        {
            return definition;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BorgerpulsDb>();
        definition = await LoadAsync(db, versionId, ct);
        return _versions.GetOrAdd(versionId, definition);
    }

    private static readonly ConcurrentDictionary<(string Database, int Version), InstrumentDefinition> Immutable = new();

    /// <summary>A published version never changes, so it is loaded once per database and process.</summary>
    public static async Task<InstrumentDefinition> CachedAsync(BorgerpulsDb db, Data.DatabaseSetup.Target target, int versionId, CancellationToken ct)
    {
        if (Immutable.TryGetValue((target.ConnectionString, versionId), out var cached))
        {
            return cached;
        }
        var loaded = await LoadAsync(db, versionId, ct);
        return Immutable.GetOrAdd((target.ConnectionString, versionId), loaded);
    }

    public static async Task<InstrumentDefinition> LoadAsync(BorgerpulsDb db, int versionId, CancellationToken ct)
    {
        var version = await db.InstrumentVersions.AsNoTracking().Include(v => v.Instrument)
            .Include(v => v.Questions).ThenInclude(q => q.Scale!).ThenInclude(s => s.Options)
            .SingleAsync(v => v.Id == versionId, ct);
        var questions = new List<QuestionDefinition>();
        if (version.ExtendsVersionId is { } core)
        {
            questions.AddRange((await LoadAsync(db, core, ct)).Questions);
        }
        questions.AddRange(version.Questions.OrderBy(q => q.Position).Select(q => new QuestionDefinition(
            q.Key, q.Type, q.Texts, q.Scale?.Key,
            q.Scale?.Options.OrderBy(o => o.Position).Select(o => new OptionDefinition(o.Code, o.Labels, o.Value, o.Polarity)).ToList() ?? [],
            q.IsOverall, q.Required, q.ShowAfterKey, q.Theme, q.Touchpoint)));
        var instrument = version.Instrument!;
        return new InstrumentDefinition(instrument.Id, instrument.Key, instrument.Names, instrument.Kind, version.Id, version.Number, questions);
    }
}
