using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Data;

/// <summary>Turns the global <c>--db</c> value into a provider and connection string, and registers the contexts for it
/// (<see cref="BorgerpulsDbFactory"/> opens them outside a request).
/// A value starting with <c>Host=</c> (or containing <c>Host=</c>) is PostgreSQL; anything else is a SQLite file path.</summary>
public static class DatabaseSetup
{
    public const string FileName = "borgerpuls.db";

    /// <summary>The SQLite file used when neither <c>--db</c> nor the <c>Database</c> setting names a database.</summary>
    public static string DefaultSqlitePath => Path.Combine(DataFolder.Path, FileName);

    /// <summary>The <c>Database</c> setting as the web app reads it — <c>appsettings.json</c> in the working folder, then the
    /// environment — for the verbs, so a verb without <c>--db</c> reaches the database the server uses.</summary>
    public static string? Configured() =>
        new ConfigurationBuilder().SetBasePath(Directory.GetCurrentDirectory()).AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().Build()["Database"];

    public sealed record Target(DatabaseProvider Provider, string ConnectionString, string Display);

    public static Target Resolve(string? db)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            db = DefaultSqlitePath;
        }
        if (db.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            var display = new Npgsql.NpgsqlConnectionStringBuilder(db) { Password = null }.ConnectionString;
            return new(DatabaseProvider.Postgres, db, display);
        }
        var path = db.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new SqliteConnectionStringBuilder(db).DataSource
            : db;
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 };
        return new(DatabaseProvider.Sqlite, builder.ConnectionString, full);
    }

    public static IServiceCollection AddBorgerpulsDb(this IServiceCollection services, Target target)
    {
        services.AddSingleton(target);
        services.AddSingleton(new BorgerpulsDbFactory(target));
        if (target.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<BorgerpulsDb, PostgresBorgerpulsDb>(o => ConfigurePostgres(o, target.ConnectionString));
        }
        else
        {
            services.AddDbContext<BorgerpulsDb, SqliteBorgerpulsDb>(o => ConfigureSqlite(o, target.ConnectionString));
        }
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(SqlitePragmas.Instance);

    internal static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
}
