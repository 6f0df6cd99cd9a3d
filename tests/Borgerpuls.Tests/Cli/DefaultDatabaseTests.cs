using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Cli;

/// <summary>Without <c>--db</c>, every verb started from any folder reaches the same database: the <c>Database</c>
/// setting, else the data folder — never a file under the working directory (ADR 0014).</summary>
public sealed class DefaultDatabaseTests
{
    [Fact]
    public async Task Verbs_started_from_different_folders_without_db_use_the_one_database_in_the_data_folder()
    {
        if (TestDatabase.IsPostgres) return; // about the default file, which is SQLite on either run
        var root = Directory.CreateTempSubdirectory("borgerpuls-default-").FullName;
        try
        {
            var (data, first, second) = (Path.Combine(root, "data"), Path.Combine(root, "first"), Path.Combine(root, "second"));
            Directory.CreateDirectory(first);
            Directory.CreateDirectory(second);
            var environment = new Dictionary<string, string> { ["BORGERPULS_DATA"] = data };

            var demo = await CliRunner.RunInAsync(first, environment, "demo-data", "--responses", "0");
            Assert.True(demo.ExitCode == 0, demo.Error);
            Assert.Contains(Path.Combine(data, "borgerpuls.db"), demo.Output);
            var add = await CliRunner.RunInAsync(second, environment, "device", "add", "--site", "torvet", "--instrument", "smiley", "--name", "Udgang Torvet");
            Assert.True(add.ExitCode == 0, add.Error); // the site exists: the same database
            Assert.Contains("Udgang Torvet", (await CliRunner.RunInAsync(root, environment, "device", "list")).Output);
            Assert.True(File.Exists(Path.Combine(data, "borgerpuls.db")));
            Assert.False(Directory.Exists(Path.Combine(first, "data")));
            Assert.False(Directory.Exists(Path.Combine(second, "data")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_database_setting_is_read_as_the_web_app_reads_it_and_db_wins_over_it()
    {
        if (TestDatabase.IsPostgres) return;
        var root = Directory.CreateTempSubdirectory("borgerpuls-setting-").FullName;
        try
        {
            var data = Path.Combine(root, "data");
            // appsettings.json in the working folder, as the server started there reads it.
            File.WriteAllText(Path.Combine(root, "appsettings.json"), """{ "Database": "fra-indstillinger.db" }""");
            var fromFile = await CliRunner.RunInAsync(root, new Dictionary<string, string> { ["BORGERPULS_DATA"] = data }, "demo-data", "--responses", "0");
            Assert.True(fromFile.ExitCode == 0, fromFile.Error);
            Assert.True(File.Exists(Path.Combine(root, "fra-indstillinger.db")));

            // The environment overrides the file, as for the server; --db overrides both.
            var environment = new Dictionary<string, string> { ["BORGERPULS_DATA"] = data, ["Database"] = Path.Combine(root, "fra-miljoe.db") };
            Assert.Equal(0, (await CliRunner.RunInAsync(root, environment, "demo-data", "--responses", "0")).ExitCode);
            Assert.True(File.Exists(Path.Combine(root, "fra-miljoe.db")));
            Assert.Equal(0, (await CliRunner.RunInAsync(root, environment, "--db", Path.Combine(root, "valgt.db"), "demo-data", "--responses", "0")).ExitCode);
            Assert.True(File.Exists(Path.Combine(root, "valgt.db")));
            Assert.False(Directory.Exists(data));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
