using Borgerpuls.Domain;
using Microsoft.Data.Sqlite;

namespace Borgerpuls.Data.Bulk;

/// <summary>Statements prepared once per writer and reused across rows and batches: SQLite's fastest safe path.
/// Values are written in exactly the formats EF Core's SQLite provider uses, so EF reads them back unchanged.
/// <para>A load that defers its aggregates (import, demo data) lets a transaction run over several batches and commits
/// with synchronous=NORMAL; its last transaction, which writes the aggregates, commits with FULL (see
/// <see cref="SqlitePragmas.BulkLoad"/> for why nothing acknowledged can be lost that way).</para></summary>
internal sealed class SqliteResponseWriter(BorgerpulsDbFactory databases) : ResponseBulkWriter(databases)
{
    // Each commit writes every index page the transaction touched to the WAL, and the id index is in random order: at a
    // million stored rows a batch of 5 000 touches a page of it per row. Larger transactions write each such page once
    // for many rows; the batches themselves stay small, so that memory does not grow with the transaction.
    private const int RowsPerTransaction = 50_000;

    private readonly SqliteConnection _connection = new(databases.Target.ConnectionString);
    private SqliteCommand? _storedHash;
    private SqliteStatements? _statements;
    private SqliteTransaction? _open;
    private int _pendingRows;

    protected override async Task OpenAsync(CancellationToken ct)
    {
        await _connection.OpenAsync(ct);
        SqlitePragmas.Apply(_connection);
        if (DeferAggregates) SqlitePragmas.BulkLoad(_connection);
    }

    public override async Task WriteAsync(IReadOnlyList<ResponseRow> rows, CancellationToken ct)
    {
        var delta = await DeltaAsync(rows, ct);
        var tx = _open ??= (SqliteTransaction)await Aggregates.MaintenanceLock.BeginSharedAsync(_connection, ct);
        try
        {
            var statements = _statements ??= new SqliteStatements(_connection);
            statements.Enlist(tx);
            await using var invitations = new InvitationConsumer(_connection, tx);
            foreach (var row in rows)
            {
                if (row.InvitationTokenHash is { } invitation)
                {
                    await invitations.ConsumeAsync(invitation, ct);
                }
                statements.Write(row);
            }
            // In a deferred load these denominators commit with its transaction, and the store, seeing their generation
            // move, reloads them.
            var denominators = await InvitationsUsedAsync(invitations.Uses, tx, ct);
            _pendingRows += rows.Count;
            if (DeferAggregates && _pendingRows < RowsPerTransaction) return;
            var generation = DeferAggregates ? -1 : await Aggregates.AggregateWriter.WriteAsync(_connection, tx, delta, ct);
            await tx.CommitAsync(ct);
            if (!DeferAggregates)
            {
                Committed(delta, generation);
                Committed(invitations.Uses, denominators);
            }
        }
        catch
        {
            // The open transaction rolls back; an import's rebuild repairs what earlier transactions committed.
            await tx.DisposeAsync();
            _open = null;
            _pendingRows = 0;
            throw;
        }
        await tx.DisposeAsync();
        _open = null;
        _pendingRows = 0;
    }

    protected override async Task CommitPendingAsync(CancellationToken ct)
    {
        if (_open is null) return;
        await _open.CommitAsync(ct);
        await _open.DisposeAsync();
        _open = null;
        _pendingRows = 0;
    }

    protected override void BeforeLastCommit() => SqlitePragmas.Apply(_connection);

    public override async Task<Dictionary<Guid, string>> StoredHashesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        // A primary-key lookup per id with a statement prepared once: microseconds each, and no query text that varies
        // with the number of ids (which would defeat the statement cache).
        if (_storedHash is null)
        {
            _storedHash = _connection.CreateCommand();
            _storedHash.CommandText = """SELECT "ContentHash" FROM "Responses" WHERE "Id" = $id""";
            _storedHash.Parameters.Add("$id", SqliteType.Text);
            _storedHash.Prepare();
        }
        var stored = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            _storedHash.Parameters[0].Value = SqliteFormats.Guid(id);
            if (await _storedHash.ExecuteScalarAsync(ct) is string hash)
            {
                stored[id] = hash;
            }
        }
        return stored;
    }

    protected override System.Data.Common.DbConnection Connection => _connection;

    public override async ValueTask DisposeAsync()
    {
        await DisposeLoadAsync();
        if (_open is not null) await _open.DisposeAsync();
        _statements?.Dispose();
        if (_storedHash is not null) await _storedHash.DisposeAsync();
        // The connection goes back to the pool, where the ingest queue may take it next: never with the bulk settings.
        if (DeferAggregates && _connection.State == System.Data.ConnectionState.Open) SqlitePragmas.EndBulkLoad(_connection);
        await _connection.DisposeAsync();
    }
}

/// <summary>The text formats EF Core's SQLite provider writes for GUIDs and date-times.</summary>
internal static class SqliteFormats
{
    public static string Guid(Guid id) => id.ToString().ToUpperInvariant();

    public static string DateTime(DateTime value) =>
        value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
