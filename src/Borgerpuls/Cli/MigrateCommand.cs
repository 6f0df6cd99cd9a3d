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
            var databases = CommandLine.Databases(result);
            await using var db = databases.Create();
            var applied = await Migrator.MigrateAsync(db, ct);
            Console.WriteLine(applied.Count == 0
                ? CliText.Get("Cli.Migrate.UpToDate", databases.Target.Provider, databases.Target.Display)
                : CliText.Get("Cli.Migrate.Applied", applied.Count, applied[^1], databases.Target.Provider, databases.Target.Display));
            return 0;
        }));
        return command;
    }
}
