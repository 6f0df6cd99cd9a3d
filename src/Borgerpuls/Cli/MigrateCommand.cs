using System.CommandLine;
using Borgerpuls.Data;

namespace Borgerpuls.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", CliText.Get("Cli.Help.Migrate"));
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var target = CommandLine.Target(result);
            await using var db = DatabaseSetup.Create(target);
            var applied = await Migrator.MigrateAsync(db, ct);
            Console.WriteLine(applied.Count == 0
                ? CliText.Get("Cli.Migrate.UpToDate", target.Provider, target.Display)
                : CliText.Get("Cli.Migrate.Applied", applied.Count, applied[^1], target.Provider, target.Display));
            return 0;
        }));
        return command;
    }
}
