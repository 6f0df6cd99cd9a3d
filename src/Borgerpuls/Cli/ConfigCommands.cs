using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Features.Configuration;

namespace Borgerpuls.Cli;

internal static class ConfigCommands
{
    public static Command Create()
    {
        var config = new Command("config", CliText.Get("Cli.Help.Config"));

        var file = new Argument<FileInfo>("file") { Description = CliText.Get("Cli.Help.ConfigFile") };
        var apply = new Command("apply", CliText.Get("Cli.Help.ConfigApply")) { file };
        apply.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException(CliText.Get("Cli.FileNotFound", path.FullName));
            }
            var doc = ConfigJson.Parse(await File.ReadAllTextAsync(path.FullName, ct));
            await using var db = await SchemaCheck.OpenAsync(CommandLine.Databases(result), ct);
            var applied = await ConfigApplier.ApplyAsync(db, doc, ApplyMode.Upsert, ct);
            foreach (var change in applied.Changes)
            {
                Console.WriteLine(change.In(CliText.Culture));
            }
            Console.WriteLine(applied.Changes.Count == 0 ? CliText.Get("Cli.Config.NoChanges") : CliText.Get("Cli.Config.Applied", applied.Changes.Count));
            return 0;
        }));

        var output = new Option<FileInfo?>("--out") { Description = CliText.Get("Cli.Help.ConfigOut") };
        var export = new Command("export", CliText.Get("Cli.Help.ConfigExport")) { output };
        export.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            await using var db = await SchemaCheck.OpenAsync(CommandLine.Databases(result), ct);
            var json = ConfigJson.Write(await ConfigExporter.ExportAsync(db, ct));
            if (result.GetValue(output) is { } outFile)
            {
                await File.WriteAllTextAsync(outFile.FullName, json, ct);
            }
            else
            {
                await Console.Out.WriteAsync(json);
            }
            return 0;
        }));

        config.Subcommands.Add(apply);
        config.Subcommands.Add(export);
        return config;
    }
}
