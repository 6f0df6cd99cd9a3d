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
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (must not exist yet).", Required = true };
        var command = new Command("backup", "Write a consistent copy of the SQLite database while it is in use (PostgreSQL: use pg_dump, see docs/operations.md).") { output };
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var target = CommandLine.Target(result);
            if (target.Provider != DatabaseProvider.Sqlite)
            {
                throw new CliException("A PostgreSQL database is backed up with PostgreSQL's own tool, online: pg_dump --format=custom --file=borgerpuls.dump DATABASE (see docs/operations.md, \"Backup and restore\").");
            }
            var file = result.GetValue(output)!;
            if (file.Exists)
            {
                throw new CliException($"{file.FullName} exists already; a backup never overwrites a file.");
            }
            if (!File.Exists(target.Display))
            {
                throw new CliException($"There is no database at {target.Display}.");
            }
            await SchemaCheck.EnsureAsync(target, ct);
            Directory.CreateDirectory(file.DirectoryName!);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString))
            {
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $file";
                command.Parameters.AddWithValue("$file", file.FullName);
                await command.ExecuteNonQueryAsync(ct);
            }
            file.Refresh();
            Console.WriteLine($"Backed up {target.Display} to {file.FullName} ({file.Length / 1024.0 / 1024.0:N1} MB) in {clock.Elapsed.TotalSeconds:F1} s.");
            Console.WriteLine($"Back up the deployment key {DeploymentKey.PathFor(target)} too, and keep it apart from the database backup.");
            return 0;
        }));
        return command;
    }
}
