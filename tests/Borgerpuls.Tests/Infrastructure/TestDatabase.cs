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

    // The data folder (the PostgreSQL deployment key, a verb without --db) is a temporary one for the whole test run, inherited
    // by every process a test starts, so tests never read or write the data folder of the user running them.
    static TestDatabase()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Borgerpuls.Data.DataFolder.Variable)))
        {
            Environment.SetEnvironmentVariable(Borgerpuls.Data.DataFolder.Variable, Directory.CreateTempSubdirectory("borgerpuls-data-").FullName);
        }
    }

    private TestDatabase(string value, string? pgAdmin, string? pgName, string? sqliteDir)
    {
        Value = value;
        Factory = new BorgerpulsDbFactory(DatabaseSetup.Resolve(value));
        _pgAdmin = pgAdmin;
        _pgName = pgName;
        _sqliteDir = sqliteDir;
    }

    /// <summary>What to pass as <c>--db</c>.</summary>
    public string Value { get; }

    public DatabaseSetup.Target Target => Factory.Target;

    /// <summary>Contexts for the test's own reads and writes, as a command-line verb opens them, and the aggregates in memory
    /// for queries the tests run without a server; a test server holds another factory and catches up from the database like
    /// any second process.</summary>
    public BorgerpulsDbFactory Factory { get; }

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

    public BorgerpulsDb Open() => Factory.Create();

    /// <summary>Fills this fresh database with what <c>borgerpuls demo-data --responses 0</c> writes: schema, presets and the
    /// demo municipality's organisation and campaigns. The verb itself runs once per test run, into a template; each
    /// database is then a copy of it (a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL), so the
    /// dozens of tests that start from the demo organisation do not each start the command-line process.</summary>
    public async Task AddDemoOrganisationAsync()
    {
        var template = await DemoTemplate.Value;
        if (_sqliteDir is not null)
        {
            if (File.Exists(Value)) throw new InvalidOperationException("The demo organisation goes into a fresh database only.");
            File.Copy(template, Value);
            if (File.Exists(template + "-wal")) File.Copy(template + "-wal", Value + "-wal");
            return;
        }
        await TemplateCopies.WaitAsync(); // one copy at a time: PostgreSQL refuses to copy a template that is being copied
        try
        {
            await using var connection = new NpgsqlConnection(_pgAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{_pgName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var copy = new NpgsqlCommand($"CREATE DATABASE \"{_pgName}\" TEMPLATE \"{template}\"", connection);
            await copy.ExecuteNonQueryAsync();
        }
        finally
        {
            TemplateCopies.Release();
        }
    }

    private static readonly SemaphoreSlim TemplateCopies = new(1, 1);

    /// <summary>The template: a SQLite file path, or a PostgreSQL database name.</summary>
    private static readonly Lazy<Task<string>> DemoTemplate = new(async () =>
    {
        var database = await CreateAsync();
        var result = await CliRunner.RunAsync("demo-data", "--responses", "0", "--db", database.Value);
        if (result.ExitCode != 0) throw new InvalidOperationException("demo-data failed: " + result.Error);
        if (database._pgName is null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(database._sqliteDir!, recursive: true); } catch (IOException) { } };
            return database.Value;
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var connection = new NpgsqlConnection(database._pgAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database._pgName}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        };
        return database._pgName;
    });

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
