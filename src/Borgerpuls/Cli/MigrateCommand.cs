using System.CommandLine;
using Borgerpuls.Data;

namespace Borgerpuls.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create or upgrade the database schema and seed the shipped presets.");
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var target = CommandLine.Target(result);
            await using var db = DatabaseSetup.Create(target);
            var applied = await Migrator.MigrateAsync(db, ct);
            Console.WriteLine(applied.Count == 0
                ? $"Database is up to date ({target.Provider}: {target.Display}); nothing to apply."
                : $"Applied {applied.Count} migration(s), the newest {applied[^1]}; the database is up to date ({target.Provider}: {target.Display}).");
            return 0;
        }));
        return command;
    }
}
