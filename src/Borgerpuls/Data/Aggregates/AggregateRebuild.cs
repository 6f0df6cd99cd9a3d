using Borgerpuls.Features.Questionnaire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Borgerpuls.Data.Aggregates;

/// <summary>Recomputes every aggregate from the stored responses and comments, and the response-rate denominators from the
/// stored invitations, declined hand-overs and paper forms handed out. Incremental maintenance must always give the same
/// tables; this is the proof and the repair, and the one way to maintain them after rows were deleted.
/// <para>One transaction under the exclusive <see cref="MaintenanceLock"/>: it reads inside the snapshot it rewrites, so a
/// writer in another process either committed before (and is counted) or waits and adds its own sums after.</para></summary>
public static class AggregateRebuild
{
    /// <summary>The <see cref="AggregateState"/> row that counts rebuilds: cells may have disappeared, so a process holding
    /// the aggregates in memory loads them again in full instead of reading the changed cells.</summary>
    public const int StateId = 3;

    public static async Task<(long Responses, int Cells)> RunAsync(BorgerpulsDbFactory databases, CancellationToken ct, long? finishedLoad = null) =>
        (await RunAsync(databases, null, finishedLoad, ct))!.Value;

    /// <summary>Runs <paramref name="delete"/> (retention, a campaign's data) and the rebuild in one transaction, so that no
    /// figure counts a deleted row even for a moment. When <paramref name="delete"/> says it deleted nothing that is
    /// counted, the tables are left alone. Returns whether they were rebuilt.</summary>
    public static async Task<bool> AfterDeletingAsync(BorgerpulsDbFactory databases, Func<BorgerpulsDb, CancellationToken, Task<bool>> delete, CancellationToken ct) =>
        await RunAsync(databases, delete, null, ct) is not null;

    private static async Task<(long Responses, int Cells)?> RunAsync(BorgerpulsDbFactory databases, Func<BorgerpulsDb, CancellationToken, Task<bool>>? delete,
        long? finishedLoad, CancellationToken ct)
    {
        await using var db = databases.Create();
        await using var tx = await MaintenanceLock.BeginExclusiveAsync(db, ct);
        var connection = db.Database.GetDbConnection();
        var dbTx = tx.GetDbTransaction();
        if (delete is not null && !await delete(db, ct))
        {
            await tx.CommitAsync(ct);
            return null;
        }

        var markers = await db.Set<AggregateDeferral>().AsNoTracking().ToListAsync(ct);
        var lexicon = await StoredThemeLexicon.LoadAsync(db, ct);
        // Definitions first: one connection cannot run a query while it streams the responses (PostgreSQL).
        var versions = new Dictionary<int, InstrumentDefinition>();
        foreach (var id in await db.Responses.Select(r => r.InstrumentVersionId).Distinct().ToListAsync(ct))
        {
            versions[id] = await InstrumentCatalog.LoadAsync(db, id, ct);
        }
        var delta = new AggregateDelta();
        long responses = 0;
        await foreach (var response in db.Responses.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            delta.Add(response, versions[response.InstrumentVersionId]);
            responses++;
        }
        var denominators = await DenominatorsAsync(db, ct);

        await ExecuteAsync(db, """DELETE FROM "AggregateOptions"; DELETE FROM "AggregatePairs"; DELETE FROM "AggregateCells"; DELETE FROM "DenominatorCells";""", ct);
        // Comments are classified again with the stored lexicon, so the rebuild also backfills and repairs stored themes.
        await CommentThemeDerivation.RunAsync(db, connection, dbTx, lexicon, delta.Themes, ct);
        await AggregateWriter.WriteAsync(connection, dbTx, delta, ct);
        await db.AggregateState.Where(s => s.Id == StateId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Generation, x => x.Generation + 1), ct);
        await DenominatorWriter.WriteAsync(connection, dbTx, denominators, ct);
        await SettleMarkersAsync(db, markers, finishedLoad, ct);
        await tx.CommitAsync(ct);
        return (responses, delta.Cells.Count);
    }

    /// <summary>The tables now count every response committed so far, including the batches of loads still running. A
    /// dead load's marker (and the caller's own) is done with; a live load must not add its sums on top, so it is told to
    /// rebuild instead when it finishes.</summary>
    private static async Task SettleMarkersAsync(BorgerpulsDb db, List<AggregateDeferral> markers, long? finishedLoad, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var done = markers.Where(m => m.Id == finishedLoad || LoadOwner.IsDead(m, now)).Select(m => m.Id).ToList();
        var live = markers.Select(m => m.Id).Except(done).ToList();
        await db.Set<AggregateDeferral>().Where(d => done.Contains(d.Id)).ExecuteDeleteAsync(ct);
        await db.Set<AggregateDeferral>().Where(d => live.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Superseded, true), ct);
    }

    private static async Task ExecuteAsync(BorgerpulsDb db, string sql, CancellationToken ct)
    {
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
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
