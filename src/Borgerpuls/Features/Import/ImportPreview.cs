using Borgerpuls.Data;
using Borgerpuls.Features.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Import;

/// <summary>The first rows of an uploaded file and the mapping proposed for it: what the wizard shows before the dry run.</summary>
public sealed record ImportPreview(Localization.Wording File, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, ImportMapping Suggested)
{
    public const int SampleRows = 200;

    public static async Task<ImportPreview> ReadAsync(BorgerpulsDb db, string path, string instrumentKey, CancellationToken ct)
    {
        var versionId = await db.InstrumentVersions.LatestPublished(instrumentKey).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct)
            ?? throw new ImportFileException("Import.Error.UnknownInstrument", instrumentKey);
        var instrument = await InstrumentCatalog.LoadAsync(db, versionId, ct);
        using var file = Importer.Read(() => Reading.WideFileReader.Open(path));
        // A sample is enough to propose recodings; the import itself checks every row.
        var rows = Importer.Read(() => file.Rows.Take(SampleRows).Select(r => (IReadOnlyList<string>)r.Cells.ToList()).ToList());
        return new ImportPreview(file.Description, file.Header, rows, MappingSuggestion.Suggest(file.Header, rows, instrument));
    }
}
