using Borgerpuls.Data;
using Borgerpuls.Features.Dashboard;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Benchmark;

/// <summary>The benchmark as the dashboard ("Andre kommuner (gennemsnit)") and the committee report show it: for the
/// municipality of the selected job centre (or the viewer's only one), with the question texts; or, as a resource key and its
/// arguments, why not.</summary>
public sealed record BenchmarkPanel(BenchmarkReport? Report, InstrumentDefinition Instrument, string? MessageKey = null, object[]? Args = null)
{
    /// <summary>Null when no municipality in the deployment takes part, so a deployment without the benchmark shows nothing.</summary>
    public static async Task<BenchmarkPanel?> ForAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, InstrumentDefinition instrument, DateOnly? from, DateOnly? to,
        string? jobCentre, Viewer viewer, int k, CancellationToken ct)
    {
        if (!await db.Municipalities.AnyAsync(m => m.Benchmark, ct)) return null;
        string? municipality = null;
        if (jobCentre is not null)
        {
            var owners = await db.JobCentres.Where(j => j.Key == jobCentre).Select(j => j.Municipality!.Key).ToListAsync(ct);
            municipality = owners.Count == 1 ? owners[0] : null;
        }
        try
        {
            var report = await BenchmarkQuery.RunAsync(db, databases, new BenchmarkRequest(instrument.Key, from, to, municipality), viewer, k, ct);
            return new BenchmarkPanel(report, instrument, report.Refused is { } why ? BenchmarkQuery.ReasonKey(why) : null);
        }
        catch (ResultsException e) when (e.Key == "Benchmark.Error.ChooseMunicipality")
        {
            return new BenchmarkPanel(null, instrument, "Benchmark.ChooseJobCentre");
        }
    }

    /// <summary>The dashboard's section. Its own figure goes through the differencing guard on a ledger of its own, so that a
    /// refusal hides only this section, never the rest of the page.</summary>
    public static async Task<BenchmarkPanel?> ForDashboardAsync(HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity,
        DashboardLoad load, CancellationToken ct)
    {
        if (load.Figures is not { } figures) return null;
        var ledger = new DisclosureLedger();
        var viewer = Viewer.From(http.User);
        if (!viewer.IsAnalystOrAdmin) viewer = viewer with { Ledger = ledger };
        var panel = await ForAsync(db, databases, figures.Instrument, figures.Months.From, figures.Months.To, load.Filter.JobCentre, viewer, anonymity.K, ct);
        if (panel is null || await DisclosureFilter.CheckAsync(http, ledger) is not { } refusal) return panel;
        return refusal.Reason == DisclosureRefusalReason.TooMany
            ? new BenchmarkPanel(null, figures.Instrument, "Anonymity.Refused.TooMany")
            : new BenchmarkPanel(null, figures.Instrument, "Anonymity.Refused.Differencing", [refusal.K]);
    }
}
