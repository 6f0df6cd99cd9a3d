using System.Text.Json;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Paper;

/// <summary>Paper entry: staff choose instrument, job centre (only their own), site, target group and date once, then type
/// each paper form as a row of option codes. Every row goes through the ingest validation with channel <c>paper</c>; a bad
/// cell is shown next to itself and nothing is written until every row is right. A plain form: Tab moves between cells, and
/// Enter too where the small grid script runs (wwwroot/paper/grid.js); without it Enter submits, as in any form.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(BorgerpulsDb db, BorgerpulsDbFactory databases, InstrumentCatalog instruments, OrganisationLookup organisation, IngestQueue queue, AuditLog audit,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int Rows = 10;

    [BindProperty(SupportsGet = true)] public string? Instrument { get; set; }
    [BindProperty(SupportsGet = true)] public string? Jobcentre { get; set; }
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty(SupportsGet = true)] public string? TargetGroup { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty] public Dictionary<string, string> Cells { get; set; } = [];
    [BindProperty] public int? HandedOut { get; set; }
    [BindProperty] public string? HandedOutMonth { get; set; }

    public List<Choice> Instruments { get; private set; } = [];
    public List<Choice> Centres { get; private set; } = [];
    public List<Choice> Sites { get; private set; } = [];
    public List<Choice> TargetGroups { get; private set; } = [];
    public InstrumentDefinition? Definition { get; private set; }
    public Dictionary<string, string> CellErrors { get; } = [];
    public List<string> Errors { get; } = [];
    public int? Saved { get; private set; }
    public PaperDistributionRecorded? Recorded { get; private set; }
    public Dictionary<string, string[]> HandedOutErrors { get; private set; } = [];

    /// <summary>Forms already recorded as handed out for the chosen context and month, so that staff see a double entry.</summary>
    public long HandedOutSoFar { get; private set; }

    public static string CellName(int row, string question) => $"{row}-{question}";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        await LoadAsync();
        if (Definition is null)
        {
            Errors.Add(t["Paper.ChooseFirst"]);
            return Page();
        }
        var viewer = Viewer.From(User);
        var org = await organisation.GetAsync(HttpContext.RequestAborted);
        var point = new CollectionPoint(Channel.Paper, Definition.Key)
        {
            ClientSetsOrganisation = true, ClientSetsUnit = true, ClientSetsTargetGroup = true,
            AllowedJobCentres = viewer.SeesAll ? null : org.JobCentres.Where(c => viewer.SeesCentre(c.Key)).Select(c => c.Value).ToHashSet(),
        };
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var answeredAt = Date is not { } date || date >= today ? now : new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), clock.GetLocalNow().Offset);
        var rows = new List<Borgerpuls.Data.Bulk.ResponseRow>();
        for (var row = 0; row < Rows; row++)
        {
            var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var q in Definition.Questions)
            {
                var cell = Cells.GetValueOrDefault(CellName(row, q.Key))?.Trim();
                if (string.IsNullOrEmpty(cell)) continue;
                answers[q.Key] = q.Type == QuestionType.MultipleChoice
                    ? JsonSerializer.SerializeToElement(cell.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
                    : JsonSerializer.SerializeToElement(cell);
            }
            if (answers.Count == 0) continue;
            var submission = new ResponseSubmission
            {
                Id = Guid.NewGuid(), Instrument = Definition.Key, AnsweredAt = answeredAt, Answers = answers,
                Context = new SubmissionContext { Jobcentre = Jobcentre, Site = string.IsNullOrEmpty(Site) ? null : Site, TargetGroup = string.IsNullOrEmpty(TargetGroup) ? null : TargetGroup },
            };
            var result = SubmissionValidator.Validate(submission, Definition, point, org, now);
            foreach (var (field, messages) in SubmissionError.ByField(result.Errors, t))
            {
                if (field.StartsWith("answers.", StringComparison.Ordinal)) CellErrors[CellName(row, field["answers.".Length..])] = string.Join(" ", messages);
                else Errors.Add(t["Paper.RowError", row + 1, string.Join(" ", messages)]);
            }
            if (result.Row is not null) rows.Add(result.Row);
        }
        if (rows.Count == 0 && Errors.Count == 0 && CellErrors.Count == 0) Errors.Add(t["Paper.Empty"]);
        if (Errors.Count > 0 || CellErrors.Count > 0)
        {
            Errors.Insert(0, t["Paper.NothingSaved"]);
            return Page();
        }
        await queue.SubmitAsync(rows, HttpContext.RequestAborted);
        await audit.WriteAsync(AuditActions.PaperEntry, $"{Definition.Key} {Jobcentre}: {rows.Count} paper form(s)");
        Saved = rows.Count;
        Cells = [];
        ModelState.Clear();
        return Page();
    }

    /// <summary>"N paper forms handed out" for the chosen context; same rules as <c>POST /api/v1/paper-distributions</c>.</summary>
    public async Task<IActionResult> OnPostHandedOutAsync()
    {
        var request = new PaperDistributionRequest(Instrument, Jobcentre, HandedOutMonth, HandedOut)
        {
            Site = string.IsNullOrEmpty(Site) ? null : Site, TargetGroup = string.IsNullOrEmpty(TargetGroup) ? null : TargetGroup,
        };
        (Recorded, HandedOutErrors) = await RecordPaperDistribution.RecordAsync(request, Viewer.From(User), db, databases, audit, clock, HttpContext.RequestAborted);
        if (Recorded is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            HandedOut = null;
            ModelState.Remove(nameof(HandedOut));
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var viewer = Viewer.From(User);
        Instruments = await Choices.InstrumentsAsync(db, HttpContext.RequestAborted);
        Centres = (await Choices.JobCentresAsync(db, HttpContext.RequestAborted)).Where(c => viewer.SeesCentre(c.Value)).ToList();
        Sites = Jobcentre is { Length: > 0 } ? await Choices.SitesAsync(db, Jobcentre, HttpContext.RequestAborted) : [];
        TargetGroups = await Choices.TargetGroupsAsync(db, HttpContext.RequestAborted);
        Date ??= DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (Instrument is { Length: > 0 } && Jobcentre is { Length: > 0 } && Centres.Any(c => c.Value == Jobcentre))
        {
            Definition = await instruments.LatestAsync(Instrument, HttpContext.RequestAborted);
            HandedOutMonth ??= MonthField.Text(Date.Value);
            HandedOutSoFar = await HandedOutAsync();
        }
    }

    private async Task<long> HandedOutAsync()
    {
        if (MonthField.Parse(HandedOutMonth) is not { } month) return 0;
        var site = string.IsNullOrEmpty(Site) ? null : Site;
        var group = string.IsNullOrEmpty(TargetGroup) ? null : TargetGroup;
        return await db.PaperDistributions.AsNoTracking()
            .Where(p => p.Month == month && db.Instruments.Any(i => i.Id == p.InstrumentId && i.Key == Instrument) && db.JobCentres.Any(j => j.Id == p.JobCentreId && j.Key == Jobcentre)
                && (site == null ? p.SiteId == null : db.Sites.Any(x => x.Id == p.SiteId && x.Key == site))
                && (group == null ? p.TargetGroupId == null : db.TargetGroups.Any(t => t.Id == p.TargetGroupId && t.Key == group)))
            .SumAsync(p => (long)p.Count, HttpContext.RequestAborted);
    }
}
