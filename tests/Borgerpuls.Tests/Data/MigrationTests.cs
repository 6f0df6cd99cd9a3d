using Borgerpuls.Data;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run scripts/add-migration.sh NAME");
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run scripts/add-migration.sh NAME");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }

    [Fact]
    public async Task Migrate_applies_every_migration_to_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());

        await Migrator.MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(TestDatabase.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, db.Provider);
    }

    [Fact]
    public async Task Migrate_twice_changes_nothing_the_second_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = await database.MigratedAsync())
        {
            // The four citizen presets and the VIVE mirror for staff.
            Assert.Equal(5, await first.Instruments.CountAsync());
        }
        await using var second = await database.MigratedAsync();
        Assert.Equal(5, await second.Instruments.CountAsync());
        Assert.Equal(5, await second.InstrumentVersions.CountAsync());
    }

    [Fact]
    public async Task Sqlite_database_runs_in_wal_mode()
    {
        if (TestDatabase.IsPostgres)
        {
            return;
        }
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.MigratedAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
