using Borgerpuls.Data;
using Npgsql;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test, on the provider this test run is for: SQLite (a temp file) by default,
/// PostgreSQL when BORGERPULS_TEST_DB=postgres (a new database on the server in BORGERPULS_TEST_PG). test.sh runs the whole
/// suite once per provider. Nothing is shared between tests.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _pgAdmin;
    private readonly string? _pgName;
    private readonly string? _sqliteDir;

    private TestDatabase(string value, string? pgAdmin, string? pgName, string? sqliteDir)
    {
        Value = value;
        Target = DatabaseSetup.Resolve(value);
        _pgAdmin = pgAdmin;
        _pgName = pgName;
        _sqliteDir = sqliteDir;
    }

    /// <summary>What to pass as <c>--db</c>.</summary>
    public string Value { get; }

    public DatabaseSetup.Target Target { get; }

    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable("BORGERPULS_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!IsPostgres)
        {
            var dir = Directory.CreateTempSubdirectory("borgerpuls-test-").FullName;
            return new TestDatabase(Path.Combine(dir, "test.db"), null, null, dir);
        }
        var admin = Environment.GetEnvironmentVariable("BORGERPULS_TEST_PG")
            ?? throw new InvalidOperationException("BORGERPULS_TEST_DB=postgres needs BORGERPULS_TEST_PG (a connection string to a server; test.sh sets it).");
        var name = "bp_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(builder.ConnectionString, admin, name, null);
    }

    public BorgerpulsDb Open() => DatabaseSetup.Create(Target);

    public async Task<BorgerpulsDb> MigratedAsync()
    {
        var db = Open();
        await Migrator.MigrateAsync(db);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_pgAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (_sqliteDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing process; the temp folder is cleaned by the OS.
            }
        }
    }
}
