using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Security;
using Microsoft.Data.Sqlite;

namespace Borgerpuls.Cli;

/// <summary><c>borgerpuls backup --out FILE</c>: a consistent copy of the embedded database while the web app keeps taking
/// answers. SQLite's <c>VACUUM INTO</c> reads one snapshot, so the copy holds each response wholly or not at all and its
/// aggregates match its responses; a copy of the file itself taken during a write would not. PostgreSQL has its own tool for
/// the same (pg_dump), which the verb names instead of wrapping it.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = CliText.Get("Cli.Help.BackupOut"), Required = true };
        var command = new Command("backup", CliText.Get("Cli.Help.Backup")) { output };
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var databases = CommandLine.Databases(result);
            if (databases.Target.Provider != DatabaseProvider.Sqlite)
            {
                throw new CliException(CliText.Get("Cli.Backup.Postgres"));
            }
            var file = result.GetValue(output)!;
            if (file.Exists)
            {
                throw new CliException(CliText.Get("Cli.Backup.Exists", file.FullName));
            }
            if (!File.Exists(databases.Target.Display))
            {
                throw new CliException(CliText.Get("Cli.Backup.NoDatabase", databases.Target.Display));
            }
            await SchemaCheck.EnsureAsync(databases, ct);
            Directory.CreateDirectory(file.DirectoryName!);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(databases.Target.ConnectionString) { Pooling = false }.ConnectionString))
            {
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $file";
                command.Parameters.AddWithValue("$file", file.FullName);
                await command.ExecuteNonQueryAsync(ct);
            }
            file.Refresh();
            Console.WriteLine(CliText.Get("Cli.Backup.Done", databases.Target.Display, file.FullName, file.Length / 1024.0 / 1024.0, clock.Elapsed.TotalSeconds));
            Console.WriteLine(CliText.Get("Cli.Backup.Key", DeploymentKey.PathFor(databases.Target)));
            return 0;
        }));
        return command;
    }
}
