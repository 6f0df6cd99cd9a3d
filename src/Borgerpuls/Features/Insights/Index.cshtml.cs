using System.Globalization;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Insights;

/// <summary>The insights (kvalitativt input) the viewer may see, newest first, in words, each with a way to check it against
/// the figures. The same roles and scope as the insights API: managers see their own centres' insights.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(BorgerpulsDb db, ThemeLexicon lexicon, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>An insight as a person reads it: source, centre, target group and themes by name.</summary>
    public sealed record Line(int Id, DateOnly Date, string Source, string Centre, string TargetGroup, IReadOnlyList<string> Themes, string Title,
        string? Summary, IReadOnlyList<string> Quotes);

    public List<Line> Lines { get; private set; } = [];

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = Viewer.From(User);
        var index = await OrganisationIndex.LoadAsync(db, ct);
        var insights = await db.Insights.AsNoTracking().OrderByDescending(i => i.Date).ThenByDescending(i => i.Id).ToListAsync(ct);
        Lines = insights.Where(i => InsightsApi.Visible(i, viewer, index)).Select(i => Describe(i, index, lexicon, t)).ToList();
    }

    internal static Line Describe(Insight insight, OrganisationIndex index, ThemeLexicon lexicon, IStringLocalizer t)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return new Line(insight.Id, insight.Date, t[SourceKey(insight.Source)],
            insight.JobCentreId is { } c ? index.JobCentres[c].Name : t["Actions.WholeMunicipality"],
            insight.TargetGroupId is { } g ? index.TargetGroups[g].Names.In(language).Text : t["Insights.AllGroups"],
            insight.Themes.Select(key => ThemeName(lexicon, key)).ToList(), insight.Title, insight.Summary, insight.Quotes);
    }

    public static string SourceKey(InsightSource source) => "Insights.Source." + source;

    /// <summary>A theme by its name in the reader's language; its key when the lexicon no longer has it.</summary>
    public static string ThemeName(ThemeLexicon lexicon, string key) => lexicon.Themes.FirstOrDefault(x => x.Key == key) is { } theme
        ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? theme.NameEn : theme.NameDa
        : key;
}
