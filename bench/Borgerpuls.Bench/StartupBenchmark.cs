using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Borgerpuls.Bench;

/// <summary>A server's start on a demo database of each size (SPEC §7: ≤ 500 MB working set at 10 M responses): the real
/// server process, the time until <c>/health/ready</c> answers, the time until it has loaded the aggregates into memory
/// (its own log line), and its working set then and after a short settle.</summary>
internal static partial class StartupBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var sizes = options.GetValueOrDefault("--sizes", "10000,1000000").Split(',').Select(long.Parse).ToList();
        var rounds = int.Parse(options.GetValueOrDefault("--rounds", "3"), CultureInfo.InvariantCulture);
        var exe = Path.Combine(options.GetValueOrDefault("--server", AppContext.BaseDirectory), "Borgerpuls.dll");
        Console.WriteLine($"Borgerpuls start-up benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, {BenchDatabase.Kind(options)}");
        foreach (var size in sizes)
        {
            var databases = await BenchDatabase.ForSizeAsync(options, size);
            Console.WriteLine();
            Console.WriteLine($"{size:N0} responses");
            for (var round = 1; round <= rounds; round++)
            {
                var port = 20000 + Random.Shared.Next(20000);
                var loaded = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                var log = new ConcurrentQueue<string>();
                var clock = Stopwatch.StartNew();
                using var server = Process.Start(new ProcessStartInfo("dotnet")
                {
                    ArgumentList = { exe, "--db", databases.Target.ConnectionString, "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Borgerpuls.Data.Aggregates", "Information" },
                    RedirectStandardOutput = true, RedirectStandardError = true,
                })!;
                void Read(object? _, DataReceivedEventArgs e)
                {
                    if (e.Data is not { } line) return;
                    log.Enqueue(line);
                    if (Loaded().Match(line) is { Success: true } m) loaded.TrySetResult(m.Groups[1].Value);
                }
                server.OutputDataReceived += Read;
                server.ErrorDataReceived += Read;
                server.BeginOutputReadLine();
                server.BeginErrorReadLine();
                try
                {
                    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                    double? ready = null;
                    while (ready is null && clock.Elapsed < TimeSpan.FromMinutes(5) && !server.HasExited)
                    {
                        try { if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) ready = clock.Elapsed.TotalSeconds; } catch (HttpRequestException) { }
                        if (ready is null) await Task.Delay(50);
                    }
                    if (ready is null) throw new TimeoutException("The server did not become ready: " + string.Join(Environment.NewLine, log.TakeLast(20)));
                    var loadedIn = await loaded.Task.WaitAsync(TimeSpan.FromMinutes(10));
                    var afterLoad = clock.Elapsed.TotalSeconds;
                    server.Refresh();
                    var atLoad = server.WorkingSet64;
                    await Task.Delay(TimeSpan.FromSeconds(10));
                    server.Refresh();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round}: ready {ready:F2} s; aggregates in memory {afterLoad:F2} s (loading {loadedIn} ms); working set {atLoad / (1024 * 1024)} MB, 10 s later {server.WorkingSet64 / (1024 * 1024)} MB, peak {server.PeakWorkingSet64 / (1024 * 1024)} MB"));
                }
                finally
                {
                    server.Kill(entireProcessTree: true);
                    await server.WaitForExitAsync();
                }
            }
        }
        return 0;
    }

    [GeneratedRegex(@"Aggregates loaded into memory in (\d+) ms")]
    private static partial Regex Loaded();
}
