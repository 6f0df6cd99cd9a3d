using Borgerpuls.Data;
using Borgerpuls.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Tests.Cli;

/// <summary>Verbs create the schema on a new database, and on an existing one only check its version.</summary>
public sealed class SchemaCheckTests
{
    [Fact]
    public async Task A_verb_on_a_brand_new_database_creates_the_schema_and_presets()
    {
        await using var database = await TestDatabase.CreateAsync();

        var list = await CliRunner.RunAsync("--culture", "en", "--db", database.Value, "device", "list");

        Assert.True(list.ExitCode == 0, list.Error);
        await using var db = database.Open();
        Assert.Equal(SchemaCheck.NewestShipped(database.Target.Provider), (await db.Database.GetAppliedMigrationsAsync()).Last());
        Assert.True(await db.Instruments.AnyAsync(i => i.Key == "smiley"));
    }

    [Fact]
    public async Task Migrate_says_what_it_applied_and_then_that_nothing_was_left()
    {
        await using var database = await TestDatabase.CreateAsync();
        var newest = SchemaCheck.NewestShipped(database.Target.Provider);

        var first = await CliRunner.RunAsync("--culture", "en", "migrate", "--db", database.Value);
        var second = await CliRunner.RunAsync("--culture", "en", "--db", database.Value, "migrate");

        Assert.True(first.ExitCode == 0, first.Error);
        await using var db = database.Open();
        var all = db.Database.GetMigrations().Count();
        Assert.True(all > 10);
        Assert.Contains($"Applied {all} migration(s), the newest {newest}", first.Output);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("nothing to apply", second.Output);
        Assert.DoesNotContain("Applied", second.Output);
    }

    [Fact]
    public async Task An_older_schema_is_refused_with_the_command_that_upgrades_it_and_nothing_is_changed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var newest = SchemaCheck.NewestShipped(database.Target.Provider);
        await using (var db = await database.MigratedAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__ef_migrations\" WHERE \"MigrationId\" = {0}", newest);
        }

        var results = await CliRunner.RunAsync("--culture", "en", "results", "--instrument", "smiley", "--db", database.Value);

        Assert.Equal(3, results.ExitCode);
        Assert.Contains("older schema", results.Error);
        Assert.Contains("borgerpuls migrate --db", results.Error);
        Assert.DoesNotContain("   at ", results.Error);
        await using (var db = database.Open())
        {
            Assert.DoesNotContain(newest, await db.Database.GetAppliedMigrationsAsync());
        }
    }

    [Fact]
    public async Task A_schema_from_a_newer_version_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = await database.MigratedAsync())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__ef_migrations\" (\"MigrationId\", \"ProductVersion\") VALUES ('99991231000000_Future', '99.0')");
        }

        var list = await CliRunner.RunAsync("--culture", "en", "device", "list", "--db", database.Value);

        Assert.Equal(3, list.ExitCode);
        Assert.Contains("newer version of Borgerpuls", list.Error);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_as_it_was()
    {
        var dir = Directory.CreateTempSubdirectory("borgerpuls-schema-").FullName;
        var path = Path.Combine(dir, "notes.db");
        await File.WriteAllTextAsync(path, "Mødereferat, ikke en database.\n");

        var list = await CliRunner.RunAsync("--culture", "en", "device", "list", "--db", path);

        Assert.Equal(3, list.ExitCode);
        Assert.Contains("cannot be read", list.Error);
        Assert.DoesNotContain("   at ", list.Error);
        Assert.Equal("Mødereferat, ikke en database.\n", await File.ReadAllTextAsync(path));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task A_postgresql_database_that_does_not_exist_yet_is_created_by_the_first_verb()
    {
        if (!TestDatabase.IsPostgres)
        {
            return; // SQLite's counterpart, a new file, is the first test.
        }
        var admin = Environment.GetEnvironmentVariable("BORGERPULS_TEST_PG")!;
        var name = "bp_test_new_" + Guid.NewGuid().ToString("N")[..12];
        var value = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            var list = await CliRunner.RunAsync("--culture", "en", "device", "list", "--db", value);

            Assert.True(list.ExitCode == 0, list.Error);
            await using var db = new BorgerpulsDbFactory(DatabaseSetup.Resolve(value)).Create();
            Assert.True(await db.Instruments.AnyAsync(i => i.Key == "vive-7"));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
