using System.Diagnostics;
using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Features.Charts;
using Borgerpuls.Features.Dashboard;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Bench;

/// <summary>The dashboard's first render on the server (issue: ≤ 300 ms at 10 M responses): everything the page computes —
/// the figures of all its sections through the query layer, the filter choices, the target tiles and every chart's table —
/// in-process on a demo database of each size, for an analyst and for a centre manager; plus one chart drawn as SVG.</summary>
internal static class DashboardBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var sizes = options.GetValueOrDefault("--sizes", "10000,1000000").Split(',').Select(long.Parse).ToList();
        var rounds = int.Parse(options.GetValueOrDefault("--rounds", "30"), CultureInfo.InvariantCulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var localizer = new KeyLocalizer();
        Console.WriteLine($"Borgerpuls dashboard benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}, {BenchDatabase.Kind(options)}");
        foreach (var size in sizes)
        {
            var databases = await BenchDatabase.ForSizeAsync(options, size);
            Console.WriteLine();
            Console.WriteLine($"{size:N0} responses");
            var viewers = new (string Name, Viewer Viewer, DashboardFilter Filter)[]
            {
                ("analyst, whole municipality", Viewer.CommandLine, new DashboardFilter { Instrument = "vive-7" }),
                ("manager jc-nord, by unit", new Viewer(Roles.Manager, new HashSet<string> { "jc-nord" }), new DashboardFilter { Instrument = "vive-7", JobCentre = "jc-nord", GroupBy = "unit" }),
                ("analyst, udsatte, by quarter", Viewer.CommandLine, new DashboardFilter { Instrument = "vive-7", TargetGroupSet = "udsatte", Period = "quarter", CompareBy = "period" }),
                // The differencing guard's cost: the committee's figures are the analyst's, plus recording every shown set and
                // checking it against the member's history in the database (the same page again after the first round).
                ("committee + guard, municipality", new Viewer(Roles.Committee, null), new DashboardFilter { Instrument = "vive-7" }),
            };
            var first = Stopwatch.StartNew();
            await RenderAsync(databases, viewers[0].Filter, viewers[0].Viewer, today, localizer);
            Console.WriteLine($"  first render, loading aggregates into memory: {first.ElapsedMilliseconds} ms");
            foreach (var (name, viewer, filter) in viewers)
            {
                var times = new List<double>();
                for (var i = 0; i < rounds; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await RenderAsync(databases, filter, viewer, today, localizer);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
                Console.WriteLine($"  page figures, {name,-30} p50 {Stats.Percentile(times, 50),7:F1} ms   p95 {Stats.Percentile(times, 95),7:F1} ms");
            }
            await using (var db = databases.Create())
            {
                var figures = await DashboardFigures.RunAsync(db, databases, viewers[0].Filter, "vive-7", today, Viewer.CommandLine, 5, CancellationToken.None);
                var charts = new DashboardCharts(figures, localizer);
                foreach (var name in DashboardCharts.Names)
                {
                    if (charts.Get(name) is null) continue;
                    var times = new List<double>();
                    for (var i = 0; i < Math.Max(5, rounds / 3); i++)
                    {
                        var clock = Stopwatch.StartNew();
                        _ = ChartRenderer.Svg(charts.Get(name)!, CultureInfo.CurrentCulture);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                    Console.WriteLine($"  draw {name + " (SVG)",-30} p50 {Stats.Percentile(times, 50),7:F1} ms   p95 {Stats.Percentile(times, 95),7:F1} ms");
                }
            }
            Console.WriteLine($"  working set {Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024)} MB");
        }
        return 0;
    }

    /// <summary>What the page's GET does before Razor writes HTML.</summary>
    private static async Task RenderAsync(BorgerpulsDbFactory databases, DashboardFilter filter, Viewer viewer, DateOnly today, KeyLocalizer localizer)
    {
        if (viewer.Role == Roles.Committee) viewer = viewer with { Ledger = new Borgerpuls.Security.Anonymity.DisclosureLedger() };
        await using var db = databases.Create();
        var figures = await DashboardFigures.RunAsync(db, databases, filter, filter.Instrument!, today, viewer, 5, CancellationToken.None);
        _ = await DashboardOptions.LoadAsync(db, databases, viewer, CancellationToken.None);
        _ = TargetTile.From(figures);
        var charts = new DashboardCharts(figures, localizer);
        foreach (var name in DashboardCharts.Names)
        {
            _ = charts.Get(name)?.Table.Rows.Count; // null where the page shows no chart (e.g. too few answers for a priority map)
        }
        if (viewer.Ledger is { } ledger)
        {
            var guard = new Borgerpuls.Security.Anonymity.DisclosureGuard(databases, new Borgerpuls.Security.Anonymity.AnonymityOptions(), TimeProvider.System);
            if (await guard.CheckAsync("bench-committee", viewer, ledger, 5, CancellationToken.None) is { } refused)
            {
                throw new InvalidOperationException($"refused: {refused}");
            }
        }
    }

    /// <summary>Texts are the resource keys: looking them up is not what is measured.</summary>
    private sealed class KeyLocalizer : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
