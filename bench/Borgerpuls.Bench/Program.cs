using System.Diagnostics;
using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;

// Results and priority-map latency at several stored sizes (SPEC §7: ≤ 50 ms p95 at 10 M, ≤ 2× the 10 k figure).
// Usage: dotnet run -c Release --project bench/Borgerpuls.Bench -- results [--sizes 10000,1000000,10000000] [--rounds 40] [--dir /tmp/borgerpuls-bench]
//        dotnet run -c Release --project bench/Borgerpuls.Bench -- ingest [--seconds 20] [--clients 32]
//        dotnet run -c Release --project bench/Borgerpuls.Bench -- import [--rows 1000000]
//        dotnet run -c Release --project bench/Borgerpuls.Bench -- report [--sizes 10000,1000000] [--rounds 5] [--dir /tmp/borgerpuls-bench]
//        dotnet run -c Release --project bench/Borgerpuls.Bench -- dashboard [--sizes 10000,1000000] [--rounds 30] [--dir /tmp/borgerpuls-bench]
//        dotnet run -c Release --project bench/Borgerpuls.Bench -- catch-up [--size 200000] [--rounds 10] [--dir /tmp/borgerpuls-bench]
//        dotnet run -c Release --project bench/Borgerpuls.Bench -- export [--sizes 10000,1000000] [--instrument smiley]
//        dotnet run -c Release --project bench/Borgerpuls.Bench -- startup [--sizes 10000,1000000] [--rounds 3]
// Every verb but catch-up takes --pg "Host=…;Port=…;Username=…" to measure on PostgreSQL (one database per size) instead of
// SQLite files; ingest takes --instances N there. bench/all.sh runs them all on both databases.
if (args.FirstOrDefault() == "report")
{
    return await Borgerpuls.Bench.ReportBenchmark.RunAsync(args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]));
}
if (args.FirstOrDefault() == "dashboard")
{
    return await Borgerpuls.Bench.DashboardBenchmark.RunAsync(args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]));
}
if (args.FirstOrDefault() == "catch-up")
{
    return await Borgerpuls.Bench.CatchUpBenchmark.RunAsync(args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]));
}
if (args.FirstOrDefault() == "export")
{
    return await Borgerpuls.Bench.ExportBenchmark.RunAsync(args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]));
}
if (args.FirstOrDefault() == "startup")
{
    return await Borgerpuls.Bench.StartupBenchmark.RunAsync(args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]));
}
if (args.FirstOrDefault() == "import")
{
    return await Borgerpuls.Bench.ImportBenchmark.RunAsync(args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]));
}
if (args.FirstOrDefault() == "ingest")
{
    return await Borgerpuls.Bench.IngestBenchmark.RunAsync(args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]));
}
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
var sizes = options.GetValueOrDefault("--sizes", "10000,1000000").Split(',').Select(long.Parse).ToList();
var rounds = int.Parse(options.GetValueOrDefault("--rounds", "40"), CultureInfo.InvariantCulture);

var queries = new (string Name, ResultsRequest Request, bool Map)[]
{
    ("vive-7 by targetGroupSet", new ResultsRequest("vive-7") { By = Dimension.TargetGroupSet }, false),
    ("smiley by site", new ResultsRequest("smiley") { By = Dimension.Site }, false),
    ("borgeroplevelse-5 by quarter", new ResultsRequest("borgeroplevelse-5") { By = Dimension.Period, Period = PeriodGranularity.Quarter }, false),
    ("vive-7 jc-nord by unit, 2025", new ResultsRequest("vive-7") { By = Dimension.Unit, From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31), Where = new Dictionary<Dimension, string> { [Dimension.JobCentre] = "jc-nord" } }, false),
    ("vive-7 by language", new ResultsRequest("vive-7") { By = Dimension.Language }, false),
    ("priority map brugerundersoegelse-15", new ResultsRequest("brugerundersoegelse-15"), true),
};

Console.WriteLine($"Borgerpuls results benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, {Borgerpuls.Bench.BenchDatabase.Kind(options)}");
var p95BySize = new Dictionary<long, double>();
foreach (var size in sizes)
{
    var databases = await Borgerpuls.Bench.BenchDatabase.ForSizeAsync(options, size);
    await using var db = databases.Create();
    var load = Stopwatch.StartNew();
    await ResultsQuery.RunAsync(db, databases, queries[0].Request, Viewer.CommandLine, 5, CancellationToken.None);
    load.Stop();
    var all = new List<double>();
    Console.WriteLine();
    Console.WriteLine($"{size:N0} responses (first query, loading aggregates into memory: {load.ElapsedMilliseconds} ms)");
    foreach (var (name, request, map) in queries)
    {
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            if (map) await PriorityMapQuery.RunAsync(db, databases, request, Viewer.CommandLine, 5, CancellationToken.None);
            else await ResultsQuery.RunAsync(db, databases, request, Viewer.CommandLine, 5, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        all.AddRange(times);
        Console.WriteLine($"  {name,-38} p50 {Percentile(times, 50),7:F2} ms   p95 {Percentile(times, 95),7:F2} ms");
    }
    p95BySize[size] = Percentile(all, 95);
    Console.WriteLine($"  {"all queries",-38} p50 {Percentile(all, 50),7:F2} ms   p95 {p95BySize[size],7:F2} ms   working set {Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024)} MB");
}
if (p95BySize.Count > 1)
{
    var smallest = p95BySize.MinBy(kv => kv.Key);
    foreach (var (size, p95) in p95BySize.Where(kv => kv.Key != smallest.Key))
    {
        Console.WriteLine($"p95 ratio {size:N0} / {smallest.Key:N0}: {p95 / smallest.Value:F2}");
    }
}

return 0;

static double Percentile(List<double> values, int percentile) => Borgerpuls.Bench.Stats.Percentile(values, percentile);
