using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Features.Questionnaire;

namespace Borgerpuls.Data.Bulk;

/// <summary>Writes many responses fast, bypassing the change tracker: demo data, imports and the ingest queue use it.
/// Each <see cref="WriteAsync"/> call is one transaction: the responses, their comments and the aggregates they add —
/// all or none — except in a load that defers its aggregates, where a transaction may span several calls and only
/// <see cref="FlushAggregatesAsync(long, CancellationToken)"/> says that everything written is stored.</summary>
public abstract class ResponseBulkWriter : IAsyncDisposable
{
    private readonly Dictionary<int, InstrumentDefinition> _versions = [];

    protected ResponseBulkWriter(BorgerpulsDbFactory databases) => Databases = databases;

    protected BorgerpulsDbFactory Databases { get; }

    /// <summary>The stored lexicon, read once when the writer opens.</summary>
    private ThemeLexicon Lexicon { get; set; } = ThemeLexicon.Default;

    /// <summary>A writer whose every <see cref="WriteAsync"/> commits the responses with their aggregates: the ingest queue.
    /// It tells <paramref name="stores"/> of each commit; without them, their holders catch up from the generation counters.</summary>
    public static Task<ResponseBulkWriter> OpenAsync(BorgerpulsDbFactory databases, AggregateStores? stores, CancellationToken ct) =>
        OpenAsync(databases, stores, null, ct);

    /// <summary>A writer for a bulk load that defers its aggregates (see <see cref="DeferAggregates"/>), under a marker named
    /// after <paramref name="source"/> that repairs the aggregates if the load dies before
    /// <see cref="FlushAggregatesAsync"/>.</summary>
    public static async Task<ResponseBulkWriter> OpenDeferredAsync(BorgerpulsDbFactory databases, string source, CancellationToken ct) =>
        await OpenAsync(databases, null, await AggregateDeferrals.BeginAsync(databases, source, ct), ct);

    private static async Task<ResponseBulkWriter> OpenAsync(BorgerpulsDbFactory databases, AggregateStores? stores, DeferredLoad? load, CancellationToken ct)
    {
        ResponseBulkWriter writer = databases.Target.Provider == DatabaseProvider.Postgres
            ? new PostgresResponseWriter(databases) { Load = load, Stores = stores }
            : new SqliteResponseWriter(databases) { Load = load, Stores = stores };
        await writer.OpenAsync(ct);
        await using (var db = databases.Create())
        {
            writer.Lexicon = await StoredThemeLexicon.LoadAsync(db, ct);
        }
        return writer;
    }

    /// <summary>The marker of a load that defers its aggregates; null for a writer that writes them per call.</summary>
    private DeferredLoad? Load { get; init; }

    /// <summary>The stores told of each commit; null for a bulk load (in the app too) or a writer outside it, whose commits
    /// the holders catch up on by reading the changed cells.</summary>
    private AggregateStores? Stores { get; init; }

    private bool _wrote;
    private bool _finished;

    /// <summary>Bulk loads (demo data, imports) collect the aggregates of all batches and write them once at the end with
    /// <see cref="FlushAggregatesAsync(long, CancellationToken)"/>: far fewer upserts. Until then the responses are stored
    /// without their aggregates, and on SQLite without an fsync per commit; <c>aggregates rebuild</c> repairs an interrupted
    /// load.</summary>
    public bool DeferAggregates => Load is not null;

    private readonly AggregateDelta _deferred = new();
    private Task _deferring = Task.CompletedTask;

    protected abstract Task OpenAsync(CancellationToken ct);

    /// <summary>Commits a transaction left open over several batches (see <see cref="DeferAggregates"/>).</summary>
    protected virtual Task CommitPendingAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Makes the flush's commit durable where the load's earlier commits were not; called outside a transaction
    /// (SQLite refuses to change synchronous inside one).</summary>
    protected virtual void BeforeLastCommit()
    {
    }

    protected abstract System.Data.Common.DbConnection Connection { get; }

    /// <summary>Writes the aggregates collected while <see cref="DeferAggregates"/> was on, and removes the load's marker, in one
    /// transaction: either both happen or neither. If a rebuild ran meanwhile, it counted some of the load's batches
    /// already; then the load rebuilds instead of adding its sums.</summary>
    public async Task FlushAggregatesAsync(CancellationToken ct)
    {
        var load = Load ?? throw new InvalidOperationException("Only a deferred load has aggregates to flush.");
        await _deferring;
        await CommitPendingAsync(ct);
        BeforeLastCommit();
        long generation;
        await using (var tx = await MaintenanceLock.BeginSharedAsync(Connection, ct))
        {
            if (!await MarkerIntactAsync(load.Id, tx, ct))
            {
                await tx.RollbackAsync(ct);
                await AggregateRebuild.RunAsync(Databases, ct, load.Id);
                await FinishAsync();
                return;
            }
            generation = await AggregateWriter.WriteAsync(Connection, tx, _deferred, ct);
            await using (var done = Command("""DELETE FROM "AggregateDeferrals" WHERE "Id" = @id""", tx, load.Id))
            {
                await done.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        Committed(_deferred, generation);
        await FinishAsync();
    }

    /// <summary>Ends a deferred load that failed: what its batches committed gets its aggregates by a rebuild now, rather
    /// than at the next start; a load that wrote nothing just removes its marker.</summary>
    public async Task AbandonAsync(CancellationToken ct)
    {
        if (Load is not { } load || _finished) return;
        if (_wrote) await AggregateRebuild.RunAsync(Databases, ct, load.Id);
        else await load.EndAsync(ct);
        await FinishAsync();
    }

    private async Task<bool> MarkerIntactAsync(long id, System.Data.Common.DbTransaction tx, CancellationToken ct)
    {
        await using var marker = Command("""SELECT "Superseded" FROM "AggregateDeferrals" WHERE "Id" = @id""", tx, id);
        return await marker.ExecuteScalarAsync(ct) is { } superseded and not DBNull && !Convert.ToBoolean(superseded, System.Globalization.CultureInfo.InvariantCulture);
    }

    private System.Data.Common.DbCommand Command(string sql, System.Data.Common.DbTransaction tx, long id)
    {
        var command = Connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "@id";
        p.Value = id;
        command.Parameters.Add(p);
        return command;
    }

    private async Task FinishAsync()
    {
        _finished = true;
        _deferred.Cells.Clear();
        _deferred.Themes.Cells.Clear();
        await DisposeLoadAsync();
    }

    /// <summary>Stops the load's heartbeat; a load disposed without <see cref="FlushAggregatesAsync"/> or
    /// <see cref="AbandonAsync"/> leaves its marker for the repair once this process is gone.</summary>
    protected async ValueTask DisposeLoadAsync()
    {
        if (Load is { } load) await load.DisposeAsync();
    }

    public abstract Task WriteAsync(IReadOnlyList<ResponseRow> rows, CancellationToken ct);

    /// <summary>The content hashes of those of the ids that are stored already: a retry is acknowledged again, a reuse of an
    /// id is a conflict. One prepared statement on the writer's own connection, rather than a DbContext and a LINQ query
    /// per commit.</summary>
    public abstract Task<Dictionary<Guid, string>> StoredHashesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>The aggregates the rows add, computed before the transaction opens so that it stays short.</summary>
    protected async Task<AggregateDelta> DeltaAsync(IReadOnlyList<ResponseRow> rows, CancellationToken ct)
    {
        _wrote = true;
        var delta = new AggregateDelta();
        if (DeferAggregates)
        {
            // Summing a batch costs about as much as inserting it, and a deferred sum is not needed by the batch's own
            // transaction: it runs on another core while this batch is written. One batch at a time, so that neither the
            // sums nor the batches waiting for them can pile up.
            await _deferring;
        }
        foreach (var row in rows)
        {
            var versionId = row.Response.InstrumentVersionId;
            if (!_versions.ContainsKey(versionId))
            {
                await using var db = Databases.Create();
                _versions[versionId] = await InstrumentCatalog.LoadAsync(db, versionId, ct);
            }
            // Comments arrive redacted from every channel and the import; classifying them here, once, is what lets
            // the theme counts be kept like the other aggregates instead of being derived per query. Before the
            // transaction: the stored rows carry their themes.
            foreach (var comment in row.Comments)
            {
                comment.Themes = [.. Lexicon.Classify(comment.Text)];
            }
        }
        if (DeferAggregates)
        {
            // The callers may reuse their list for the next batch (demo data does).
            var responses = rows.Select(r => r.Response).ToArray();
            var comments = rows.SelectMany(r => r.Comments).ToArray();
            _deferring = Task.Run(() =>
            {
                foreach (var response in responses) _deferred.Add(response, _versions[response.InstrumentVersionId]);
                foreach (var comment in comments) _deferred.Themes.Add(comment);
            }, ct);
            return delta;
        }
        foreach (var row in rows)
        {
            delta.Add(row.Response, _versions[row.Response.InstrumentVersionId]);
            foreach (var comment in row.Comments) delta.Themes.Add(comment);
        }
        return delta;
    }

    protected void Committed(AggregateDelta delta, long generation) => Stores?.Cells.Committed(delta, generation);

    /// <summary>Writes the batch's used invitations to the denominators in its transaction; returns the denominators'
    /// generation, or null when the batch used none (and the counter was left alone).</summary>
    protected async Task<long?> InvitationsUsedAsync(DenominatorDelta uses, System.Data.Common.DbTransaction tx, CancellationToken ct) =>
        uses.IsEmpty ? null : await DenominatorWriter.WriteAsync(Connection, tx, uses, ct);

    protected void Committed(DenominatorDelta uses, long? generation)
    {
        if (generation is { } g) Stores?.Denominators.Committed(uses, g);
    }
}
