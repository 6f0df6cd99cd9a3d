using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Reports;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Transparency;

/// <summary>Where an analyst decides what the public sees: preview the figures of the municipality or a job centre for a
/// questionnaire and months, choose the actions to tell about, publish (frozen, audited) and withdraw. Nothing is public
/// until it is published here.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class IndexModel(BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, AuditLog audit, InstrumentCatalog instruments,
    DisclosureGuard guard, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Whose earlier disclosures a publication is checked against: everything ever published, by anyone.</summary>
    internal const string PublicReader = "offentligheden";

    /// <summary>The municipality's key or a job centre's key (the public address); empty: the municipality.</summary>
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public string? Instrument { get; set; }

    /// <summary>Months as "2026-01" (the month field's format).</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public List<int> Actions { get; set; } = [];
    [BindProperty] public Guid PublishKey { get; set; }

    public Municipality? Municipality { get; private set; }
    public List<Choice> Centres { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public List<ActionItem> Available { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public TransparencyContent? Preview { get; private set; }
    public List<Row> Snapshots { get; private set; } = [];

    public sealed record Row(int Id, string ScopeKey, string ScopeName, string Instrument, DateOnly From, DateOnly To, DateTime PublishedAt, string PublishedBy,
        DateTime? WithdrawnAt, bool Shown);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The snapshot as it would be published now, with a publish form that carries a key of its own.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (await ValidateAsync(ct) is { } choice)
        {
            Preview = (await BuildAsync(choice, ct)).Content;
            PublishKey = Guid.NewGuid();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (PublishKey == Guid.Empty) Errors.Add(t["Transparency.NoPublishKey"]);
        var choice = await ValidateAsync(ct);
        if (choice is null || Errors.Count > 0) return Page();
        if (await db.TransparencySnapshots.AnyAsync(s => s.PublishKey == PublishKey, ct)) return Done(choice.ScopeKey);

        var (content, reader) = await BuildAsync(choice, ct);
        // The public may read every published page side by side: a publication that, with the earlier ones, narrows a group
        // to fewer than k citizens (another centre, a month added) is refused, as the committee's dashboard would refuse it.
        if (await guard.CheckAsync(PublicReader, reader, reader.Ledger!, anonymity.K, ct) is not null)
        {
            Errors.Add(t["Transparency.RefusedByEarlier", anonymity.K]);
            return Page();
        }
        var snapshot = db.TransparencySnapshots.Add(new TransparencySnapshot
        {
            ScopeKey = choice.ScopeKey, JobCentreId = choice.JobCentreId, InstrumentKey = choice.Instrument.Key, From = choice.From, To = choice.To,
            PublishKey = PublishKey, PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = audit.CurrentActor, Content = PublicSnapshots.Write(content),
        }).Entity;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other copy stored the snapshot and wrote the audit entry.
            db.ChangeTracker.Clear();
            if (await db.TransparencySnapshots.AnyAsync(s => s.PublishKey == PublishKey, ct)) return Done(choice.ScopeKey);
            throw;
        }
        await audit.WriteAsync(AuditActions.TransparencyPublish,
            $"snapshot {snapshot.Id} {choice.ScopeKey} {choice.Instrument.Key} {MonthField.Text(choice.From)}–{MonthField.Text(choice.To)} actions [{string.Join(",", choice.Actions.Select(a => a.Id))}]", ct: ct);
        return Done(choice.ScopeKey);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        var snapshot = await db.TransparencySnapshots.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (snapshot is null) return NotFound();
        // One statement that only a live snapshot matches: of two clicks at once, one withdraws and is audited, the other finds it done.
        var (at, by) = (clock.GetUtcNow().UtcDateTime, audit.CurrentActor);
        var withdrawn = await db.TransparencySnapshots.Where(s => s.Id == id && s.WithdrawnAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.WithdrawnAt, at).SetProperty(s => s.WithdrawnBy, by), ct);
        if (withdrawn == 1)
        {
            await audit.WriteAsync(AuditActions.TransparencyWithdraw, $"snapshot {snapshot.Id} {snapshot.ScopeKey} {snapshot.InstrumentKey}", ct: ct);
        }
        TempData["Done"] = t["Transparency.Withdrawn"].Value;
        return Redirect("/transparency");
    }

    private RedirectResult Done(string scope)
    {
        TempData["Done"] = t["Transparency.PublishedDone", PublicModel.Address(scope)].Value;
        return Redirect("/transparency");
    }

    /// <summary>What to publish: the scope, the questionnaire, whole months and the chosen actions of that scope.</summary>
    private sealed record Publication(string ScopeKey, string ScopeName, int? JobCentreId, string? JobCentreKey, InstrumentDefinition Instrument,
        DateOnly From, DateOnly To, List<ActionItem> Actions);

    /// <summary>The form as a publication, or null with every problem in <see cref="Errors"/>.</summary>
    private async Task<Publication?> ValidateAsync(CancellationToken ct)
    {
        if (Municipality is null)
        {
            Errors.Add(t["Transparency.NoMunicipality"]);
            return null;
        }
        var scope = string.IsNullOrWhiteSpace(Scope) ? Municipality.Key : Scope.Trim();
        string? name = null, centreKey = null;
        int? centreId = null;
        // Figures have no municipality dimension: with two municipalities, "the municipality" would publish both's answers.
        if (scope == Municipality.Key && await db.Municipalities.CountAsync(ct) > 1) Errors.Add(t["Transparency.SeveralMunicipalities"]);
        else if (scope == Municipality.Key) name = Municipality.Name;
        else if (await db.JobCentres.AsNoTracking().SingleOrDefaultAsync(j => j.Key == scope, ct) is { } centre) (name, centreKey, centreId) = (centre.Name, centre.Key, centre.Id);
        else Errors.Add(t["Transparency.UnknownScope", scope]);
        var instrument = string.IsNullOrWhiteSpace(Instrument) ? null : await instruments.LatestAsync(Instrument.Trim(), ct);
        if (instrument is null) Errors.Add(t["Transparency.UnknownInstrument", Instrument ?? ""]);
        var from = ReadMonth(From, nameof(From));
        var to = ReadMonth(To, nameof(To));
        if (from is { } f && to is { } l && f > l) Errors.Add(t["Transparency.FromAfterTo"]);
        var chosen = new List<ActionItem>();
        if (name is not null && instrument is not null && from is not null && to is not null)
        {
            var available = await ActionsInScopeAsync(instrument.Key, centreKey, from.Value, MonthField.LastDay(to.Value), ct);
            foreach (var id in Actions.Distinct())
            {
                if (available.FirstOrDefault(a => a.Id == id) is { } action) chosen.Add(action);
                else Errors.Add(t["Transparency.UnknownAction", id]);
            }
        }
        if (Errors.Count > 0) return null;
        return new Publication(scope, name!, centreId, centreKey, instrument!, from!.Value, MonthField.LastDay(to!.Value), chosen);
    }

    private DateOnly? ReadMonth(string? text, string field)
    {
        if (MonthField.Parse(text) is { } month) return month;
        Errors.Add(t[field == nameof(From) ? "Transparency.BadFrom" : "Transparency.BadTo", text ?? ""]);
        return null;
    }


    /// <summary>The snapshot as the public would read it: like a committee member (no scope, every rule for those below
    /// analyst), so a target is hidden as a complementary cell would be and the reader's ledger holds every set shown.</summary>
    private async Task<(TransparencyContent Content, Viewer Reader)> BuildAsync(Publication p, CancellationToken ct)
    {
        var reader = new Viewer(Roles.Committee, null) { Ledger = new DisclosureLedger() };
        return (await SnapshotBuilder.BuildAsync(db, databases, reader, p.ScopeName, p.JobCentreKey, p.Instrument, p.From, p.To, p.Actions, anonymity.K, clock.GetUtcNow().UtcDateTime, ct), reader);
    }

    /// <summary>The action plan's items the scope can tell about: the questionnaire's (or no questionnaire's), of the whole
    /// municipality or of the chosen job centre — the same choice as the report's.</summary>
    private async Task<List<ActionItem>> ActionsInScopeAsync(string instrument, string? jobCentreKey, DateOnly from, DateOnly to, CancellationToken ct) =>
        await ActionEffects.InScopeAsync(db, databases, SnapshotBuilder.Request(instrument, jobCentreKey, from, to), Viewer.CommandLine, ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Municipality = await db.Municipalities.AsNoTracking().OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        Centres = await Choices.JobCentresAsync(db, ct);
        Instruments = await Choices.CitizenInstrumentsAsync(db, ct);
        // Defaults: the municipality, the first questionnaire and the last twelve whole months in Danish time.
        var today = DanishTime.Today(clock);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        Instrument ??= Instruments.FirstOrDefault()?.Value;
        From ??= MonthField.Text(lastMonth.AddMonths(-11));
        To ??= MonthField.Text(lastMonth);
        if (Municipality is not null && Instrument is not null
            && MonthField.Parse(From) is { } from && MonthField.Parse(To) is { } to)
        {
            var centre = string.IsNullOrEmpty(Scope) || Scope == Municipality.Key ? null : Scope;
            Available = await ActionsInScopeAsync(Instrument, centre, from, MonthField.LastDay(to), ct);
        }
        // Every centre that has ever published, retired ones too, by its name.
        var names = await db.JobCentres.AsNoTracking().ToDictionaryAsync(j => j.Key, j => j.Name, ct);
        var rows = (await db.TransparencySnapshots.AsNoTracking()
            .Select(s => new { s.Id, s.ScopeKey, s.InstrumentKey, s.From, s.To, s.PublishedAt, s.PublishedBy, s.WithdrawnAt }).ToListAsync(ct))
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).ToList();
        // Shown: the newest snapshot of its scope and questionnaire unless withdrawn, as the public page picks it (rows are
        // newest first); an older one stays replaced even when the newer is withdrawn.
        var seen = new HashSet<(string, string)>();
        var instrumentNames = Instruments.ToDictionary(i => i.Value, i => i.Label);
        Snapshots = rows.Select(s => new Row(s.Id, s.ScopeKey, names.GetValueOrDefault(s.ScopeKey) ?? Municipality?.Name ?? s.ScopeKey,
            instrumentNames.GetValueOrDefault(s.InstrumentKey) ?? s.InstrumentKey,
            s.From, s.To, s.PublishedAt, s.PublishedBy, s.WithdrawnAt, seen.Add((s.ScopeKey, s.InstrumentKey)) && s.WithdrawnAt is null)).ToList();
    }

}
