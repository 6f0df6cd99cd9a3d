using System.Globalization;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Features.Charts;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Insights;

/// <summary>One insight and, in words, what <c>GET /api/v1/insights/{id}/evidence</c> answers: per theme the share of comments
/// with it in the insight's segment and overall, and the linked questions' figures against the rest. The same query, scope,
/// anonymity threshold and differencing guard as the API; a refused selection shows why.</summary>
[Authorize(Policy = Policies.Staff), DisclosureGuarded]
public sealed class ShowModel(BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, ThemeLexicon lexicon, InstrumentCatalog catalog,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Instrument { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IndexModel.Line Insight { get; private set; } = null!;
    public List<Choice> Instruments { get; private set; } = [];
    public InsightEvidence? Evidence { get; private set; }

    /// <summary>Why there are no figures: an invalid selection or the anonymity guard's refusal.</summary>
    public string? Error { get; private set; }
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = Viewer.For(HttpContext);
        var index = await OrganisationIndex.LoadAsync(db, ct);
        var insight = await db.Insights.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        // Outside the manager's centres the insight does not exist for them, as in the API.
        if (insight is null || !InsightsApi.Visible(insight, viewer, index)) return NotFound();
        Insight = IndexModel.Describe(insight, index, lexicon, t);
        Instruments = await Choices.CitizenInstrumentsAsync(db, ct);
        Instrument ??= await db.Targets.OrderBy(x => x.Id).Select(x => x.Instrument!.Key).FirstOrDefaultAsync(ct) ?? Instruments.FirstOrDefault()?.Value;
        if (Instrument is null)
        {
            Error = t["Insights.NoInstrument"];
            return Page();
        }
        try
        {
            var evidence = await InsightEvidenceQuery.RunAsync(db, databases, index, insight, Instrument, From, To, viewer, lexicon, anonymity.K, anonymity.KComments, ct);
            Refused = await DisclosureFilter.RefusalAsync(HttpContext, t);
            if (Refused is null)
            {
                Evidence = evidence;
                await LoadQuestionsAsync(ct);
            }
            else
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        }
        catch (ResultsException e)
        {
            Error = e.Text(t);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    private InstrumentDefinition? definition;

    private async Task LoadQuestionsAsync(CancellationToken ct) => definition = await catalog.LatestAsync(Instrument!, ct);

    /// <summary>A linked question by its number in the questionnaire and its text in the reader's language.</summary>
    public string QuestionLabel(string key) => definition?.Question(key) is { } question ? definition.Label(question) : key;

    public static string VerdictKey(string verdict) => verdict switch
    {
        "supported" => "Insights.Verdict.Supported",
        "contradicted" => "Insights.Verdict.Contradicted",
        "not-significant" => "Insights.Verdict.NotSignificant",
        _ => "Insights.Verdict.NoData",
    };

    public static string TestKey(string? test) => test == "fisher" ? "Insights.Test.Fisher" : "Insights.Test.Z";

    /// <summary>A share as the page shows it, with one decimal ("41,7 pct."); a dash where there is none.</summary>
    public static string Percent(double? share) => share is { } s ? ChartFormat.Percent(s, CultureInfo.CurrentCulture, 1) : "–";

    /// <summary>A difference of shares in signed percentage points with one decimal ("+42,0 procentpoint").</summary>
    public static string Points(double? difference) => difference is { } d
        ? (d * 100).ToString("+0.0;-0.0;0.0", CultureInfo.CurrentCulture) + " " + ChartFormat.PointsUnit(CultureInfo.CurrentCulture)
        : "–";

    public static string PValue(double? p) => p is { } v ? (v < 0.001 ? "< " + 0.001.ToString(CultureInfo.CurrentCulture) : v.ToString("0.000", CultureInfo.CurrentCulture)) : "–";
}
