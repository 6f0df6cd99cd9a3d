using System.Globalization;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Features.Charts;
using Borgerpuls.Localization;
using Borgerpuls.Security.Anonymity;
using Borgerpuls.Security;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Dashboard;

/// <summary>Each dashboard chart as SVG, PNG or CSV for the same query string as the page, under the page's policy.</summary>
internal static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/charts/{name}.{format}", ChartAsync).RequireAuthorization(Policies.Aggregates)
            .WithMetadata(Security.Anonymity.DisclosureGuardedAttribute.Instance)
            .WithTags("Dashboard").WithSummary("A dashboard chart as SVG, PNG or CSV, for the dashboard's filters").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ChartAsync(string name, string format, HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases,
        AnonymityOptions anonymity, TimeProvider clock, IStringLocalizer<SharedResource> t, ThemeLexicon lexicon, CancellationToken ct)
    {
        if (format is not ("svg" or "png" or "csv") || !(DashboardCharts.Names.Contains(name) || name == "themes"))
        {
            return TypedResults.NotFound();
        }
        var load = await DashboardLoader.LoadAsync(http, db, databases, anonymity, clock, ct);
        if (load.Figures is not { } figures)
        {
            return TypedResults.Problem(load.Refused ?? load.Error ?? "No instrument.", statusCode: load.Refused is null ? 400 : 403);
        }
        var chart = name == "themes"
            ? DashboardThemes.ThemesChart(await DashboardThemes.ThemesAsync(db, databases, figures, Viewer.From(http.User), lexicon, anonymity, ct), t)
            : new DashboardCharts(figures, t).Get(name);
        // A chart that does not apply to the selection (the heat map without kiosk presses) is not there to download.
        if (chart is null) return TypedResults.NotFound();
        var culture = CultureInfo.CurrentCulture;
        return format switch
        {
            "svg" => TypedResults.Text(ChartRenderer.Svg(chart, culture), "image/svg+xml; charset=utf-8"),
            "png" => TypedResults.File(ChartRenderer.Png(chart, culture), "image/png"),
            _ => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(chart.Table.ToCsv(culture)), "text/csv; charset=utf-8", $"borgerpuls-{name}.csv"),
        };
    }
}
