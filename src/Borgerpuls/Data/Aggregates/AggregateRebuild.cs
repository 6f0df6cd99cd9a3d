using System.Data.Common;
using Borgerpuls.Features.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Recomputes every aggregate from the stored responses and comments, and the response-rate denominators from the stored
/// invitations, declined hand-overs and paper forms handed out, in one transaction. Incremental maintenance must always
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
        var denominators = await DenominatorsAsync(reader, ct);

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var table in new[] { "AggregateOptions", "AggregatePairs", "AggregateCells", "DenominatorCells" })
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = $"DELETE FROM \"{table}\"";
            await delete.ExecuteNonQueryAsync(ct);
        }
        // Comments are classified again with the stored lexicon, so the rebuild also backfills and repairs stored themes.
        await CommentThemeDerivation.RunAsync(reader, connection, tx, lexicon, delta.Themes, ct);
        await AggregateWriter.WriteAsync(connection, tx, delta, ct);
        await DenominatorWriter.WriteAsync(connection, tx, denominators, ct);
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

    private static async Task<DenominatorDelta> DenominatorsAsync(BorgerpulsDb db, CancellationToken ct)
    {
        var delta = new DenominatorDelta();
        await foreach (var invitation in db.Invitations.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) delta.Issued(invitation);
        await foreach (var declined in db.DeclinedHandOvers.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) delta.Declined(declined);
        await foreach (var paper in db.PaperDistributions.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) delta.HandedOut(paper);
        return delta;
    }
}
