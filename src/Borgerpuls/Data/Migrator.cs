using Borgerpuls.Features.Configuration;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Borgerpuls.Data;

/// <summary>Applies the provider's migrations and then the shipped presets (SPEC §4), which are data, not code paths.</summary>
public static class Migrator
{
    // Outside 32 bits, apart from the maintenance lock's key: "BorgMigr".
    private const long LockKey = 0x426F_7267_4D69_6772;

    /// <returns>The migrations this call applied (none when the schema was current).</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(BorgerpulsDb db, CancellationToken cancellationToken = default)
    {
        // Instances started together on a new PostgreSQL database would each apply the first migrations and collide on
        // "relation already exists": one at a time, under a session advisory lock held on the connection EF then uses.
        // SQLite's single writer serialises them already. A database that does not exist yet is created by the migration.
        if (db.Provider == DatabaseProvider.Postgres && await OpenIfExistsAsync(db, cancellationToken))
        {
            try
            {
                await ExecuteAsync(db, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                await db.Database.MigrateAsync(cancellationToken);
                await Presets.EnsureAsync(db, cancellationToken);
                return pending;
            }
            finally
            {
                await ExecuteAsync(db, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        var missing = db.Provider == DatabaseProvider.Postgres
            ? db.Database.GetMigrations().ToList() // the database does not exist yet
            : (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await Presets.EnsureAsync(db, cancellationToken);
        return missing;
    }

    private static async Task<bool> OpenIfExistsAsync(BorgerpulsDb db, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(BorgerpulsDb db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        // Waiting for another instance's migrations is not a slow query.
        command.CommandTimeout = 0;
        await command.ExecuteScalarAsync(ct);
    }
}
