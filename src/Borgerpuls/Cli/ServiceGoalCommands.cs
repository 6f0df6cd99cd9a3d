using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Features.Import;
using Borgerpuls.Features.ServiceGoals;

namespace Borgerpuls.Cli;

internal static class ServiceGoalCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = CliText.Get("Cli.Help.ServiceGoalsFile") };
        var import = new Command("import", CliText.Get("Cli.Help.ServiceGoalsImport")) { file };
        import.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var databases = CommandLine.Databases(result);
            await SchemaCheck.EnsureAsync(databases, ct);
            var path = result.GetValue(file)!;
            if (!path.Exists) throw new CliException(CliText.Get("Cli.FileNotFound", path.FullName));
            await using var db = databases.Create();
            await using var stream = path.OpenRead();
            try
            {
                var done = await ServiceEventImport.RunAsync(db, stream, path.Name, "cli", DateTimeOffset.UtcNow, ct);
                Console.WriteLine(CliText.Get("Cli.ServiceGoals.Read", done.Rows, done.Added, done.Updated, done.Unchanged));
                return 0;
            }
            catch (ImportRejectedException e)
            {
                await Console.Error.WriteLineAsync(CliText.Get("Cli.ServiceGoals.Rejected", e.Total));
                await ImportErrorLines.WriteAsync(e, Console.Error);
                return 2;
            }
        }));
        return new Command("service-goals", CliText.Get("Cli.Help.ServiceGoals")) { import };
    }
}
