using System.CommandLine;
using System.Diagnostics;
using Borgerpuls.Features.DemoData;

namespace Borgerpuls.Cli;

internal static class DemoDataCommand
{
    public static Command Create()
    {
        var responses = NumberOption.Long("--responses", CliText.Get("Cli.Help.DemoResponses"), 10_000);
        var seed = NumberOption.Int("--seed", CliText.Get("Cli.Help.DemoSeed"), 2026);
        var command = new Command("demo-data", CliText.Get("Cli.Help.Demo"))
        {
            responses, seed,
        };
        command.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var n = result.GetValue(responses);
            if (n is < 0 or > 100_000_000)
            {
                throw new CliException(CliText.Get("Cli.Demo.ResponsesRange"));
            }
            var databases = CommandLine.Databases(result);
            var step = Math.Max(100_000, n / 20);
            var done = await DemoDataGenerator.RunAsync(databases, new DemoDataOptions(n, result.GetValue(seed)), ct, written =>
            {
                if (written % step == 0 || written == n)
                {
                    Console.WriteLine(CliText.Get("Cli.Demo.Progress", written, n));
                }
            });
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            Console.WriteLine(CliText.Get("Cli.Demo.Done", done.Responses, done.Comments, done.Elapsed.TotalSeconds,
                done.Responses / Math.Max(0.001, done.Elapsed.TotalSeconds), peak, databases.Target.Provider, databases.Target.Display));
            return 0;
        }));
        return command;
    }
}
