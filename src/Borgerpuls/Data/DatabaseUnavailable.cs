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

    /// <summary>When PostgreSQL was restarted, every idle connection in this process's pool is dead and each would fail one
    /// more request (or readiness probe) with 57P01 before the pool is fresh again. On the first such failure the pools are
    /// emptied, so the next request opens a new connection. Harmless when the server is really down: there is nothing to reuse.</summary>
    public static void ForgetDeadConnections(Exception? e)
    {
        if (Is(e) && Chain(e).Any(x => x is NpgsqlException)) NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Runs <paramref name="work"/>, and again on fresh connections when it failed on a connection the server had
    /// ended — for a readiness probe, which must say how the database is now, not how it was. Probes and checks running side
    /// by side can each meet one of the pool's ended connections before the pool is emptied, so an ended connection is tried
    /// past up to five times; any other unavailability (refused, timed out: each attempt may take the connect timeout) is
    /// tried three times in all.</summary>
    public static async Task<T> RetryingEndedConnectionsAsync<T>(Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (Is(e) && attempt < (Ended(e) ? 6 : 3))
            {
                ForgetDeadConnections(e);
                // A server that has just ended its connections, or is full, may refuse the very next one too.
                if (!Ended(e)) await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    // The server ended this connection (shutting down or terminated by an administrator): it answers at once, unlike a
    // server that cannot be reached.
    private static bool Ended(Exception e) => Chain(e).Any(x => x is PostgresException { SqlState: "57P01" or "57P02" });

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }
}
