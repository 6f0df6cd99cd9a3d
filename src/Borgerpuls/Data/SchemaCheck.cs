using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Borgerpuls.Data;

/// <summary>Opens the database for a command-line verb. Migrating and re-applying the presets costs about three seconds
/// even when nothing changes, so a verb does that only on a brand-new database; on an existing one it reads the newest
/// applied migration (one indexed row) and refuses an older or newer schema. <c>migrate</c> and the web app still migrate.</summary>
public static class SchemaCheck
{
    public static async Task<BorgerpulsDb> OpenAsync(BorgerpulsDbFactory databases, CancellationToken ct)
    {
        var target = databases.Target;
        var applied = await NewestAppliedAsync(target, ct);
        if (applied is not null && string.CompareOrdinal(applied, NewestShipped(target.Provider)) is var order and not 0)
        {
            throw SchemaCheckException.Mismatch(target, applied, NewestShipped(target.Provider), databaseIsNewer: order > 0);
        }
        var db = databases.Create();
        if (applied is null)
        {
            try
            {
                await Migrator.MigrateAsync(db, ct);
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
        }
        return db;
    }

    /// <summary>For verbs that open their own connections: checks (or, on a new database, creates) the schema.</summary>
    public static async Task EnsureAsync(BorgerpulsDbFactory databases, CancellationToken ct)
    {
        await using var db = await OpenAsync(databases, ct);
    }

    /// <summary>The id of the newest migration in this build for the provider, read from the migration classes' attributes.</summary>
    public static string NewestShipped(DatabaseProvider provider)
    {
        var context = provider == DatabaseProvider.Postgres ? typeof(PostgresBorgerpulsDb) : typeof(SqliteBorgerpulsDb);
        return typeof(SchemaCheck).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Id)
            .Max(StringComparer.Ordinal)!;
    }

    // Plain ADO on a connection of its own: asking EF for pending migrations would build the whole model first.
    internal static async Task<string?> NewestAppliedAsync(DatabaseSetup.Target target, CancellationToken ct)
    {
        var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.Provider == DatabaseProvider.Sqlite ? target.ConnectionString : "");
        if (target.Provider == DatabaseProvider.Sqlite && !(new FileInfo(sqlite.DataSource) is { Exists: true, Length: > 0 }))
        {
            return null;
        }
        // Not pooled: EF sets its pragmas on the connections it opens, and this one should not become one of them.
        sqlite.Pooling = false;
        await using DbConnection connection = target.Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(target.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(sqlite.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var provider = target.Provider;
            var exists = provider == DatabaseProvider.Postgres
                ? "SELECT to_regclass('\"__ef_migrations\"') IS NOT NULL"
                : "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '__ef_migrations'";
            if (!Convert.ToBoolean(await ScalarAsync(connection, exists, ct)))
            {
                return null;
            }
            return await ScalarAsync(connection, "SELECT max(\"MigrationId\") FROM \"__ef_migrations\"", ct) as string;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            // The PostgreSQL database does not exist yet: migrating creates it, as it always did.
            return null;
        }
        catch (DbException e)
        {
            // The cause stays attached: a database that cannot be reached for now is told apart from a broken one by it.
            throw SchemaCheckException.Unreadable(target, e);
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}

/// <summary>The database cannot be used by this version as it is: made by another version, or not a database.</summary>
public sealed class SchemaCheckException(string key, object?[] args, Exception? inner = null)
    : Exception(Localization.SharedTexts.Format(Localization.SharedTexts.English, key, args), inner)
{
    public static SchemaCheckException Mismatch(DatabaseSetup.Target target, string applied, string shipped, bool databaseIsNewer) => databaseIsNewer
        ? new("Schema.Error.Newer", [target.Display, applied, shipped])
        : new("Schema.Error.Older", [target.Display, applied, shipped]);

    public static SchemaCheckException Unreadable(DatabaseSetup.Target target, System.Data.Common.DbException e) => new("Schema.Error.Unreadable", [target.Display, e.Message], e);

    /// <summary>The text in a language named outside a request (the command line's); <see cref="Exception.Message"/> is English, for logs.</summary>
    public string Text(System.Globalization.CultureInfo culture) => Localization.SharedTexts.Format(culture, key, args);
}
