using Borgerpuls.Data;
using Borgerpuls.Features.DemoData;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Borgerpuls.Bench;

/// <summary>Where a benchmark's demo data lives. By default one SQLite file per size in <c>--dir</c>; with
/// <c>--pg "Host=…;Port=…;Username=…"</c> one PostgreSQL database per size on that server, so that both databases are
/// measured by the same code on the same generated data. A database that holds another number of responses than asked
/// (an interrupted generation) is made again rather than measured.</summary>
internal static class BenchDatabase
{
    public static string Kind(Dictionary<string, string> options) => options.ContainsKey("--pg") ? "PostgreSQL" : "SQLite (WAL, synchronous=FULL)";

    public static async Task<BorgerpulsDbFactory> ForSizeAsync(Dictionary<string, string> options, long size)
    {
        DatabaseSetup.Target target;
        bool ready;
        if (options.TryGetValue("--pg", out var server))
        {
            target = DatabaseSetup.Resolve(await EnsureAsync(server, $"borgerpuls_bench_{size}", fresh: false));
            ready = await CountAsync(target) == size;
            if (!ready) target = DatabaseSetup.Resolve(await EnsureAsync(server, $"borgerpuls_bench_{size}", fresh: true));
        }
        else
        {
            var dir = options.GetValueOrDefault("--dir", Path.Combine(Path.GetTempPath(), "borgerpuls-bench"));
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"demo-{size}.db");
            target = DatabaseSetup.Resolve(file);
            ready = File.Exists(file);
        }
        if (!ready)
        {
            var generated = await DemoDataGenerator.RunAsync(new BorgerpulsDbFactory(target), new DemoDataOptions(size, BatchSize: 20_000), CancellationToken.None);
            Console.WriteLine($"generated {size:N0} responses in {generated.Elapsed.TotalSeconds:F0} s");
        }
        return new BorgerpulsDbFactory(target);
    }

    /// <summary>A connection string for an empty database: a new PostgreSQL database named <paramref name="name"/>
    /// (dropped first), or a SQLite file in a new temporary folder.</summary>
    public static async Task<string> EmptyAsync(Dictionary<string, string> options, string name) =>
        options.TryGetValue("--pg", out var server)
            ? await EnsureAsync(server, name, fresh: true)
            : Path.Combine(Directory.CreateTempSubdirectory("borgerpuls-bench-").FullName, name + ".db");

    public static async Task<long> CountAsync(DatabaseSetup.Target target)
    {
        await using var db = new BorgerpulsDbFactory(target).Create();
        try { return await db.Responses.LongCountAsync(); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable) { return -1; }
    }

    /// <summary>Lets go of a database from <see cref="EmptyAsync"/>: pooled connections closed, a SQLite folder deleted.</summary>
    public static void Discard(string connection)
    {
        if (connection.Contains("Host=", StringComparison.OrdinalIgnoreCase)) NpgsqlConnection.ClearAllPools();
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(connection)!, recursive: true);
        }
    }

    private static async Task<string> EnsureAsync(string server, string name, bool fresh)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            if (fresh)
            {
                NpgsqlConnection.ClearAllPools();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
