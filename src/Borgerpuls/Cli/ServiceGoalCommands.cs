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
            if (!path.Exists) throw new CliException($"The file '{path.FullName}' does not exist.");
            await using var db = DatabaseSetup.Create(target);
            await using var stream = path.OpenRead();
            try
            {
                var done = await ServiceEventImport.RunAsync(db, stream, path.Name, "cli", DateTimeOffset.UtcNow, ct);
                Console.WriteLine($"Read {done.Rows:N0} events: {done.Added:N0} new, {done.Updated:N0} updated, {done.Unchanged:N0} already imported.");
                return 0;
            }
            catch (ImportRejectedException e)
            {
                // The problems are written in Danish, as the upload page shows them.
                await Console.Error.WriteLineAsync($"Nothing was imported: {e.Total} error(s).");
                foreach (var error in e.Errors)
                {
                    await Console.Error.WriteLineAsync(error.Column is null ? $"  Linje {error.Line}: {error.Message}" : $"  Linje {error.Line}, kolonne \"{error.Column}\": {error.Message}");
                }
                if (e.Total > e.Errors.Count) await Console.Error.WriteLineAsync($"  … and {e.Total - e.Errors.Count} more.");
                return 2;
            }
        }));
        return new Command("service-goals", "Service goals (servicemål).") { import };
    }
}
