using Borgerpuls.Analysis.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The theme lexicon kept in the database, so that the server, imports and the command line classify alike, and
/// the lexicon the stored themes were derived from is known.</summary>
public static class StoredThemeLexicon
{
    /// <summary>The stored lexicon; the presets while none has been stored.</summary>
    public static async Task<ThemeLexicon> LoadAsync(BorgerpulsDb db, CancellationToken ct)
    {
        var json = await db.ThemeLexiconState.Where(s => s.Id == 1).Select(s => s.Definitions).SingleOrDefaultAsync(ct);
        return string.IsNullOrEmpty(json) ? ThemeLexicon.Default : new ThemeLexicon(JsonColumn.Deserialize<List<ThemeDefinition>>(json));
    }

    /// <summary>Stores <paramref name="lexicon"/> and, when it differs from the stored one (or none was stored, as after the
    /// upgrade that introduced stored themes), re-derives every comment's themes and the theme cells in one transaction.
    /// Returns the number of comments whose themes changed, or null when the lexicon was already in effect.</summary>
    public static async Task<long?> ApplyAsync(BorgerpulsDbFactory databases, ThemeLexicon lexicon, CancellationToken ct)
    {
        var json = JsonColumn.Serialize(lexicon.Themes);
        await using var db = databases.Create();
        if (await db.ThemeLexiconState.Where(s => s.Id == 1).Select(s => s.Definitions).SingleAsync(ct) == json)
        {
            return null;
        }
        // Maintenance: the theme cells are replaced, so no comment may be stored meanwhile.
        await using var transaction = await MaintenanceLock.BeginExclusiveAsync(db, ct);
        // Instances started together all found the old lexicon; the first to get the lock derives, the others find it done.
        if (await db.ThemeLexiconState.Where(s => s.Id == 1).Select(s => s.Definitions).SingleAsync(ct) == json)
        {
            await transaction.CommitAsync(ct);
            return null;
        }
        var connection = db.Database.GetDbConnection();
        var tx = transaction.GetDbTransaction();
        await using (var store = connection.CreateCommand())
        {
            store.Transaction = tx;
            store.CommandText = """UPDATE "ThemeLexiconState" SET "Definitions" = @json WHERE "Id" = 1""";
            var p = store.CreateParameter();
            p.ParameterName = "@json";
            p.Value = json;
            store.Parameters.Add(p);
            await store.ExecuteNonQueryAsync(ct);
        }
        var counts = new ThemeCounts();
        var changed = await CommentThemeDerivation.RunAsync(db, connection, tx, lexicon, counts, ct);
        await ThemeCellWriter.WriteAsync(connection, tx, counts, ct);
        await transaction.CommitAsync(ct);
        return changed;
    }
}
