using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Features.Import;

namespace Borgerpuls.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV (',' or ';', UTF-8 or Windows-1252) or XLSX in the wide layout: one row per respondent." };
        var instrument = new Option<string>("--instrument") { Description = "Instrument key, e.g. vive-7.", Required = true };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Mapping file (JSON): columns → questions, cell texts → option codes." };
        var campaign = new Option<string?>("--campaign") { Description = "Campaign key to attach the responses to." };
        var strict = new Option<bool>("--strict") { Description = "Unknown job centres, sites and units are errors instead of being created." };
        var set = new Option<string[]>("--set")
        {
            Description = "COLUMN=VALUE: a background column the file lacks, with one value for every row, e.g. --set jobcenter=jc-nord (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var municipality = new Option<string?>("--municipality")
        {
            Description = $"Municipality in which job centres the file names are created (default on a new database: \"{Importer.DefaultMunicipality}\").",
        };
        var command = new Command("import", "Import an external survey (VIVE, Rambøll/SurveyXact, paper). All or nothing; re-imports skip known respondents.")
        {
            file, instrument, mapping, campaign, strict, set, municipality,
        };
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var target = CommandLine.Target(result);
            await SchemaCheck.EnsureAsync(target, ct);
            var path = result.GetValue(file)!.FullName;
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var summary = await Importer.RunAsync(target, path, new ImportOptions(result.GetValue(instrument)!)
                {
                    MappingFile = result.GetValue(mapping)?.FullName, Campaign = result.GetValue(campaign), Strict = result.GetValue(strict),
                    Fixed = ImportOptions.ParseFixed(result.GetValue(set) ?? []), Municipality = result.GetValue(municipality),
                }, DateTimeOffset.Now, ct);
                Console.WriteLine(CliText.Get("Cli.Import.Read", summary.Rows, summary.File.In(CliText.Culture), summary.Imported, summary.Skipped, clock.Elapsed.TotalSeconds,
                    summary.Checking.TotalSeconds, summary.Writing.TotalSeconds));
                foreach (var created in summary.Created)
                {
                    Console.WriteLine(CliText.Get("Cli.Import.Created", created));
                }
                return 0;
            }
            catch (ImportFileException e)
            {
                throw new CliException(e.Message);
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
