using Borgerpuls.Data;
using Borgerpuls.Domain;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Questionnaire;

/// <summary>The instruments of the database's <see cref="ReferenceCatalog"/>, for collection, validation and import: versions
/// are kept once read, and which published version is newest follows <see cref="ReferenceData.MaxAge"/>, so a version or
/// instrument published by another process is picked up within seconds.</summary>
public sealed class InstrumentCatalog(BorgerpulsDbFactory databases)
{
    public Task<InstrumentDefinition?> LatestAsync(string instrumentKey, CancellationToken ct = default) => databases.Catalog.LatestAsync(instrumentKey, ct);

    public Task<InstrumentDefinition> VersionAsync(int versionId, CancellationToken ct = default) => databases.Catalog.VersionAsync(versionId, ct);

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
