using Borgerpuls.Analysis;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Features.Charts;
using Borgerpuls.Features.Comments;
using Borgerpuls.Localization;
using Borgerpuls.Security.Anonymity;
using Borgerpuls.Security;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Dashboard;

/// <summary>The comment themes for the dashboard's selection, shared by the comments page and the themes chart download.</summary>
internal static class DashboardThemes
{
    public static Task<CommentThemesReport> ThemesAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, DashboardFigures figures, Viewer viewer, ThemeLexicon lexicon,
        AnonymityOptions anonymity, CancellationToken ct) =>
        CommentThemesQuery.RunAsync(db, databases, figures.Filter.Request(figures.Instrument.Key, figures.Months), viewer, lexicon,
            anonymity.K, anonymity.KComments, ct);

    public static CountBarsChart ThemesChart(CommentThemesReport report, IStringLocalizer<SharedResource> t) =>
        new(t["Dashboard.Themes.Title"], t["Dashboard.Themes.Description"], t["Dashboard.Themes.Theme"], t["Dashboard.Themes.Count"], t["Dashboard.Themes.Share"],
            report.Themes.Select(x => new CountBar(x.Name, x.Count, report.Comments == 0 ? null : x.Share)).ToList());
}
