using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Configuration;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Questionnaires;

/// <summary>What a save of a draft came to.</summary>
public enum DraftSave
{
    Saved,

    /// <summary>The form was shown with an older revision: someone (or the same form sent before) changed the draft meanwhile.</summary>
    Stale,

    /// <summary>The draft is no longer there: published or deleted meanwhile.</summary>
    Gone,
}

/// <summary>The outcome of publishing: the version now current, or the problems in Danish.</summary>
public sealed record PublishOutcome(int? Version, bool Changed, IReadOnlyList<string> Errors, DraftSave State = DraftSave.Saved);

/// <summary>Creates, saves, deletes and publishes drafts. Every write names the revision the user saw, so two tabs, two
/// people or a form sent twice never overwrite each other silently; every write is audited.</summary>
public sealed class DraftStore(BorgerpulsDb db, AuditLog audit, InstrumentCatalog catalog, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<(InstrumentDraft Draft, DraftContent Content)?> FindAsync(int id, CancellationToken ct)
    {
        var draft = await db.InstrumentDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        return draft is null ? null : (draft, DraftContent.Read(draft.Json));
    }

    /// <summary>Keys of instruments and of open drafts: a new draft's key must be free of both.</summary>
    private IQueryable<string> Keys => db.Instruments.Select(i => i.Key).Concat(db.InstrumentDrafts.Select(d => d.InstrumentKey));

    /// <summary>A draft for a new questionnaire named <paramref name="danishName"/>. The same form sent twice opens the draft
    /// the first copy made (an untouched draft of that key by the same user) instead of making a second.</summary>
    public async Task<int> CreateNewAsync(string danishName, string? englishName, CancellationToken ct)
    {
        var actor = audit.CurrentActor;
        var key = await FreeKey.FromNameAsync(Keys, danishName, "skema", k => Untouched(k, actor, ct), ct);
        var names = new Dictionary<string, string> { ["da"] = danishName };
        if (!string.IsNullOrWhiteSpace(englishName)) names["en"] = englishName.Trim();
        return await CreateAsync(key, () => new DraftContent(new InstrumentConfig(key!, names, []), []), ct);
    }

    /// <summary>A draft of the next version of a published instrument, starting as its newest published version. One open
    /// draft per instrument: asking again opens the one there is.</summary>
    public async Task<int?> CreateEditAsync(string instrumentKey, CancellationToken ct)
    {
        var content = await PublishedAsync(instrumentKey, ct);
        return content is null ? null : await CreateAsync(instrumentKey, () => content, ct);
    }

    /// <summary>A centre's local extension of a core citizen instrument: its own questions come after the core's.</summary>
    public async Task<int?> CreateExtensionAsync(string coreKey, CancellationToken ct)
    {
        var core = await db.Instruments.AsNoTracking().SingleOrDefaultAsync(i => i.Key == coreKey && i.Kind == InstrumentKind.Citizen && i.ExtendsId == null, ct);
        if (core is null) return null;
        var actor = audit.CurrentActor;
        var key = await FreeKey.FromNameAsync(Keys, coreKey + "-lokal", "lokal", k => Untouched(k, actor, ct), ct);
        var names = new Dictionary<string, string> { ["da"] = t["Builder.ExtensionName", core.Names.Da].Value };
        return await CreateAsync(key, () => new DraftContent(new InstrumentConfig(key!, names, []) { Extends = coreKey }, []), ct);
    }

    /// <summary>A staff mirror of a citizen instrument: the citizen questions (the core's first) to be reworded for staff. A
    /// citizen instrument has one mirror (the comparison pairs them): when it has one already, its next version is drafted.</summary>
    public async Task<int?> CreateMirrorAsync(string citizenKey, CancellationToken ct)
    {
        var citizen = await catalog.LatestAsync(citizenKey, ct);
        if (citizen is null || citizen.Kind != InstrumentKind.Citizen) return null;
        var existing = await db.Instruments.Where(i => i.Kind == InstrumentKind.Mirror && i.MirrorOf!.Key == citizenKey && i.Versions.Any(v => v.PublishedAt != null))
            .OrderBy(i => i.Key).Select(i => i.Key).FirstOrDefaultAsync(ct);
        if (existing is not null) return await CreateEditAsync(existing, ct);
        var actor = audit.CurrentActor;
        var key = await FreeKey.FromNameAsync(Keys, citizenKey + "-spejl", "spejl", k => Untouched(k, actor, ct), ct);
        var names = new Dictionary<string, string> { ["da"] = t["Builder.MirrorName", citizen.Names.Da].Value };
        var questions = citizen.Questions.Select(q => new QuestionConfig(q.Key, q.Type, new Dictionary<string, string>(q.Texts))
        {
            Scale = q.ScaleKey, Theme = q.Theme, Touchpoint = q.Touchpoint, Overall = q.IsOverall, Required = q.Required, ShowAfter = q.ShowAfter,
        }).ToList();
        return await CreateAsync(key, () => new DraftContent(new InstrumentConfig(key!, names, questions) { Kind = InstrumentKind.Mirror, MirrorOf = citizenKey }, []), ct);
    }

    private Task<bool> Untouched(string key, string actor, CancellationToken ct) =>
        db.InstrumentDrafts.AnyAsync(d => d.InstrumentKey == key && d.CreatedBy == actor && d.Revision == 0, ct);

    /// <summary>Stores a new draft under <paramref name="key"/>, or returns the draft already there (the unique key catches
    /// two copies of the same form arriving together).</summary>
    private async Task<int> CreateAsync(string? key, Func<DraftContent> content, CancellationToken ct)
    {
        if (key is not null && await db.InstrumentDrafts.Where(d => d.InstrumentKey == key).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }
        if (key is null)
        {
            throw new InvalidOperationException("A key is only missing when a draft of it exists.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new InstrumentDraft
        {
            InstrumentKey = key, Json = content().Json, CreatedAt = now, CreatedBy = audit.CurrentActor, UpdatedAt = now, UpdatedBy = audit.CurrentActor,
        };
        db.InstrumentDrafts.Add(draft);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.InstrumentDrafts.Where(d => d.InstrumentKey == key).Select(d => d.Id).SingleAsync(ct);
        }
        await audit.WriteAsync(AuditActions.QuestionnaireDraftCreate, $"draft {draft.Id} instrument {key}", ct: ct);
        return draft.Id;
    }

    /// <summary>The newest published version of an instrument as a draft's content (its own questions; a local extension's
    /// core questions stay the core's).</summary>
    private async Task<DraftContent?> PublishedAsync(string key, CancellationToken ct)
    {
        var instrument = await db.Instruments.AsNoTracking().Include(i => i.Extends).Include(i => i.MirrorOf).SingleOrDefaultAsync(i => i.Key == key, ct);
        var version = await db.InstrumentVersions.AsNoTracking().LatestPublished(key).Include(v => v.Questions).ThenInclude(q => q.Scale).FirstOrDefaultAsync(ct);
        if (instrument is null || version is null) return null;
        var questions = version.Questions.OrderBy(q => q.Position).Select(q => new QuestionConfig(q.Key, q.Type, new Dictionary<string, string>(q.Texts))
        {
            Scale = q.Scale?.Key, Theme = q.Theme, Touchpoint = q.Touchpoint, Overall = q.IsOverall, Required = q.Required, ShowAfter = q.ShowAfterKey,
        }).ToList();
        return new DraftContent(new InstrumentConfig(key, new Dictionary<string, string>(instrument.Names), questions)
        {
            Kind = instrument.Kind, Extends = instrument.Extends?.Key, MirrorOf = instrument.MirrorOf?.Key,
        }, []);
    }

    /// <summary>Saves <paramref name="content"/> if the draft is still at <paramref name="revision"/>.</summary>
    public async Task<DraftSave> SaveAsync(int id, int revision, DraftContent content, string what, CancellationToken ct)
    {
        var draft = await db.InstrumentDrafts.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null) return DraftSave.Gone;
        if (draft.Revision != revision) return DraftSave.Stale;
        draft.Json = content.Json;
        draft.Revision = revision + 1;
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        draft.UpdatedBy = audit.CurrentActor;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DraftSave.Stale;
        }
        await audit.WriteAsync(AuditActions.QuestionnaireDraftUpdate, $"draft {id} instrument {draft.InstrumentKey} revision {draft.Revision}: {what}", ct: ct);
        return DraftSave.Saved;
    }

    public async Task<DraftSave> DeleteAsync(int id, int revision, CancellationToken ct)
    {
        var key = await db.InstrumentDrafts.Where(d => d.Id == id).Select(d => d.InstrumentKey).SingleOrDefaultAsync(ct);
        if (key is null) return DraftSave.Gone;
        if (await db.InstrumentDrafts.Where(d => d.Id == id && d.Revision == revision).ExecuteDeleteAsync(ct) == 0) return DraftSave.Stale;
        await audit.WriteAsync(AuditActions.QuestionnaireDraftDelete, $"draft {id} instrument {key}", ct: ct);
        return DraftSave.Saved;
    }

    /// <summary>Publishes the draft through <see cref="ConfigApplier"/> — the same validation and versioning as
    /// <c>config apply</c> — and removes it. The draft is first claimed by moving its revision on, so of two publishes sent
    /// together (a double click, two tabs) exactly one applies it.</summary>
    public async Task<PublishOutcome> PublishAsync(int id, int revision, CancellationToken ct)
    {
        var found = await FindAsync(id, ct);
        if (found is not { } f) return new PublishOutcome(null, false, [], DraftSave.Gone);
        if (f.Draft.Revision != revision) return new PublishOutcome(null, false, [], DraftSave.Stale);
        var errors = await PublishCheck.ProblemsAsync(db, f.Content, t, ct);
        if (errors.Count > 0) return new PublishOutcome(null, false, errors);
        var claimed = await db.InstrumentDrafts.Where(d => d.Id == id && d.Revision == revision)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Revision, revision + 1), ct);
        if (claimed == 0) return new PublishOutcome(null, false, [], DraftSave.Stale);
        var key = f.Content.Instrument.Key;
        var before = await LatestNumberAsync(key, ct);
        try
        {
            await ConfigApplier.ApplyAsync(db, f.Content.Document, ApplyMode.Upsert, ct);
        }
        catch (ConfigException e)
        {
            db.ChangeTracker.Clear();
            return new PublishOutcome(null, false, e.Errors.Select(err => PublishCheck.Text(err, f.Content, t)).ToList());
        }
        var after = await LatestNumberAsync(key, ct);
        await db.InstrumentDrafts.Where(d => d.Id == id).ExecuteDeleteAsync(ct);
        await audit.WriteAsync(AuditActions.QuestionnairePublish,
            $"draft {id} instrument {key} version {after}" + (after == before ? " (unchanged)" : ""), ct: ct);
        return new PublishOutcome(after, after != before, []);
    }

    private Task<int?> LatestNumberAsync(string key, CancellationToken ct) =>
        db.InstrumentVersions.LatestPublished(key).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
}
