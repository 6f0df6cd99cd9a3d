using System.Text.Json;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Insights;

/// <summary>Records one insight from a form: the fields of <c>POST /api/v1/insights</c>, with job centre, target group and
/// themes picked by name. Validation, redaction, the refusal of a duplicate and the audit entry are the API's own
/// (<see cref="CreateInsight.RecordAsync"/>), so the two cannot store different things.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewModel(BorgerpulsDb db, ThemeLexicon lexicon, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? JobCentre { get; set; }
    [BindProperty] public string? TargetGroup { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<string> Themes { get; set; } = [];

    /// <summary>One quote per line.</summary>
    [BindProperty] public string? Quotes { get; set; }

    public List<Choice> Centres { get; private set; } = [];
    public List<Choice> Groups { get; private set; } = [];
    public bool WholeMunicipalityAllowed { get; private set; }
    public IReadOnlyList<ThemeDefinition> Lexicon => lexicon.Themes;
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Date = DanishTime.Today(clock); // the day the validation counts as today
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new InsightInput(Date, Source, Blank(JobCentre), Blank(TargetGroup), Title, Blank(Summary), [.. Themes],
            Quotes?.Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToArray());
        var (insight, problems) = await CreateInsight.RecordAsync(input, Viewer.From(User), db, lexicon, audit, clock, ct);
        if (insight is null)
        {
            Errors.AddRange(problems.Select(p => p.Text(t)));
            await LoadAsync(ct);
            return Page();
        }
        TempData["Done"] = t["Insights.Created", insight.Title].Value;
        return Redirect("/insights");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = Viewer.From(User);
        WholeMunicipalityAllowed = viewer.SeesAll;
        Centres = (await Choices.JobCentresAsync(db, ct)).Where(c => viewer.SeesCentre(c.Value)).ToList();
        Groups = await Choices.TargetGroupsAsync(db, ct);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The value the form sends for a source: its name in the API.</summary>
    public static string SourceValue(InsightSource source) => JsonNamingPolicy.CamelCase.ConvertName(source.ToString());

    public string ThemeName(ThemeDefinition theme) => IndexModel.ThemeName(lexicon, theme.Key);
}
