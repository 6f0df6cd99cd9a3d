using System.Data.Common;
using Borgerpuls.Features.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Recomputes every aggregate from the stored responses and comments, in one transaction. Incremental maintenance must always
/// give the same tables; this is the proof and the repair.</summary>
public static class AggregateRebuild
{
    public static async Task<(long Responses, int Cells)> RunAsync(DatabaseSetup.Target target, CancellationToken ct)
    {
        await using var db = DatabaseSetup.Create(target);
        // Markers of interrupted loads seen before reading: the rebuild covers their responses, so it removes them.
        var deferrals = await db.Set<AggregateDeferral>().Select(d => d.Id).ToListAsync(ct);
        var lexicon = await StoredThemeLexicon.LoadAsync(db, ct);
        var versions = new Dictionary<int, InstrumentDefinition>();
        var delta = new AggregateDelta();
        long responses = 0;
        await using var reader = DatabaseSetup.Create(target);
        await foreach (var response in reader.Responses.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!versions.TryGetValue(response.InstrumentVersionId, out var definition))
            {
                versions[response.InstrumentVersionId] = definition = await InstrumentCatalog.LoadAsync(db, response.InstrumentVersionId, ct);
            }
            delta.Add(response, definition);
            responses++;
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var table in new[] { "AggregateOptions", "AggregatePairs", "AggregateCells" })
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = $"DELETE FROM \"{table}\"";
            await delete.ExecuteNonQueryAsync(ct);
        }
        // Comments are classified again with the stored lexicon, so the rebuild also backfills and repairs stored themes.
        await CommentThemeDerivation.RunAsync(reader, connection, tx, lexicon, delta.Themes, ct);
        await AggregateWriter.WriteAsync(connection, tx, delta, ct);
        foreach (var id in deferrals)
        {
            await using var done = connection.CreateCommand();
            done.Transaction = tx;
            done.CommandText = "DELETE FROM \"AggregateDeferrals\" WHERE \"Id\" = @id";
            var p = done.CreateParameter();
            p.ParameterName = "@id";
            p.Value = id;
            done.Parameters.Add(p);
            await done.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (responses, delta.Cells.Count);
    }
}
