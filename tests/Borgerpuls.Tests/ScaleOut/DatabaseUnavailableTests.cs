using Borgerpuls.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Borgerpuls.Tests.ScaleOut;

/// <summary>Which failures are answered 503 (try again) and which stay 500 (a fault in the request or the code).</summary>
public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData("57P01", true)] // terminating connection due to administrator command: the server is stopping
    [InlineData("57P03", true)] // the database system is starting up
    [InlineData("08006", true)] // connection failure
    [InlineData("53300", true)] // too many connections
    [InlineData("23505", false)] // unique violation: a fault, not an outage
    [InlineData("42P01", false)] // undefined table
    public void PostgreSQL_errors(string sqlState, bool unavailable) =>
        Assert.Equal(unavailable, DatabaseUnavailable.Is(new InvalidOperationException("wrapped", new PostgresException("x", "FATAL", "FATAL", sqlState))));

    [Fact]
    public void A_refused_connection_and_a_busy_or_full_SQLite_file_are_outages_a_constraint_is_not()
    {
        Assert.True(DatabaseUnavailable.Is(new NpgsqlException("refused", new System.Net.Sockets.SocketException(111))));
        Assert.True(DatabaseUnavailable.Is(new SqliteException("busy", 5)));
        Assert.True(DatabaseUnavailable.Is(new SqliteException("full", 13)));
        Assert.False(DatabaseUnavailable.Is(new SqliteException("constraint", 19)));
        Assert.False(DatabaseUnavailable.Is(new InvalidOperationException("bug")));
    }
}
