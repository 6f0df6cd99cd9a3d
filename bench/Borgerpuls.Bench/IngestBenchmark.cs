using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Borgerpuls.Bench;

/// <summary>Sustained ingest over HTTP against the real server process on the embedded database (SPEC §7: ≥ 5 000
/// responses/s, p99 ≤ 50 ms on 2 cores). Every response is acknowledged only after its commit; at the end the stored count
/// must equal the acknowledged count.</summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var seconds = int.Parse(options.GetValueOrDefault("--seconds", "20"), CultureInfo.InvariantCulture);
        var clients = int.Parse(options.GetValueOrDefault("--clients", "32"), CultureInfo.InvariantCulture);
        var dir = Directory.CreateTempSubdirectory("borgerpuls-ingest-").FullName;
        var db = Path.Combine(dir, "ingest.db");
        var exe = Path.Combine(AppContext.BaseDirectory, "Borgerpuls.dll");
        await Run(exe, "demo-data", "--responses", "0", "--db", db);
        var key = (await Run(exe, "device", "add", "--site", "sjaellandsgade", "--instrument", "smiley", "--name", "bench", "--db", db)).Trim().Split('\n')[^1].Trim();
        var port = 20000 + Random.Shared.Next(20000);
        var server = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { exe, "--db", db, "--urls", $"http://127.0.0.1:{port}", "--RateLimits:CitizenPerMinute", "100000000", "--Logging:LogLevel:Default", "Warning" },
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
            for (var i = 0; i < 100; i++)
            {
                try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
                await Task.Delay(200);
            }
            // Warm-up, then the measured window.
            await Load(http, clients, TimeSpan.FromSeconds(3), new ConcurrentBag<double>());
            var latencies = new ConcurrentBag<double>();
            var clock = Stopwatch.StartNew();
            var (acknowledged, failed) = await Load(http, clients, TimeSpan.FromSeconds(seconds), latencies);
            var elapsed = clock.Elapsed.TotalSeconds;
            var process = Process.GetProcessById(server.Id);
            var stored = Count(db);
            Console.WriteLine($"Borgerpuls ingest benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, SQLite (WAL, synchronous=FULL)");
            Console.WriteLine($"{clients} concurrent clients, {seconds} s: {acknowledged:N0} acknowledged ({acknowledged / elapsed:N0}/s), {failed} not acknowledged");
            var list = latencies.ToList();
            Console.WriteLine($"latency p50 {Stats.Percentile(list, 50):F1} ms, p95 {Stats.Percentile(list, 95):F1} ms, p99 {Stats.Percentile(list, 99):F1} ms, max {list.Max():F1} ms");
            Console.WriteLine($"server working set {process.WorkingSet64 / (1024 * 1024)} MB; stored responses {stored:N0} (warm-up included)");
            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(long Acknowledged, long Failed)> Load(HttpClient http, int clients, TimeSpan duration, ConcurrentBag<double> latencies)
    {
        long acknowledged = 0, failed = 0;
        var until = DateTime.UtcNow + duration;
        var codes = new[] { "1", "2", "3", "4" };
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var at = DateTimeOffset.Now.AddMinutes(-30);
            while (DateTime.UtcNow < until)
            {
                var answeredAt = at.AddMilliseconds(Random.Shared.Next(1_000_000)).ToString("O", CultureInfo.InvariantCulture);
                var body = "{\"id\":\"" + Guid.NewGuid() + "\",\"instrument\":\"smiley\",\"answeredAt\":\"" + answeredAt
                    + "\",\"answers\":{\"besoeg\":\"" + codes[Random.Shared.Next(4)] + "\"}}";
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.PostAsync("/api/v1/responses", new StringContent(body, Encoding.UTF8, "application/json"));
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) Interlocked.Increment(ref acknowledged);
                    else Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return (acknowledged, failed);
    }

    private static long Count(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Responses";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<string> Run(string exe, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(exe);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException(await process.StandardError.ReadToEndAsync());
        return output;
    }
}
