using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Features.Import;
using Borgerpuls.Features.ServiceGoals;

namespace Borgerpuls.Cli;

internal static class ServiceGoalCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV (';' or ',') or XLSX with the columns event id, kind, job centre (key or name), received at, answered at (empty while open)." };
        var import = new Command("import", "Import an event log for the service goals. All or nothing; events already imported are updated, never duplicated.") { file };
        import.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var target = CommandLine.Target(result);
            await SchemaCheck.EnsureAsync(target, ct);
            var path = result.GetValue(file)!;
            if (!path.Exists) throw new CliException(CliText.Get("Cli.FileNotFound", path.FullName));
            await using var db = DatabaseSetup.Create(target);
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
        return new Command("service-goals", "Service goals (servicemål).") { import };
    }
}
