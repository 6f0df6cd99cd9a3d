using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;

namespace Borgerpuls.Cli;

internal static class AggregatesCommand
{
    public static Command Create()
    {
        var rebuild = new Command("rebuild", CliText.Get("Cli.Help.AggregatesRebuild"));
        rebuild.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var databases = CommandLine.Databases(result);
            await SchemaCheck.EnsureAsync(databases, ct);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (responses, cells) = await AggregateRebuild.RunAsync(databases, ct);
            Console.WriteLine(CliText.Get("Cli.Aggregates.Rebuilt", cells, responses, clock.Elapsed.TotalSeconds));
            return 0;
        }));
        return new Command("aggregates", CliText.Get("Cli.Help.Aggregates")) { rebuild };
    }
}
