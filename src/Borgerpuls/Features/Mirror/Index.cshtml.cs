using Borgerpuls.Data;
using Borgerpuls.Features.Dashboard;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Mirror;

/// <summary>"Borgernes svar og medarbejdernes forventning": the mirror survey for the dashboard's questionnaire, months and job
/// centre. Committee viewers see it too, so the differencing guard runs on what its queries showed.</summary>
[Authorize(Policy = Policies.Aggregates), DisclosureGuarded]
public sealed class IndexModel(BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public DashboardFilter Filter { get; private set; } = new();
    public IReadOnlyList<(string Key, string Name)> Instruments { get; private set; } = [];
    public IReadOnlyList<(string Key, string Name)> JobCentres { get; private set; } = [];
    public (DateOnly From, DateOnly To) Months { get; private set; }
    public MirrorReport? Report { get; private set; }
    public string? Error { get; private set; }
    public string? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = DashboardFilter.Parse(Request.Query);
        var viewer = Viewer.For(HttpContext);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var mirrored = await MirrorComparison.MirroredAsync(db, ct);
        var names = await db.Instruments.AsNoTracking().Where(i => mirrored.Keys.Contains(i.Key)).OrderBy(i => i.Key).Select(i => new { i.Key, i.Names }).ToListAsync(ct);
        Instruments = names.Select(i => (i.Key, i.Names.In(language).Text)).ToList();
        JobCentres = (await DashboardOptions.LoadAsync(db, databases, viewer, ct)).JobCentres;
        Months = Filter.Months(DanishTime.Today(clock));
        var instrument = Filter.Instrument is { } asked && mirrored.ContainsKey(asked) ? asked : Instruments.Count > 0 ? Instruments[0].Key : null;
        Filter = Filter with { Instrument = instrument };
        if (instrument is null) return;
        try
        {
            var where = Filter.JobCentre is { } centre ? new Dictionary<Dimension, string> { [Dimension.JobCentre] = centre } : [];
            Report = await MirrorComparison.RunAsync(db, databases, instrument, Months.From, Months.To, where, viewer, anonymity.K, ct);
            Refused = await DisclosureFilter.RefusalAsync(HttpContext, t);
        }
        catch (ResultsException e)
        {
            Error = e.Text(t);
        }
        if (Error is not null || Refused is not null)
        {
            Report = null;
            Response.StatusCode = Refused is null ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden;
        }
    }

    /// <summary>Rows whose gap is significant carry a class as well as the words, for the table's emphasis.</summary>
    public static string? RowClass(MirrorRow row) => row.Test?.Significant == true ? "significant" : null;
}
