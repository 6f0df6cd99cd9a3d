using System.Diagnostics;
using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Features.Export;
using Borgerpuls.Features.Results;

namespace Borgerpuls.Bench;

/// <summary>The analysts' respondent-level export (issue: 1 M respondent rows as CSV and XLSX): the rows read, coarsened and
/// written as <c>/api/v1/export/responses</c> does it — streamed, a batch at a time — into a file, in-process on a demo
/// database of each size. The process's peak working set shows whether memory stays flat.</summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var sizes = options.GetValueOrDefault("--sizes", "10000,1000000").Split(',').Select(long.Parse).ToList();
        var instrument = options.GetValueOrDefault("--instrument", "smiley");
        Console.WriteLine($"Borgerpuls export benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, {BenchDatabase.Kind(options)}");
        foreach (var size in sizes)
        {
            var databases = await BenchDatabase.ForSizeAsync(options, size);
            Console.WriteLine();
            Console.WriteLine($"{size:N0} responses, {instrument}");
            foreach (var format in new[] { "csv", "xlsx" })
            {
                GC.Collect();
                await using var db = databases.Create();
                var file = Path.Combine(Path.GetTempPath(), $"borgerpuls-export-bench.{format}");
                var clock = Stopwatch.StartNew();
                var rows = await RespondentExport.OpenAsync(db, new ResultsRequest(instrument), 5, CancellationToken.None);
                if (format == "xlsx" && rows.Count >= TableWriter.SpreadsheetRows)
                {
                    Console.WriteLine($"  xlsx {rows.Count:N0} rows: refused, more than one Excel sheet holds");
                    continue;
                }
                await using (var output = File.Create(file))
                {
                    if (format == "csv") await TableWriter.CsvAsync(output, rows.Header, rows.Values, ';', CancellationToken.None);
                    else await TableWriter.XlsxAsync(output, "Borgerpuls", rows.Header, rows.Values, CancellationToken.None);
                }
                var total = clock.Elapsed.TotalSeconds;
                var bytes = new FileInfo(file).Length;
                File.Delete(file);
                using var self = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {format,-4} {rows.Count:N0} rows, {bytes / (1024.0 * 1024):F1} MB: {total:F1} s, {rows.Count / total:N0} rows/s, peak working set so far {self.PeakWorkingSet64 / (1024 * 1024)} MB"));
            }
        }
        return 0;
    }
}
