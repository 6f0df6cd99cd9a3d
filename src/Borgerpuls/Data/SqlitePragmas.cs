using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Borgerpuls.Data;

/// <summary>WAL lets readers (dashboards) run while responses are written; synchronous=FULL makes every acknowledged commit
/// survive a crash or power loss; foreign keys are off by default in SQLite.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // EF Core checks that a file exists through a read-only connection, which cannot switch a file that is not yet in WAL
    // mode (a copy made by sqlite3 or an older tool); the next read-write connection does.
    public static void Apply(DbConnection connection) =>
        Execute(connection, IsReadOnly(connection) ? Sql.Replace("PRAGMA journal_mode=WAL; ", "", StringComparison.Ordinal) : Sql);

    private static bool IsReadOnly(DbConnection connection) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).Mode == Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly;

    /// <summary>For the body of a bulk load (import, demo data) on its own connection: commits without an fsync each, a
    /// 64 MB page cache for the indexes it updates all over, and fewer, larger checkpoints. Memory stays fixed: the cache is
    /// a cap, not a per-row cost.
    /// <para>Why nothing acknowledged is lost: in WAL mode, synchronous=NORMAL only skips the fsync at commit; frames are
    /// still appended in order, so a power cut can lose the last transactions but never leaves a gap or a torn database.
    /// The load's last transaction — its aggregates and the removal of its crash marker — commits after <see cref="Apply"/>
    /// restored FULL, and that commit's fsync of the WAL makes every frame before it durable too. A load is acknowledged
    /// only after that commit; if the power goes before it, the marker (committed with FULL before the first batch) makes
    /// the next start rebuild the aggregates, and the responses that survived are skipped by a re-run.</para></summary>
    public static void BulkLoad(DbConnection connection) =>
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;");

    /// <summary>Back to the defaults before the connection returns to the pool.</summary>
    public static void EndBulkLoad(DbConnection connection) => Execute(connection, Sql + " PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=1000;");

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
