using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Borgerpuls.Data;

namespace Borgerpuls.Bench;

/// <summary>Sustained ingest over HTTP against the real server process on the embedded database (SPEC §7: ≥ 5 000
/// responses/s, p99 ≤ 50 ms on 2 cores). Every response is acknowledged only after its commit; at the end the stored count
/// must equal the acknowledged count. The load generator shares the cores with the server, so it is kept cheap: bodies
/// are UTF-8 bytes made from a template, no per-request Stopwatch, latencies collected per client.
/// <c>--server DIR</c> runs the Borgerpuls.dll of another build (e.g. the previous commit) under the same load generator,
/// so that two builds can be compared back to back on a machine whose load varies.</summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var seconds = int.Parse(options.GetValueOrDefault("--seconds", "20"), CultureInfo.InvariantCulture);
        var clients = int.Parse(options.GetValueOrDefault("--clients", "32"), CultureInfo.InvariantCulture);
        // Several instances only make sense on PostgreSQL (ADR 16: the embedded database serves one instance); the clients
        // are spread over them in turn, as a round-robin proxy would.
        var instances = int.Parse(options.GetValueOrDefault("--instances", "1"), CultureInfo.InvariantCulture);
        var db = await BenchDatabase.EmptyAsync(options, "borgerpuls_bench_ingest");
        var exe = Path.Combine(options.GetValueOrDefault("--server", AppContext.BaseDirectory), "Borgerpuls.dll");
        await Run(exe, "demo-data", "--responses", "0", "--db", db);
        var key = (await Run(exe, "device", "add", "--site", "sjaellandsgade", "--instrument", "smiley", "--name", "bench", "--db", db)).Trim().Split('\n')[^1].Trim();
        var servers = new List<Process>();
        var https = new List<HttpClient>();
        // Drain the servers' output: an unread pipe fills up and then blocks the server's logging, and with it the requests.
        var serverLog = new ConcurrentQueue<string>();
        try
        {
            for (var n = 0; n < instances; n++)
            {
                var port = 20000 + Random.Shared.Next(20000);
                var server = Process.Start(new ProcessStartInfo("dotnet")
                {
                    ArgumentList = { exe, "--db", db, "--urls", $"http://127.0.0.1:{port}", "--RateLimits:CitizenPerMinute", "100000000", "--Logging:LogLevel:Default", "Warning" },
                    RedirectStandardOutput = true, RedirectStandardError = true,
                })!;
                server.OutputDataReceived += (_, e) => { if (e.Data is { } line) serverLog.Enqueue(line); };
                server.ErrorDataReceived += (_, e) => { if (e.Data is { } line) serverLog.Enqueue(line); };
                server.BeginOutputReadLine();
                server.BeginErrorReadLine();
                servers.Add(server);
                var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", key);
                https.Add(http);
            }
            // On a busy machine a server can take a while to start; load sent before it listens would count as failures.
            foreach (var http in https)
            {
                var ready = false;
                for (var i = 0; i < 600 && !ready; i++)
                {
                    try { ready = (await http.GetAsync("/health/ready")).IsSuccessStatusCode; } catch (HttpRequestException) { }
                    if (!ready) await Task.Delay(200);
                }
                if (!ready) throw new TimeoutException($"{http.BaseAddress} did not answer /health/ready within two minutes.");
            }
            // Warm-up, then the measured window.
            await Load(https, clients, TimeSpan.FromSeconds(3), []);
            Failures.Clear();
            var latencies = new ConcurrentBag<List<double>>();
            var clock = Stopwatch.StartNew();
            var (acknowledged, failed) = await Load(https, clients, TimeSpan.FromSeconds(seconds), latencies);
            var elapsed = clock.Elapsed.TotalSeconds;
            var workingSets = servers.Select(s => Process.GetProcessById(s.Id).WorkingSet64 / (1024 * 1024)).ToList();
            var stored = await BenchDatabase.CountAsync(DatabaseSetup.Resolve(db));
            Console.WriteLine($"Borgerpuls ingest benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, {BenchDatabase.Kind(options)}, {instances} instance(s)");
            Console.WriteLine($"server {exe}; load average before the run {LoadAverage()}");
            Console.WriteLine($"{clients} concurrent clients, {seconds} s: {acknowledged:N0} acknowledged ({acknowledged / elapsed:N0}/s), {failed} not acknowledged");
            foreach (var (status, count) in Failures.OrderBy(f => f.Key)) Console.WriteLine($"  not acknowledged: {count} × {status}");
            foreach (var line in serverLog.Where(l => l.Contains("fail", StringComparison.Ordinal) || l.Contains("warn", StringComparison.Ordinal)).Take(5)) Console.WriteLine($"  server: {line}");
            var list = latencies.SelectMany(l => l).ToList();
            Console.WriteLine($"latency p50 {Stats.Percentile(list, 50):F1} ms, p95 {Stats.Percentile(list, 95):F1} ms, p99 {Stats.Percentile(list, 99):F1} ms, max {list.Max():F1} ms");
            Console.WriteLine($"server working set {string.Join(" + ", workingSets)} MB; stored responses {stored:N0} (warm-up included)");
            return 0;
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            foreach (var http in https) http.Dispose();
            BenchDatabase.Discard(db);
        }
    }

    private static async Task<(long Acknowledged, long Failed)> Load(List<HttpClient> https, int clients, TimeSpan duration, ConcurrentBag<List<double>> latencies)
    {
        long acknowledged = 0, failed = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var http = https[c % https.Count];
            var mine = new List<double>(capacity: 65_536);
            var at = DateTimeOffset.Now.AddMinutes(-30);
            var body = new Body();
            while (Stopwatch.GetTimestamp() < until)
            {
                using var content = new ByteArrayContent(body.Next(at.AddMilliseconds(Random.Shared.Next(1_000_000))));
                content.Headers.ContentType = Json;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync(Endpoint, content);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) Interlocked.Increment(ref acknowledged);
                    else
                    {
                        Interlocked.Increment(ref failed);
                        Failures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                    }
                }
                catch (HttpRequestException e)
                {
                    Interlocked.Increment(ref failed);
                    Failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
            latencies.Add(mine);
        }));
        return (acknowledged, failed);
    }

    private static readonly ConcurrentDictionary<string, int> Failures = new();
    private static readonly Uri Endpoint = new("/api/v1/responses", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>One smiley press as UTF-8: a fixed template with the id, time and option written into it.</summary>
    private sealed class Body
    {
        private const string Template = "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"instrument\":\"smiley\",\"answeredAt\":\"0000-00-00T00:00:00.0000000+00:00\",\"answers\":{\"besoeg\":\"0\"}}";
        private static readonly int IdAt = Template.IndexOf("00000000-", StringComparison.Ordinal);
        private static readonly int TimeAt = Template.IndexOf("0000-00-00T", StringComparison.Ordinal);
        private static readonly int CodeAt = Template.LastIndexOf('0');

        public byte[] Next(DateTimeOffset answeredAt)
        {
            var bytes = Encoding.UTF8.GetBytes(Template);
            Guid.NewGuid().TryFormat(bytes.AsSpan(IdAt), out _);
            answeredAt.TryFormat(bytes.AsSpan(TimeAt), out _, "O", CultureInfo.InvariantCulture);
            bytes[CodeAt] = (byte)('1' + Random.Shared.Next(4));
            return bytes;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

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
