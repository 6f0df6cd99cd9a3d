using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Features.Questionnaire;

namespace Borgerpuls.Data.Bulk;

/// <summary>Writes many responses fast, bypassing the change tracker: demo data, imports and the ingest queue use it.
/// Each <see cref="WriteAsync"/> call is one transaction: the responses, their comments and the aggregates they add —
/// all or none.</summary>
public abstract class ResponseBulkWriter : IAsyncDisposable
{
    private readonly Dictionary<int, InstrumentDefinition> _versions = [];

    protected ResponseBulkWriter(DatabaseSetup.Target target) => Target = target;

    protected DatabaseSetup.Target Target { get; }

    /// <summary>The stored lexicon, read once when the writer opens.</summary>
    private ThemeLexicon Lexicon { get; set; } = ThemeLexicon.Default;

    public static async Task<ResponseBulkWriter> OpenAsync(DatabaseSetup.Target target, CancellationToken ct, bool deferAggregates = false)
    {
        ResponseBulkWriter writer = target.Provider == DatabaseProvider.Postgres
            ? new PostgresResponseWriter(target) { DeferAggregates = deferAggregates }
            : new SqliteResponseWriter(target) { DeferAggregates = deferAggregates };
        await writer.OpenAsync(ct);
        await using (var db = DatabaseSetup.Create(target))
        {
            writer.Lexicon = await StoredThemeLexicon.LoadAsync(db, ct);
        }
        return writer;
    }

    /// <summary>Bulk loads (demo data) collect the aggregates of all batches and write them once at the end with
    /// <see cref="FlushAggregatesAsync"/>: far fewer upserts. Until then the responses are stored without their aggregates;
    /// <c>aggregates rebuild</c> repairs an interrupted load.</summary>
    public bool DeferAggregates { get; init; }

    private readonly AggregateDelta _deferred = new();

    protected abstract Task OpenAsync(CancellationToken ct);

    protected abstract System.Data.Common.DbConnection Connection { get; }

    /// <summary>Writes the aggregates collected while <see cref="DeferAggregates"/> was on, in one transaction.</summary>
    public async Task FlushAggregatesAsync(CancellationToken ct)
    {
        await using var tx = await Connection.BeginTransactionAsync(ct);
        var generation = await AggregateWriter.WriteAsync(Connection, tx, _deferred, ct);
        await tx.CommitAsync(ct);
        Committed(_deferred, generation);
        _deferred.Cells.Clear();
        _deferred.Themes.Cells.Clear();
    }

    /// <summary>Like <see cref="FlushAggregatesAsync(CancellationToken)"/>, and removes the load's
    /// <see cref="AggregateDeferral"/> marker in the same transaction: either both happen or neither.</summary>
    public async Task FlushAggregatesAsync(long deferral, CancellationToken ct)
    {
        await using var tx = await Connection.BeginTransactionAsync(ct);
        var generation = await AggregateWriter.WriteAsync(Connection, tx, _deferred, ct);
        await using (var done = Connection.CreateCommand())
        {
            done.Transaction = tx;
            done.CommandText = "DELETE FROM \"AggregateDeferrals\" WHERE \"Id\" = @id";
            var id = done.CreateParameter();
            id.ParameterName = "@id";
            id.Value = deferral;
            done.Parameters.Add(id);
            await done.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        Committed(_deferred, generation);
        _deferred.Cells.Clear();
        _deferred.Themes.Cells.Clear();
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
        var delta = new AggregateDelta();
        foreach (var row in rows)
        {
            var versionId = row.Response.InstrumentVersionId;
            if (!_versions.TryGetValue(versionId, out var definition))
            {
                await using var db = DatabaseSetup.Create(Target);
                _versions[versionId] = definition = await InstrumentCatalog.LoadAsync(db, versionId, ct);
            }
            var target = DeferAggregates ? _deferred : delta;
            target.Add(row.Response, definition);
            // Comments arrive redacted from every channel and the import; classifying them here, once, is what lets
            // the theme counts be kept like the other aggregates instead of being derived per query.
            foreach (var comment in row.Comments)
            {
                comment.Themes = [.. Lexicon.Classify(comment.Text)];
                target.Themes.Add(comment);
            }
        }
        return delta;
    }

    protected void Committed(AggregateDelta delta, long generation) => AggregateStore.For(Target).Committed(delta, generation);

    /// <summary>Writes the batch's used invitations to the denominators in its transaction; returns the denominators'
    /// generation, or null when the batch used none (and the counter was left alone).</summary>
    protected async Task<long?> InvitationsUsedAsync(DenominatorDelta uses, System.Data.Common.DbTransaction tx, CancellationToken ct) =>
        uses.IsEmpty ? null : await DenominatorWriter.WriteAsync(Connection, tx, uses, ct);

    protected void Committed(DenominatorDelta uses, long? generation)
    {
        if (generation is { } g) DenominatorStore.For(Target).Committed(uses, g);
    }
}
