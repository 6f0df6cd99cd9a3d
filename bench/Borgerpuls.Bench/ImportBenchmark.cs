using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Borgerpuls.Bench;

/// <summary>Import speed and memory (issue: 1 M rows of CSV in ≤ 60 s with flat memory): writes a VIVE-style wide CSV and
/// times the real <c>import</c> verb on a fresh database (embedded, or PostgreSQL with <c>--pg</c>), reporting the importing process's peak memory.</summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var rows = int.Parse(options.GetValueOrDefault("--rows", "1000000"), CultureInfo.InvariantCulture);
        var dir = Directory.CreateTempSubdirectory("borgerpuls-import-bench-").FullName;
        var csv = Path.Combine(dir, "vive.csv");
        var db = await BenchDatabase.EmptyAsync(options, "borgerpuls_bench_import");
        var exe = Path.Combine(AppContext.BaseDirectory, "Borgerpuls.dll");
        try
        {
            var random = new Random(7);
            string[] groups = ["jobparat", "uddannelsesparat", "dagpenge", "aktivitetsparat", "sygedagpenge", "jobafklaring", "ressourceforloeb", "fleksjob", "revalidering"];
            string[] labels = ["Meget tilfreds", "Tilfreds", "Hverken tilfreds eller utilfreds", "Utilfreds", "Meget utilfreds", "Ved ikke"];
            await using (var writer = new StreamWriter(csv, false, new UTF8Encoding(true)))
            {
                await writer.WriteLineAsync("respondent_id;submitted_at;jobcenter;site;target_group;samtale;behandling;spoerge;naeste;bidraget;fremdrift;inddrager");
                for (var i = 0; i < rows; i++)
                {
                    var day = new DateOnly(2024, 1, 1).AddDays(random.Next(700)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var answers = string.Join(';', Enumerable.Range(0, 7).Select(q => q == 0 ? labels[random.Next(labels.Length)] : (1 + random.Next(5)).ToString(CultureInfo.InvariantCulture)));
                    await writer.WriteLineAsync($"R{i};{day};jc-{(i % 3 == 0 ? "nord" : i % 3 == 1 ? "syd" : "centrum")};;{groups[random.Next(groups.Length)]};{answers}");
                }
            }
            await Run(exe, "demo-data", "--responses", "0", "--db", db);
            var start = new ProcessStartInfo("dotnet") { ArgumentList = { exe, "import", csv, "--instrument", "vive-7", "--db", db }, RedirectStandardOutput = true, RedirectStandardError = true };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            long peak = 0;
            var sampler = Task.Run(async () =>
            {
                while (!process.HasExited)
                {
                    try { process.Refresh(); peak = Math.Max(peak, process.PeakWorkingSet64); } catch (InvalidOperationException) { }
                    await Task.Delay(200);
                }
            });
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await sampler;
            Console.WriteLine($"Borgerpuls import benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, {BenchDatabase.Kind(options)}");
            Console.WriteLine($"{rows:N0} rows, {new FileInfo(csv).Length / (1024 * 1024)} MB CSV: {clock.Elapsed.TotalSeconds:F1} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s), peak working set {peak / (1024 * 1024)} MB, exit {process.ExitCode}");
            Console.WriteLine(output.Trim());
            if (error.Length > 0) Console.WriteLine(error.Trim());
            return process.ExitCode;
        }
        finally
        {
            BenchDatabase.Discard(db);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task Run(string exe, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(exe);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
    }
}
