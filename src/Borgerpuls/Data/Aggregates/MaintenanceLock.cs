using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The database-wide lock between aggregate maintenance and the writers of what the aggregates count. Every
/// transaction that stores responses, comments, invitations, declined hand-overs or paper forms handed out — and their
/// aggregates — takes it shared as its first statement; a rebuild takes it exclusive, so that nothing it counts can commit
/// while it reads and rewrites the tables. Taken first, before any row lock, it cannot deadlock with the rows a rebuild
/// deletes (retention, campaign deletion).
/// <para>PostgreSQL: a transaction-scoped advisory lock, released at commit or rollback, also when the process dies.
/// SQLite: its transactions begin IMMEDIATE (Microsoft.Data.Sqlite's default), which already admits one writer at a time
/// over the whole file; a rebuild's reads inside its transaction see exactly what it rewrites.</para></summary>
public static class MaintenanceLock
{
    // Outside 32 bits: the differencing guard's per-user locks use hashtext(), whose keys all fall within them.
    private const long Key = 0x426F_7267_4167_6772; // "BorgAggr"

    public static Task SharedAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        TakeAsync(connection, transaction, "pg_advisory_xact_lock_shared", ct);

    public static Task ExclusiveAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        TakeAsync(connection, transaction, "pg_advisory_xact_lock", ct);

    /// <summary>Begins a transaction on <paramref name="connection"/> and takes the lock shared: the start of every write
    /// of counted rows outside EF's change tracker.</summary>
    public static async Task<DbTransaction> BeginSharedAsync(DbConnection connection, CancellationToken ct)
    {
        var tx = await connection.BeginTransactionAsync(ct);
        await SharedAsync(connection, tx, ct);
        return tx;
    }

    /// <summary>Begins <paramref name="db"/>'s transaction with the lock exclusive: the start of every maintenance run.
    /// SQLite gives up on a busy file after its busy timeout; maintenance is never urgent, so it tries again (a large import
    /// holds the file for many seconds at a time) until <paramref name="patience"/> is spent.</summary>
    public static async Task<IDbContextTransaction> BeginExclusiveAsync(BorgerpulsDb db, CancellationToken ct, TimeSpan? patience = null)
    {
        var until = DateTime.UtcNow + (patience ?? TimeSpan.FromMinutes(30));
        while (true)
        {
            try
            {
                // A rebuild of millions of responses reads and writes for longer than a command's default 30 seconds.
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
                var tx = await db.Database.BeginTransactionAsync(ct);
                await ExclusiveAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), ct);
                return tx;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 5 && DateTime.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 500)), ct);
            }
        }
    }

    private static async Task TakeAsync(DbConnection connection, DbTransaction transaction, string function, CancellationToken ct)
    {
        if (connection is not NpgsqlConnection)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {function}({Key})";
        // Waiting for the lock is not a slow query: a writer waits out a rebuild, a rebuild waits for a long import's
        // batch. Npgsql's 30-second default would break either off midway; the caller's cancellation still ends the wait.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
