using System.Collections.Concurrent;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Questionnaire;

/// <summary>Loads instrument versions for collection, validation and import. Versions are immutable and cached forever;
/// which published version is newest is read again for all instruments at once after <see cref="ReferenceData.MaxAge"/>, so a
/// version or instrument published by another process is picked up within seconds, and an unknown key costs no query.</summary>
public sealed class InstrumentCatalog
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ConcurrentDictionary<int, InstrumentDefinition> _versions = new();
    private readonly Refreshing<IReadOnlyDictionary<string, int>> _latest;

    public InstrumentCatalog(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _latest = new Refreshing<IReadOnlyDictionary<string, int>>(LoadLatestAsync);
    }

    public async Task<InstrumentDefinition?> LatestAsync(string instrumentKey, CancellationToken ct = default) =>
        (await _latest.GetAsync(ct)).TryGetValue(instrumentKey, out var versionId) ? await VersionAsync(versionId, ct) : null;

    private async Task<IReadOnlyDictionary<string, int>> LoadLatestAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BorgerpulsDb>();
        // A few rows per instrument; the newest is picked here rather than with a per-group subquery both providers must translate.
        var published = await db.InstrumentVersions.AsNoTracking().Published()
            .Select(v => new { v.Instrument!.Key, v.Number, v.Id }).ToListAsync(ct);
        return published.GroupBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Id, StringComparer.Ordinal);
    }

    public async Task<InstrumentDefinition> VersionAsync(int versionId, CancellationToken ct = default)
    {
        if (_versions.TryGetValue(versionId, out var definition))
        {
            return definition;
        }
        await using var scope = _scopes.CreateAsyncScope();
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
