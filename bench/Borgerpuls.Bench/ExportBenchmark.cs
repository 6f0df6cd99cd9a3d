using System.Diagnostics;
using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Features.Export;
using Borgerpuls.Features.Results;

namespace Borgerpuls.Bench;

/// <summary>The analysts' respondent-level export (issue: 1 M respondent rows as CSV and XLSX): the rows read and coarsened
/// as <c>/api/v1/export/responses</c> reads them, then written in each format, in-process on a demo database of each size.
/// The export holds the whole table in memory before writing, so the process's peak working set is part of the result.</summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var sizes = options.GetValueOrDefault("--sizes", "10000,1000000").Split(',').Select(long.Parse).ToList();
        var instrument = options.GetValueOrDefault("--instrument", "smiley");
        Console.WriteLine($"Borgerpuls export benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, {BenchDatabase.Kind(options)}");
        foreach (var size in sizes)
        {
            var target = await BenchDatabase.ForSizeAsync(options, size);
            Console.WriteLine();
            Console.WriteLine($"{size:N0} responses, {instrument}");
            foreach (var format in new[] { "csv", "xlsx" })
            {
                GC.Collect();
                await using var db = DatabaseSetup.Create(target);
                var clock = Stopwatch.StartNew();
                var table = await RespondentExport.BuildAsync(db, new ResultsRequest(instrument), 5, CancellationToken.None);
                var read = clock.Elapsed.TotalSeconds;
                var bytes = format == "csv" ? TableWriter.Csv(table) : TableWriter.Xlsx(table, "Borgerpuls");
                var total = clock.Elapsed.TotalSeconds;
                using var self = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {format,-4} {table.Rows.Count:N0} rows, {bytes.Length / (1024.0 * 1024):F0} MB: {total:F1} s (reading {read:F1} s, writing {total - read:F1} s), {table.Rows.Count / total:N0} rows/s, peak working set so far {self.PeakWorkingSet64 / (1024 * 1024)} MB"));
            }
        }
        return 0;
    }
}
