using Microsoft.Data.Sqlite;
using Npgsql;

namespace Borgerpuls.Data;

/// <summary>Tells a database that cannot be reached for now (PostgreSQL stopped or restarting, a broken connection, too many
/// connections, a SQLite file busy, locked or on a full disk) from a fault in the request: the first is answered
/// 503 Service Unavailable with <c>Retry-After</c>, so a load balancer and the kiosks try again, instead of a 500.</summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL: another writer holds the file past the busy timeout, or the disk is full.
    private static readonly int[] SqliteCodes = [5, 6, 13];

    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Npgsql marks connection failures, timeouts and server states such as 57P01 (shutting down), 57P03
                // (starting up) and 53300 (too many connections) as transient.
                case NpgsqlException { IsTransient: true }:
                // The server shutting down or restarting ends the connections it had (57P01, 57P02): the first request on
                // such a pooled connection gets this, not a transient error. Class 08: the connection failed.
                case PostgresException p when p.SqlState is "57P01" or "57P02" or "57P03" || p.SqlState.StartsWith("08", StringComparison.Ordinal):
                case SqliteException s when SqliteCodes.Contains(s.SqliteErrorCode):
                    return true;
            }
        }
        return false;
    }
}
