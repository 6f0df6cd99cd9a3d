using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Reports;
using Borgerpuls.Features.Results;
using Borgerpuls.Features.ServiceGoals;
using Borgerpuls.Localization;
using Borgerpuls.Security.Anonymity;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Dashboard;

/// <summary>The dashboard: targets, answers per question and group, trends, priority map, kiosk hours, comparison and
/// drill-down for one selection. Committee viewers see it too; suppression and scope come from the query layer.</summary>
[Authorize(Policy = Policies.Aggregates), Security.Anonymity.DisclosureGuarded]
public sealed class IndexModel(BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public DashboardLoad Load { get; private set; } = null!;
    public DashboardOptions Options { get; private set; } = null!;

    /// <summary>Why the committee report for this selection was not given; null when it was not asked for.</summary>
    public string? ReportError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Load = await DashboardLoader.LoadAsync(HttpContext, db, databases, anonymity, clock, ct);
        Options = await DashboardOptions.LoadAsync(db, databases, Viewer.From(User), ct);
        if (Load.Error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        if (Load.Refused is not null) Response.StatusCode = StatusCodes.Status403Forbidden;
        if (Load.Figures is not null) ServiceGoals = await ServiceGoalTiles.LoadAsync(db, Viewer.From(User), Load.Filter, clock, ct);
        Benchmark = await Features.Benchmark.BenchmarkPanel.ForDashboardAsync(HttpContext, db, databases, anonymity, Load, ct);
        HasMirror = Load.Instrument is { } shown && (await Mirror.MirrorComparison.MirroredAsync(db, ct)).ContainsKey(shown);
    }

    /// <summary>The own municipality beside other municipalities' average; null when no municipality takes part.</summary>
    public Features.Benchmark.BenchmarkPanel? Benchmark { get; private set; }

    /// <summary>Whether staff answer a mirror of the shown questionnaire, so the page links to the comparison.</summary>
    public bool HasMirror { get; private set; }

    /// <summary>The service goals over the selected months and job centre.</summary>
    public IReadOnlyList<GoalCompliance> ServiceGoals { get; private set; } = [];

    /// <summary>The committee report (udvalgsrapport) for exactly the selection on the page — instrument, months, job centre,
    /// site, team, target group, channel and grouping — under the same scope, suppression and differencing guard. A refused
    /// or invalid selection shows the dashboard with the reason instead of a file.</summary>
    public async Task<IActionResult> OnGetReportAsync(string? format, [FromServices] ThemeLexicon lexicon, [FromServices] AuditLog audit, CancellationToken ct)
    {
        if (ReportFormats.Parse(format) is not { } chosen) return NotFound();
        var filter = DashboardFilter.Parse(Request.Query);
        var viewer = Viewer.For(HttpContext);
        try
        {
            if (filter.Instrument is not { } instrument) throw new ResultsException("Dashboard.Report.NoInstrument");
            var today = DanishTime.Today(clock);
            var request = new ReportRequest(filter.Request(instrument, filter.Months(today), filter.GroupBy), anonymity.K, anonymity.KComments);
            var file = await ReportDownload.CreateAsync(HttpContext, db, databases, lexicon, audit, clock, request, chosen, viewer, ct);
            ReportError = await DisclosureFilter.RefusalAsync(HttpContext, t);
            if (ReportError is null)
            {
                return File(file.FileContents.ToArray(), file.ContentType ?? "application/octet-stream", file.FileDownloadName);
            }
        }
        catch (ResultsException e)
        {
            ReportError = e.Text(t);
        }
        // The page itself is checked afresh: the refused report's queries are not held against it.
        HttpContext.Features.Set<DisclosureLedger>(null);
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Whether the viewer records actions (managers and up), so the page offers "Opret handling" where a target is
    /// missed or a question is a challenge.</summary>
    public bool CreatesActions => Actions.ActionScope.Creates(Viewer.From(User));

    /// <summary>The action form for this questionnaire, with the question ticked and the target's (or the selection's) centre.</summary>
    public string ActionUrl(string? questionKey, string? jobCentre) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/actions/edit", new Dictionary<string, string?>
        {
            ["instrument"] = Load.Instrument, ["Questions"] = questionKey, ["JobCentre"] = jobCentre ?? Load.Filter.JobCentre,
        }.Where(p => !string.IsNullOrEmpty(p.Value)));

    /// <summary>How an action's questions moved since it started, in the report's words; or why there is nothing to show.</summary>
    public string ActionEffects(DashboardFigures figures, ActionItem action) =>
        figures.ActionEffects.TryGetValue(action.Id, out var effects)
            ? Reports.ActionEffects.Describe(effects, figures.Instrument.NumberOf, figures.Overall.K, new Reports.ReportText(System.Globalization.CultureInfo.CurrentUICulture))
            : t[action.StartsOn is null ? "Dashboard.Actions.NoStart" : "Dashboard.Actions.Outside"];

    public string ReportUrl(string format) => "/dashboard" + Load.Filter.Query(("handler", "Report"), ("format", format));

    public string ChartUrl(string name, string format) => $"/dashboard/charts/{name}.{format}{Load.Filter.Query()}";
}

/// <summary>The choices in the filter form, limited to the job centres the viewer may see.</summary>
public sealed record DashboardOptions(
    IReadOnlyList<(string Key, string Name)> JobCentres, IReadOnlyList<(string Key, string Name)> Sites, IReadOnlyList<(string Key, string Name)> Units,
    IReadOnlyList<(string Key, string Name)> TargetGroups, IReadOnlyList<(string Key, string Name)> Sets, IReadOnlyList<string> Channels)
{
    /// <summary>The background variables as groupings (<c>background:KEY</c>) with their names.</summary>
    public IReadOnlyList<(string Key, string Name)> Backgrounds { get; init; } = [];

    /// <summary>Every grouping the form offers, with its label (a dimension's from resources, a background variable's own name).</summary>
    public IEnumerable<(string Key, string Label)> Groupings(Func<string, string> text) =>
        DashboardFilter.GroupDimensions.Select(d => (d, text(DashboardTextKeys.Dimension(d)))).Concat(Backgrounds);

    public static async Task<DashboardOptions> LoadAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, Viewer viewer, CancellationToken ct)
    {
        var index = await databases.Catalog.OrganisationAsync(ct);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var centres = index.JobCentres.Values.Where(j => viewer.SeesCentre(j.Key)).OrderBy(j => j.Name).ToList();
        var centreIds = index.JobCentres.Where(j => centres.Contains(j.Value)).Select(j => j.Key).ToHashSet();
        var sites = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Sites.Where(s => centreIds.Contains(s.JobCentreId)).OrderBy(s => s.Name).Select(s => new { s.Key, s.Name, s.Id }), ct);
        var siteIds = sites.Select(s => s.Id).ToHashSet();
        var units = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Units.Where(u => siteIds.Contains(u.SiteId)).OrderBy(u => u.Name).Select(u => new { u.Key, u.Name }), ct);
        return new DashboardOptions(centres, sites.Select(s => (s.Key, s.Name)).ToList(), units.Select(u => (u.Key, u.Name)).ToList(),
            index.TargetGroups.Values.Select(g => (g.Key, g.Names.In(language).Text)).OrderBy(g => g.Text).ToList(),
            index.Sets.Select(s => (s.Key, s.Value.Names.In(language).Text)).OrderBy(s => s.Text).ToList(),
            Enum.GetNames<Domain.Channel>().Select(c => c.ToLowerInvariant()).ToList())
        {
            Backgrounds = index.BackgroundVariables.Values.Select(v => ("background:" + v.Key, v.Names.In(language).Text)).OrderBy(v => v.Text).ToList(),
        };
    }
}
