using Borgerpuls.Data;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Dashboard;

/// <summary>What the page and the chart downloads share: the filter from the query string, the instrument to show, the
/// figures for the signed-in viewer, and the differencing guard (the same as for the results API).</summary>
public sealed record DashboardLoad(DashboardFilter Filter, IReadOnlyList<(string Key, string Name)> Instruments, string? Instrument,
    DashboardFigures? Figures, string? Error, string? Refused);

public static class DashboardLoader
{
    public static async Task<DashboardLoad> LoadAsync(HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity,
        TimeProvider clock, CancellationToken ct)
    {
        var filter = DashboardFilter.Parse(http.Request.Query);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // Citizens' figures only: a mirror instrument's staff answers are shown beside them on the mirror page.
        var rows = await db.Instruments.AsNoTracking().Where(i => i.Kind != Domain.InstrumentKind.Mirror).OrderBy(i => i.Key).Select(i => new { i.Id, i.Key, i.Names }).ToListAsync(ct);
        var instruments = rows.Select(i => (i.Key, i.Names.In(language).Text)).ToList();
        var withTargets = await db.Targets.Select(t => t.InstrumentId).Distinct().ToListAsync(ct);
        // By default the instrument that has targets (the yearly survey), since the targets are what the committee follows.
        var selected = instruments.Any(i => i.Key == filter.Instrument) ? filter.Instrument
            : rows.FirstOrDefault(r => withTargets.Contains(r.Id))?.Key ?? rows.FirstOrDefault()?.Key;
        filter = filter with { Instrument = selected };
        if (selected is null)
        {
            return new DashboardLoad(filter, instruments, null, null, null, null);
        }
        var viewer = Viewer.For(http);
        var k = anonymity.K;
        try
        {
            var today = DanishTime.Today(clock);
            var figures = await DashboardFigures.RunAsync(db, databases, filter, selected, today, viewer, k, ct);
            var refused = await DisclosureFilter.RefusalAsync(http, Texts(http));
            return refused is null
                ? new DashboardLoad(filter, instruments, selected, figures, null, null)
                : new DashboardLoad(filter, instruments, selected, null, null, refused);
        }
        catch (ResultsException e)
        {
            return new DashboardLoad(filter, instruments, selected, null, e.Text(Texts(http)), null);
        }
    }

    private static IStringLocalizer<SharedResource> Texts(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
}
