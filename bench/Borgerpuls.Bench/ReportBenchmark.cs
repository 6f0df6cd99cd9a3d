using System.Diagnostics;
using System.Globalization;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Features.Reports;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;

namespace Borgerpuls.Bench;

/// <summary>Committee report generation (issue: ≤ 5 s at 10 M responses): the whole report — every query behind it and the
/// writer — in each format, on a demo database of each size. The first report of a process also loads the aggregates into
/// memory and runs code not yet compiled, as the first report after a restart does; both are reported separately.</summary>
internal static class ReportBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var sizes = options.GetValueOrDefault("--sizes", "10000,1000000").Split(',').Select(long.Parse).ToList();
        var rounds = int.Parse(options.GetValueOrDefault("--rounds", "5"), CultureInfo.InvariantCulture);
        var lexicon = new ThemeLexicon(ThemePresets.All);
        var text = new ReportText(CultureInfo.GetCultureInfo("da"));
        CultureInfo.CurrentUICulture = text.Culture;

        var scopes = new (string Name, ReportRequest Request)[]
        {
            ("vive-7, all periods", new ReportRequest(new ResultsRequest("vive-7") { By = Dimension.TargetGroupSet }, 5, 10)),
            ("vive-7, 2025, by quarter", new ReportRequest(new ResultsRequest("vive-7") { By = Dimension.TargetGroupSet, From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31) }, 5, 10)),
            ("brugerundersoegelse-15, jc-nord", new ReportRequest(new ResultsRequest("brugerundersoegelse-15") { By = Dimension.TargetGroupSet, Where = new Dictionary<Dimension, string> { [Dimension.JobCentre] = "jc-nord" } }, 5, 10)),
        };

        Console.WriteLine($"Borgerpuls report benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, {BenchDatabase.Kind(options)}");
        foreach (var size in sizes)
        {
            var databases = await BenchDatabase.ForSizeAsync(options, size);
            await using var db = databases.Create();
            Console.WriteLine();
            Console.WriteLine($"{size:N0} responses");
            var load = Stopwatch.StartNew();
            await ResultsQuery.RunAsync(db, databases, new ResultsRequest("vive-7"), Viewer.CommandLine, 5, CancellationToken.None);
            Console.WriteLine($"  loading the aggregates (first query of a process): {load.ElapsedMilliseconds} ms");
            var first = true;
            foreach (var (name, request) in scopes)
            {
                foreach (var format in Enum.GetValues<ReportFormat>())
                {
                    var times = new List<double>();
                    var bytes = 0;
                    for (var i = 0; i < rounds; i++)
                    {
                        var clock = Stopwatch.StartNew();
                        var data = await ReportBuilder.BuildAsync(db, databases, request, Viewer.CommandLine, lexicon, TimeProvider.System, CancellationToken.None);
                        bytes = ReportFormats.Write(data, format, text).Length;
                        times.Add(clock.Elapsed.TotalMilliseconds);
                        if (first)
                        {
                            Console.WriteLine($"  first report of the process (code not yet compiled): {times[0]:F0} ms");
                            first = false;
                            times.Clear();
                            i--;
                        }
                    }
                    Console.WriteLine($"  {name,-34} {ReportFormats.Extension(format),-5} p50 {Stats.Percentile(times, 50),7:F0} ms   max {times.Max(),7:F0} ms   {bytes / 1024,5} KB");
                }
                await StagesAsync(db, databases, request, lexicon, rounds);
            }
            Console.WriteLine($"  working set {Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024)} MB");
        }
        return 0;
    }

    /// <summary>Where a report's time goes: each query behind it, median of the rounds.</summary>
    private static async Task StagesAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ReportRequest request, ThemeLexicon lexicon, int rounds)
    {
        var r = request.Results;
        var stages = new (string Name, Func<Task> Run)[]
        {
            ("results by group", () => ResultsQuery.RunAsync(db, databases, r, Viewer.CommandLine, 5, CancellationToken.None)),
            ("trend", () => ResultsQuery.RunAsync(db, databases, r with { By = Dimension.Period, Period = PeriodGranularity.Quarter }, Viewer.CommandLine, 5, CancellationToken.None)),
            ("priority map", () => PriorityMapQuery.RunAsync(db, databases, r with { By = null }, Viewer.CommandLine, 5, CancellationToken.None)),
            ("comment themes", () => Borgerpuls.Features.Comments.CommentThemesQuery.RunAsync(db, databases, r with { By = null }, Viewer.CommandLine, lexicon, 5, 10, CancellationToken.None)),
        };
        var parts = new List<string>();
        foreach (var (name, run) in stages)
        {
            var times = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var clock = Stopwatch.StartNew();
                await run();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            parts.Add($"{name} {Stats.Percentile(times, 50):F0} ms");
        }
        Console.WriteLine($"    stages (p50): {string.Join(", ", parts)}");
    }
}
