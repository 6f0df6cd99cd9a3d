using Npgsql;
using NpgsqlTypes;

namespace Borgerpuls.Data.Bulk;

/// <summary>Binary COPY: PostgreSQL's bulk path. COPY inside a transaction is all-or-nothing like any statement. The columns
/// and their values are in <see cref="PostgresColumns"/>.</summary>
internal sealed class PostgresResponseWriter(BorgerpulsDbFactory databases) : ResponseBulkWriter(databases)
{
    private readonly NpgsqlConnection _connection = new(databases.Target.ConnectionString);

    protected override Task OpenAsync(CancellationToken ct) => _connection.OpenAsync(ct);

    public override async Task WriteAsync(IReadOnlyList<ResponseRow> rows, CancellationToken ct)
    {
        var delta = await DeltaAsync(rows, ct);
        await using var tx = await Aggregates.MaintenanceLock.BeginSharedAsync(_connection, ct);
        await using var invitations = new InvitationConsumer(_connection, tx);
        foreach (var invitation in rows.Select(r => r.InvitationTokenHash).OfType<string>())
        {
            await invitations.ConsumeAsync(invitation, ct);
        }
        await using (var copy = await _connection.BeginBinaryImportAsync(PostgresColumns.Copy(PostgresColumns.Responses), ct))
        {
            foreach (var (r, _) in rows)
            {
                await PostgresColumns.WriteRowAsync(copy, PostgresColumns.Responses, r, ct);
            }
            await copy.CompleteAsync(ct);
        }
        if (rows.Any(r => r.Comments.Count > 0))
        {
            await using var copy = await _connection.BeginBinaryImportAsync(PostgresColumns.Copy(PostgresColumns.Comments), ct);
            foreach (var (r, comments) in rows)
            {
                foreach (var k in comments)
                {
                    await PostgresColumns.WriteRowAsync(copy, PostgresColumns.Comments, (r, k), ct);
                }
            }
            await copy.CompleteAsync(ct);
        }
        var generation = await Aggregates.AggregateWriter.WriteAsync(_connection, tx, delta, ct);
        var denominators = await InvitationsUsedAsync(invitations.Uses, tx, ct);
        await tx.CommitAsync(ct);
        Committed(delta, generation);
        Committed(invitations.Uses, denominators);
    }

    public override async Task<Dictionary<Guid, string>> StoredHashesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand("""SELECT "Id", "ContentHash" FROM "Responses" WHERE "Id" = ANY(@ids)""", _connection);
        query.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, ids.ToArray());
        var stored = new Dictionary<Guid, string>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored[reader.GetGuid(0)] = reader.GetString(1);
        }
        return stored;
    }

    protected override System.Data.Common.DbConnection Connection => _connection;

    public override async ValueTask DisposeAsync()
    {
        await DisposeLoadAsync();
        await _connection.DisposeAsync();
    }
}
