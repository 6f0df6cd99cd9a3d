namespace Borgerpuls.Data.Bulk;

/// <summary>Writes many responses fast, bypassing the change tracker: demo data, imports and the ingest queue use it.
/// Each <see cref="WriteAsync"/> call is one transaction: all rows or none.</summary>
public abstract class ResponseBulkWriter : IAsyncDisposable
{
    public static async Task<ResponseBulkWriter> OpenAsync(DatabaseSetup.Target target, CancellationToken ct)
    {
        ResponseBulkWriter writer = target.Provider == DatabaseProvider.Postgres
            ? new PostgresResponseWriter(target.ConnectionString)
            : new SqliteResponseWriter(target.ConnectionString);
        await writer.OpenAsync(ct);
        return writer;
    }

    protected abstract Task OpenAsync(CancellationToken ct);

    public abstract Task WriteAsync(IReadOnlyList<ResponseRow> rows, CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}
