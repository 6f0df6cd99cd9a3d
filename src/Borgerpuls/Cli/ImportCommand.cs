using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Features.Import;

namespace Borgerpuls.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = CliText.Get("Cli.Help.ImportFile") };
        var instrument = new Option<string>("--instrument") { Description = CliText.Get("Cli.Help.Instrument"), Required = true };
        var mapping = new Option<FileInfo?>("--mapping") { Description = CliText.Get("Cli.Help.ImportMapping") };
        var campaign = new Option<string?>("--campaign") { Description = CliText.Get("Cli.Help.ImportCampaign") };
        var strict = new Option<bool>("--strict") { Description = CliText.Get("Cli.Help.ImportStrict") };
        var set = new Option<string[]>("--set")
        {
            Description = CliText.Get("Cli.Help.ImportSet"),
            AllowMultipleArgumentsPerToken = false,
        };
        var municipality = new Option<string?>("--municipality")
        {
            Description = CliText.Get("Cli.Help.ImportMunicipality", Importer.DefaultMunicipality),
        };
        var command = new Command("import", CliText.Get("Cli.Help.Import"))
        {
            file, instrument, mapping, campaign, strict, set, municipality,
        };
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var databases = CommandLine.Databases(result);
            await SchemaCheck.EnsureAsync(databases, ct);
            var path = result.GetValue(file)!.FullName;
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var summary = await Importer.RunAsync(databases, path, new ImportOptions(result.GetValue(instrument)!)
                {
                    MappingFile = result.GetValue(mapping)?.FullName, Campaign = result.GetValue(campaign), Strict = result.GetValue(strict),
                    Fixed = ImportOptions.ParseFixed(result.GetValue(set) ?? []), Municipality = result.GetValue(municipality),
                }, DateTimeOffset.Now, ct);
                Console.WriteLine(CliText.Get("Cli.Import.Read", summary.Rows, summary.File.In(CliText.Culture), summary.Imported, summary.Skipped, clock.Elapsed.TotalSeconds,
                    summary.Checking.TotalSeconds, summary.Writing.TotalSeconds));
                foreach (var created in summary.Created)
                {
                    Console.WriteLine(CliText.Get("Cli.Import.Created", created.In(CliText.Culture)));
                }
                return 0;
            }
            catch (ImportFileException e)
            {
                throw new CliException(e.Text(CliText.Culture));
            }
            catch (ImportRejectedException e)
            {
                await Console.Error.WriteLineAsync(CliText.Get("Cli.Import.Rejected", e.Total));
                await ImportErrorLines.WriteAsync(e, Console.Error);
                return 2;
            }
        }));
        return command;
    }
}
