using System.Diagnostics;
using System.Globalization;
using System.Text;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Features.DemoData;

namespace Borgerpuls.Bench;

/// <summary>What a running server pays when another process writes (ADR 9): a small import by the real <c>import</c> verb in
/// its own process, then the server's aggregates brought up to date — by reading the changed cells — against loading every
/// cell again, which is what it did before cells carried their generation.</summary>
internal static class CatchUpBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var size = long.Parse(options.GetValueOrDefault("--size", "200000"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(options.GetValueOrDefault("--rounds", "10"), CultureInfo.InvariantCulture);
        var dir = options.GetValueOrDefault("--dir", Path.Combine(Path.GetTempPath(), "borgerpuls-bench"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"catch-up-{size}.db");
        var databases = new BorgerpulsDbFactory(DatabaseSetup.Resolve(file));
        if (!File.Exists(file))
        {
            await DemoDataGenerator.RunAsync(databases, new DemoDataOptions(size, BatchSize: 20_000), CancellationToken.None);
        }
        var exe = Path.Combine(AppContext.BaseDirectory, "Borgerpuls.dll");
        var server = new AggregateStore(databases);
        await server.EnsureCurrentAsync(CancellationToken.None);

        Console.WriteLine($"Borgerpuls catch-up benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, {size:N0} responses");
        var refresh = new List<double>();
        var full = new List<double>();
        long refreshCells = 0, fullCells = 0;
        for (var round = 0; round < rounds; round++)
        {
            var csv = Path.Combine(dir, "catch-up.csv");
            var text = new StringBuilder("respondent_id;submitted_at;jobcenter;samtale;behandling;spoerge\n");
            for (var i = 0; i < 20; i++) text.Append(CultureInfo.InvariantCulture, $"c{round}-{i}-{Guid.NewGuid():N};2026-11-{1 + round % 28:00};jc-nord;{1 + i % 5};{1 + i % 3};{1 + i % 4}\n");
            await File.WriteAllTextAsync(csv, text.ToString());
            using (var import = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { exe, "import", csv, "--instrument", "vive-7", "--db", file }, RedirectStandardOutput = true })!)
            {
                await import.StandardOutput.ReadToEndAsync();
                await import.WaitForExitAsync();
                if (import.ExitCode != 0) return import.ExitCode;
            }

            var before = server.Statistics.CellsRead;
            var clock = Stopwatch.StartNew();
            await server.EnsureCurrentAsync(CancellationToken.None);
            refresh.Add(clock.Elapsed.TotalMilliseconds);
            refreshCells += server.Statistics.CellsRead - before;

            // A new store loads every cell, as every foreign write did.
            var fresh = new AggregateStore(databases);
            clock.Restart();
            await fresh.EnsureCurrentAsync(CancellationToken.None);
            full.Add(clock.Elapsed.TotalMilliseconds);
            fullCells += fresh.Statistics.CellsRead;
        }
        var (loads, refreshes, _) = server.Statistics;
        Console.WriteLine($"catch-up after another process's 20-row import: median {Median(refresh):F1} ms, {refreshCells / (double)rounds:F0} cells read ({refreshes} refreshes, {loads} full load at start)");
        Console.WriteLine($"full load, as before:                           median {Median(full):F1} ms, {fullCells / (double)rounds:F0} cells read");
        Console.WriteLine($"ratio full / catch-up: {Median(full) / Median(refresh):F1}");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
