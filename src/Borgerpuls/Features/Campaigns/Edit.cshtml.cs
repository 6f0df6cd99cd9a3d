using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Campaigns;

/// <summary>Creates or changes one campaign (indsamling): its name, channel, where (job centre, site, team), when, which
/// target groups and its status — what <c>config apply</c> sets, under the same rules. A campaign keeps its questionnaire
/// and its key (the web link) once created. Every problem is named at once; nothing is saved until there is none; every
/// save is audited. A saved web campaign shows its citizen link and QR code, ready to print.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class EditModel(BorgerpulsDb db, AuditLog audit, IConfiguration configuration, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxName = 200;

    /// <summary>A site or team in a picker, under the name of the job centre or site it belongs to.</summary>
    public sealed record Group(string Label, List<Choice> Choices);

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Instrument { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Channel Channel { get; set; } = Channel.Web;
    [BindProperty] public string? JobCentre { get; set; }
    [BindProperty] public string? Site { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public List<string> TargetGroups { get; set; } = [];
    [BindProperty] public CampaignStatus Status { get; set; }

    public string? InstrumentName { get; private set; }
    public List<Choice> Centres { get; private set; } = [];
    public List<Group> Sites { get; private set; } = [];
    public List<Group> Units { get; private set; } = [];
    public List<Choice> Groups { get; private set; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>The citizen link of a saved web campaign; null for other channels and new campaigns.</summary>
    public string? Link { get; private set; }
    public Channel? SavedChannel { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var saved = await db.Campaigns.AsNoTracking().Include(c => c.Instrument).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (saved is null) return NotFound();
            await FillAsync(saved, ct);
        }
        else
        {
            StartsOn = DanishTime.Today(clock);
        }
        await LoadAsync(ct);
        if (Instrument is not null && InstrumentName is null) Errors.Add(t["Campaigns.UnknownInstrument", Instrument]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Campaign? saved = null;
        if (Id is { } id)
        {
            saved = await db.Campaigns.Include(c => c.Instrument).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (saved is null) return NotFound();
            Instrument = saved.Instrument!.Key; // a campaign keeps its questionnaire; another questionnaire is another campaign
        }
        await LoadAsync(ct);
        if (await ValidateAsync(ct) is not { } candidate) return Page();
        var created = saved is null;
        if (saved is null)
        {
            if (await FreeKeyAsync(candidate.Name, ct) is not { } key)
            {
                Errors.Add(t["Campaigns.NameTaken", candidate.Name]);
                return Page();
            }
            saved = db.Campaigns.Add(new Campaign { Key = key, Name = "" }).Entity;
        }
        (saved.Name, saved.InstrumentId, saved.Channel, saved.Status) = (candidate.Name, candidate.InstrumentId, candidate.Channel, candidate.Status);
        (saved.JobCentreId, saved.SiteId, saved.UnitId) = (candidate.JobCentreId, candidate.SiteId, candidate.UnitId);
        (saved.StartsOn, saved.EndsOn, saved.TargetGroupKeys) = (candidate.StartsOn, candidate.EndsOn, candidate.TargetGroupKeys);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (created)
        {
            // The same form sent twice at once: the other copy took the key first and is the one kept.
            Errors.Add(t["Campaigns.NameTaken", candidate.Name]);
            return Page();
        }
        await audit.WriteAsync(created ? AuditActions.CampaignCreate : AuditActions.CampaignUpdate,
            $"campaign {saved.Key} \"{saved.Name}\" {Instrument} {saved.Channel} {JobCentre ?? "all centres"} {Site ?? "all sites"} {Unit ?? "all teams"} " +
            $"{Day(saved.StartsOn)}..{(saved.EndsOn is { } end ? Day(end) : "")} [{string.Join(',', saved.TargetGroupKeys)}] {saved.Status}", ct: ct);
        TempData["Done"] = t[created ? "Campaigns.Created" : "Campaigns.Saved", saved.Name].Value;
        return Redirect("/campaigns");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The form as a campaign, or null with every problem in <see cref="Errors"/>. Like <c>config apply</c>; in
    /// addition a site must lie in the chosen job centre and a team at the chosen site, and a blank centre or site is taken
    /// from the team or site chosen, so responses carry the whole place.</summary>
    private async Task<Campaign?> ValidateAsync(CancellationToken ct)
    {
        // A value the form could not read (a date typed by hand in an old browser, a channel that is not one) is named, not
        // silently replaced by a default.
        var unread = new HashSet<string>();
        foreach (var (field, label) in new[] { (nameof(Channel), "Campaigns.Channel"), (nameof(StartsOn), "Campaigns.StartsOn"),
            (nameof(EndsOn), "Campaigns.EndsOn"), (nameof(Status), "Campaigns.Status") })
        {
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                unread.Add(field);
                Errors.Add(t["Campaigns.BadValue", t[label], entry.AttemptedValue ?? ""]);
            }
        }
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name) || Name.Length > MaxName) Errors.Add(t["Campaigns.NameRequired", MaxName]);
        else if (await db.Campaigns.AnyAsync(c => c.Name == Name && c.Id != (Id ?? 0) && c.Instrument!.Key == Instrument, ct)) Errors.Add(t["Campaigns.NameTaken", Name]);
        var instrumentId = await db.Instruments.Where(i => i.Key == Instrument).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        if (instrumentId is null) Errors.Add(t["Campaigns.UnknownInstrument", Instrument ?? ""]);
        if (!Enum.IsDefined(Channel)) Errors.Add(t["Campaigns.BadValue", t["Campaigns.Channel"], Channel]);
        if (!Enum.IsDefined(Status)) Errors.Add(t["Campaigns.BadValue", t["Campaigns.Status"], Status]);
        if (StartsOn is null && !unread.Contains(nameof(StartsOn))) Errors.Add(t["Campaigns.StartRequired"]);
        if (StartsOn is { } start && EndsOn is { } end && end < start) Errors.Add(t["Campaigns.EndsBeforeStart"]);

        (JobCentre, Site, Unit) = (Blank(JobCentre), Blank(Site), Blank(Unit));
        var unit = Unit is null ? null : await db.Units.AsNoTracking().Where(u => u.Key == Unit).Select(u => new { u.Id, u.SiteId, SiteKey = u.Site!.Key }).FirstOrDefaultAsync(ct);
        if (Unit is not null && unit is null) Errors.Add(t["Campaigns.UnknownUnit", Unit]);
        else if (unit is not null && Site is not null && unit.SiteKey != Site) Errors.Add(t["Campaigns.UnitNotAtSite", Unit!, Site]);
        Site ??= unit?.SiteKey;
        var site = Site is null ? null : await db.Sites.AsNoTracking().Where(s => s.Key == Site).Select(s => new { s.Id, s.JobCentreId, CentreKey = s.JobCentre!.Key }).FirstOrDefaultAsync(ct);
        if (Site is not null && site is null) Errors.Add(t["Campaigns.UnknownSite", Site]);
        else if (site is not null && JobCentre is not null && site.CentreKey != JobCentre) Errors.Add(t["Campaigns.SiteNotInCentre", Site!, JobCentre]);
        JobCentre ??= site?.CentreKey;
        var centreId = JobCentre is null ? null : await db.JobCentres.Where(j => j.Key == JobCentre).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
        if (JobCentre is not null && centreId is null) Errors.Add(t["Campaigns.UnknownCentre", JobCentre]);

        TargetGroups = TargetGroups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = Groups.Select(g => g.Value).ToList();
        foreach (var key in TargetGroups.Where(g => !known.Contains(g))) Errors.Add(t["Campaigns.UnknownTargetGroup", key]);
        if (Errors.Count > 0) return null;
        return new Campaign
        {
            Key = "", Name = Name!, InstrumentId = instrumentId!.Value, Channel = Channel, Status = Status, JobCentreId = centreId, SiteId = site?.Id,
            UnitId = unit?.Id, StartsOn = StartsOn!.Value, EndsOn = EndsOn,
            // In the configured order of the target groups, whatever order the boxes were sent in.
            TargetGroupKeys = known.Where(TargetGroups.Contains).ToList(),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task FillAsync(Campaign saved, CancellationToken ct)
    {
        (Instrument, Name, Channel, Status, StartsOn, EndsOn, TargetGroups) =
            (saved.Instrument!.Key, saved.Name, saved.Channel, saved.Status, saved.StartsOn, saved.EndsOn, saved.TargetGroupKeys);
        JobCentre = saved.JobCentreId is { } jc ? await db.JobCentres.Where(j => j.Id == jc).Select(j => j.Key).SingleAsync(ct) : null;
        Site = saved.SiteId is { } s ? await db.Sites.Where(x => x.Id == s).Select(x => x.Key).SingleAsync(ct) : null;
        Unit = saved.UnitId is { } u ? await db.Units.Where(x => x.Id == u).Select(x => x.Key).SingleAsync(ct) : null;
        SavedChannel = saved.Channel;
        if (saved.Channel == Channel.Web) Link = CampaignLink.Url(configuration, saved.Key);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        InstrumentName = (await Choices.InstrumentsAsync(db, ct)).FirstOrDefault(i => i.Value == Instrument)?.Label;
        // A retired centre, site, team or target group is offered only to the campaign that already names it.
        Centres = await Choices.JobCentresAsync(db, [JobCentre], ct);
        Groups = await Choices.TargetGroupsAsync(db, TargetGroups, ct);
        Sites = [];
        foreach (var centre in Centres) Sites.Add(new Group(centre.Label, await Choices.SitesAsync(db, centre.Value, [Site], ct)));
        Units = [];
        foreach (var site in Sites.SelectMany(g => g.Choices)) Units.Add(new Group(site.Label, await Choices.UnitsAsync(db, site.Value, [Unit], ct)));
    }

    /// <summary>A key for a new campaign made from its name; it is the campaign's web address (<c>/s/{key}</c>) and what
    /// <c>config export</c> and the API show.</summary>
    private Task<string?> FreeKeyAsync(string name, CancellationToken ct) => FreeKey.FromNameAsync(db.Campaigns.Select(c => c.Key), name, "kampagne",
        key => db.Campaigns.AnyAsync(c => c.Key == key && c.Name == name && c.Instrument!.Key == Instrument, ct), ct);
}
