using System.CommandLine;
using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;

namespace Borgerpuls.Cli;

internal static class ResultsCommands
{
    /// <summary>The options both verbs take, made for each command line so that their help is worded in its language.</summary>
    private sealed class Common
    {
        public readonly Option<string> Instrument = new("--instrument") { Description = CliText.Get("Cli.Help.Instrument"), Required = true };
        public readonly Option<DateOnly?> From = DateOption.Create("--from", CliText.Get("Cli.Help.From"));
        public readonly Option<DateOnly?> To = DateOption.Create("--to", CliText.Get("Cli.Help.To"));
        public readonly Option<string[]> Where = new("--where") { Description = CliText.Get("Cli.Help.Where"), AllowMultipleArgumentsPerToken = true };
        public readonly Option<int> K = NumberOption.Int("--k", CliText.Get("Cli.Help.K"), Analysis.Suppression.DefaultK);
    }

    public static Command Results()
    {
        var o = new Common();
        var by = new Option<string?>("--by") { Description = CliText.Get("Cli.Help.ResultsBy") };
        var by2 = new Option<string?>("--by2") { Description = CliText.Get("Cli.Help.ResultsBy2") };
        var period = new Option<string?>("--period") { Description = CliText.Get("Cli.Help.ResultsPeriod") };
        var format = new Option<string>("--format") { Description = CliText.Get("Cli.Help.Format"), DefaultValueFactory = _ => "table" };
        var command = new Command("results", CliText.Get("Cli.Help.Results")) { o.Instrument, by, by2, period, o.From, o.To, o.Where, format, o.K };
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var databases = CommandLine.Databases(result);
            await using var db = await SchemaCheck.OpenAsync(databases, ct);
            var report = await ResultsQuery.RunAsync(db, databases,
                ResultsApi.Parse(result.GetValue(o.Instrument)!, result.GetValue(by), result.GetValue(period), result.GetValue(o.From), result.GetValue(o.To), result.GetValue(o.Where), result.GetValue(by2)),
                Viewer.CommandLine, result.GetValue(o.K), ct);
            var chosen = result.GetValue(format)!.ToLowerInvariant();
            if (chosen is not ("json" or "csv" or "csv-da" or "table")) throw new CliException(CliText.Get("Cli.Results.UnknownFormat", chosen));
            if (await NothingStoredAsync(db, report.Instrument, ct) is { } nothing)
            {
                await Console.Error.WriteLineAsync(nothing);
                // A table of hidden cells would read as "fewer than k"; the structured formats keep their shape for scripts.
                if (chosen == "table") return 0;
            }
            await Console.Out.WriteAsync(chosen switch
            {
                "json" => ResultsFormat.ToJson(report),
                "csv" => ResultsFormat.ToCsv(report),
                "csv-da" => ResultsFormat.DanishExcel((delimiter, numbers) => ResultsFormat.ToCsv(report, delimiter, numbers)),
                _ => ResultsFormat.ToTable(report, CliText.Culture),
            });
            return 0;
        }));
        return command;
    }

    public static Command PriorityMap()
    {
        var o = new Common();
        var format = new Option<string>("--format") { Description = CliText.Get("Cli.Help.Format"), DefaultValueFactory = _ => "json" };
        var command = new Command("priority-map", CliText.Get("Cli.Help.PriorityMap")) { o.Instrument, o.From, o.To, o.Where, format, o.K };
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var chosen = result.GetValue(format)!.ToLowerInvariant();
            if (chosen is not ("json" or "csv" or "csv-da" or "table")) throw new CliException(CliText.Get("Cli.Results.UnknownFormat", chosen));
            var databases = CommandLine.Databases(result);
            await using var db = await SchemaCheck.OpenAsync(databases, ct);
            var report = await PriorityMapQuery.RunAsync(db, databases,
                ResultsApi.Parse(result.GetValue(o.Instrument)!, null, null, result.GetValue(o.From), result.GetValue(o.To), result.GetValue(o.Where)),
                Viewer.CommandLine, result.GetValue(o.K), ct);
            await Console.Out.WriteAsync(chosen switch
            {
                "json" => ResultsFormat.ToJson(report),
                "csv" => ResultsFormat.ToCsv(report),
                "csv-da" => ResultsFormat.DanishExcel((delimiter, numbers) => ResultsFormat.ToCsv(report, delimiter, numbers)),
                _ => ResultsFormat.ToTable(report, result.GetValue(o.K), CliText.Culture),
            });
            if (await NothingStoredAsync(db, report.Instrument, ct) is { } nothing) await Console.Error.WriteLineAsync(nothing);
            else if (report.Unavailable is { } reason) await Console.Error.WriteLineAsync(CliText.Get(PriorityMapUnavailable.TextKey(reason), Analysis.PriorityMap.MinimumN));
            return 0;
        }));
        return command;
    }

    /// <summary>Says so when the instrument has no stored answers at all, whatever the filters (so it tells nothing about
    /// a small selection).</summary>
    private static async Task<string?> NothingStoredAsync(BorgerpulsDb db, string instrument, CancellationToken ct)
    {
        var any = await db.AggregateCells.AnyAsync(c => c.Respondents > 0 && db.Instruments.Any(i => i.Id == c.InstrumentId && i.Key == instrument), ct);
        return any ? null : CliText.Get("Cli.Results.NothingStored", instrument);
    }
}
