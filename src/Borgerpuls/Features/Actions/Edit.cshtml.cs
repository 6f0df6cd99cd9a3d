using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Actions;

/// <summary>Creates or changes one action: title, description, where (a job centre or the whole municipality), the
/// questionnaire's questions it should move, owner, start, deadline, status and expected effect. Every problem is named at
/// once and nothing is saved until there is none; every save is audited.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditModel(BorgerpulsDb db, AuditLog audit, InstrumentCatalog instruments, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxTitle = 200, MaxText = 4000, MaxOwner = 200;

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Instrument { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    // A new action may come with its questionnaire's question and centre filled in (from a missed target or a challenge on
    // the dashboard).
    [BindProperty(SupportsGet = true)] public string? JobCentre { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Questions { get; set; } = [];
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public ActionStatus Status { get; set; }
    [BindProperty] public string? ExpectedEffect { get; set; }

    public InstrumentDefinition? Definition { get; private set; }
    public List<Choice> Centres { get; private set; } = [];
    public bool WholeMunicipalityAllowed { get; private set; }
    public List<string> Errors { get; } = [];

    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var action = await db.Actions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (action is null) return NotFound();
            var centre = await CentreKeyAsync(action.JobCentreId, ct);
            if (!ActionScope.Changes(Viewer.From(User), centre)) return Forbid();
            (Title, Description, Owner, StartsOn, Deadline, Status, ExpectedEffect) =
                (action.Title, action.Description, action.Owner, action.StartsOn, action.Deadline, action.Status, action.ExpectedEffect);
            (Instrument, Questions, JobCentre) = (action.InstrumentKey, action.QuestionKeys, centre);
        }
        else if (!ActionScope.Creates(Viewer.From(User)))
        {
            return Forbid();
        }
        await LoadAsync(ct);
        if (Instrument is not null && Definition is null) Errors.Add(t["Actions.UnknownInstrument", Instrument]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = Viewer.From(User);
        ActionItem? action = null;
        if (Id is { } id)
        {
            action = await db.Actions.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (action is null) return NotFound();
            if (!ActionScope.Changes(viewer, await CentreKeyAsync(action.JobCentreId, ct))) return Forbid();
            Instrument = action.InstrumentKey; // an action keeps its questionnaire; its questions are chosen from it
        }
        else if (!ActionScope.Creates(viewer))
        {
            return Forbid();
        }
        await LoadAsync(ct);
        var centreId = await ValidateAsync(viewer, ct);
        if (Errors.Count > 0)
        {
            return Page();
        }
        var created = action is null;
        action ??= db.Actions.Add(new ActionItem { Title = "" }).Entity;
        action.Title = Title!.Trim();
        action.Description = Blank(Description);
        action.JobCentreId = centreId;
        action.InstrumentKey = Instrument;
        action.QuestionKeys = Definition is null ? [] : Definition.Questions.Select(q => q.Key).Where(Questions.Contains).ToList();
        action.Owner = Blank(Owner);
        action.StartsOn = StartsOn;
        action.Deadline = Deadline;
        action.Status = Status;
        action.ExpectedEffect = Blank(ExpectedEffect);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(created ? AuditActions.ActionCreate : AuditActions.ActionUpdate,
            $"action {action.Id} \"{action.Title}\" {JobCentre ?? "municipality"} {action.Status}", ct: ct);
        Done = t[created ? "Actions.Created" : "Actions.Saved", action.Title];
        return Redirect("/actions");
    }

    /// <summary>Every problem of the form, in the reader's language; the job centre's id when there is none.</summary>
    private async Task<int?> ValidateAsync(Viewer viewer, CancellationToken ct)
    {
        // A value the form could not read (a date typed by hand in an old browser, a status that is not one) is named, not
        // silently replaced by a default.
        foreach (var (field, label) in new[] { (nameof(StartsOn), "Actions.StartsOn"), (nameof(Deadline), "Actions.Deadline"), (nameof(Status), "Report.Status") })
        {
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0) Errors.Add(t["Actions.BadValue", t[label], entry.AttemptedValue ?? ""]);
        }
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > MaxTitle) Errors.Add(t["Actions.TitleRequired", MaxTitle]);
        else if (Id is null && await TitleTakenAsync(Title.Trim(), ct)) Errors.Add(t["Actions.TitleTaken", Title.Trim()]);
        if ((Description?.Length ?? 0) > MaxText || (ExpectedEffect?.Length ?? 0) > MaxText) Errors.Add(t["Actions.TextTooLong", MaxText]);
        if ((Owner?.Length ?? 0) > MaxOwner) Errors.Add(t["Actions.OwnerTooLong", MaxOwner]);
        if (Instrument is not null && Definition is null) Errors.Add(t["Actions.UnknownInstrument", Instrument]);
        foreach (var key in Questions.Where(q => Definition?.Question(q) is null)) Errors.Add(t["Actions.UnknownQuestion", key]);
        if (StartsOn is { } start && Deadline is { } deadline && deadline < start) Errors.Add(t["Actions.DeadlineBeforeStart"]);
        if (!Enum.IsDefined(Status)) Errors.Add(t["Actions.UnknownStatus"]);
        JobCentre = Blank(JobCentre);
        if (JobCentre is null)
        {
            if (!WholeMunicipalityAllowed) Errors.Add(t["Actions.CentreRequired"]);
            return null;
        }
        var centre = await db.JobCentres.AsNoTracking().Where(j => j.Key == JobCentre).Select(j => (int?)j.Id).SingleOrDefaultAsync(ct);
        if (centre is null) Errors.Add(t["Actions.UnknownCentre", JobCentre]);
        else if (!ActionScope.Changes(viewer, JobCentre)) Errors.Add(t["Actions.NotYourCentre"]);
        return centre;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = Viewer.From(User);
        WholeMunicipalityAllowed = viewer.IsAnalystOrAdmin;
        Centres = (await Choices.JobCentresAsync(db, [JobCentre], ct)).Where(c => ActionScope.Changes(viewer, c.Value)).ToList();
        Definition = Instrument is { Length: > 0 } key ? await instruments.LatestAsync(key, ct) : null;
    }

    /// <summary>A new action named like one that exists for the same questionnaire and place is the same form sent twice (a
    /// double click, a reload after posting) far more often than a second action of that name.</summary>
    private Task<bool> TitleTakenAsync(string title, CancellationToken ct)
    {
        var centre = string.IsNullOrWhiteSpace(JobCentre) ? null : JobCentre.Trim();
        return db.Actions.AnyAsync(a => a.Title == title && a.InstrumentKey == Instrument
            && (centre == null ? a.JobCentreId == null : db.JobCentres.Any(j => j.Id == a.JobCentreId && j.Key == centre)), ct);
    }

    private async Task<string?> CentreKeyAsync(int? id, CancellationToken ct) =>
        id is null ? null : await db.JobCentres.AsNoTracking().Where(j => j.Id == id).Select(j => j.Key).SingleOrDefaultAsync(ct);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A question as the form lists it: its number in the questionnaire and its Danish (or reader's) text.</summary>
    public string QuestionLabel(QuestionDefinition question) => Definition!.Label(question);
}
