using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Organisation;

/// <summary>The organisation in words — kommune → jobcenter → adresse → team, the offers, target groups and their sets,
/// background variables — with forms to add, rename, retire and take back into use. Analysts and administrators configure
/// the organisation (SPEC §2); the same data <c>config apply</c> writes, so <c>config export</c> shows what was done here.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class IndexModel(BorgerpulsDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public List<Municipality> Municipalities { get; private set; } = [];
    public List<Offer> Offers { get; private set; } = [];
    public List<TargetGroup> TargetGroups { get; private set; } = [];
    public List<TargetGroupSet> Sets { get; private set; } = [];
    public List<BackgroundVariable> Variables { get; private set; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>The form that was refused, shown again open and as typed next to the problems.</summary>
    public OrganisationForm? Failed { get; private set; }
    [TempData] public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(OrganisationKind kind, int? id, int? parent, string? name, string? nameEn, string? window,
        string? provider, List<string>? members, string? options, CancellationToken ct)
    {
        if (Malformed(kind)) return BadRequest();
        var form = new OrganisationForm(kind, id, parent, name)
        {
            NameEn = nameEn, Window = window, Provider = provider, Members = members ?? [], Options = options,
        };
        var (key, problems) = await new OrganisationEditor(db, audit).SaveAsync(form, ct);
        if (key is null)
        {
            Failed = form;
            return await ProblemsAsync(problems, ct);
        }
        Done = t[id is null ? "Org.Created" : "Org.Renamed", t[OrganisationKinds.ResourceKey(kind)], name!.Trim()].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(OrganisationKind kind, int id, CancellationToken ct)
    {
        if (Malformed(kind)) return BadRequest();
        var (name, problems) = await new OrganisationRetirement(db, audit, clock).RetireAsync(kind, id, ct);
        if (problems.Count > 0) return await ProblemsAsync(problems, ct);
        Done = t["Org.RetiredDone", t[OrganisationKinds.ResourceKey(kind)], name!].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReactivateAsync(OrganisationKind kind, int id, CancellationToken ct)
    {
        if (Malformed(kind)) return BadRequest();
        var (name, problems) = await new OrganisationRetirement(db, audit, clock).ReactivateAsync(kind, id, ct);
        if (problems.Count > 0) return await ProblemsAsync(problems, ct);
        Done = t["Org.ReactivatedDone", t[OrganisationKinds.ResourceKey(kind)], name!].Value;
        return RedirectToPage();
    }

    /// <summary>Takes a municipality into or out of the cross-municipal benchmark. Sharing a municipality's figures with
    /// other municipalities is an administrator's decision, audited; sending the same choice again changes nothing.</summary>
    public async Task<IActionResult> OnPostBenchmarkAsync(int id, bool on, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        if (!ModelState.IsValid || !Request.Form.ContainsKey("on")) return BadRequest();
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (municipality is null) return NotFound();
        if (municipality.Benchmark != on)
        {
            municipality.Benchmark = on;
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(on ? AuditActions.MunicipalityBenchmarkOn : AuditActions.MunicipalityBenchmarkOff, $"{municipality.Key} \"{municipality.Name}\"", ct: ct);
        }
        Done = t["Org.Benchmark.Done", municipality.Name, t[on ? "Org.Benchmark.On" : "Org.Benchmark.Off"]].Value;
        return RedirectToPage();
    }

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    /// <summary>A form without a readable kind or id (hand-made or damaged) is refused before anything is looked up: the
    /// defaults would otherwise turn a rename into a new municipality.</summary>
    private bool Malformed(OrganisationKind kind) => !ModelState.IsValid || !Request.Form.ContainsKey("kind") || !Enum.IsDefined(kind);

    private async Task<IActionResult> ProblemsAsync(List<OrganisationProblem> problems, CancellationToken ct)
    {
        Errors.AddRange(problems.Select(p => t[p.ResourceKey, p.Args].Value));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var sv = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        Municipalities = (await db.Municipalities.AsNoTracking().Include(m => m.JobCentres).ThenInclude(j => j.Sites).ThenInclude(s => s.Units).AsSplitQuery().ToListAsync(ct))
            .OrderBy(m => m.Name, sv).ToList();
        foreach (var centre in Municipalities.SelectMany(m => m.JobCentres))
        {
            centre.Sites = centre.Sites.OrderBy(s => s.Name, sv).ToList();
            foreach (var site in centre.Sites) site.Units = site.Units.OrderBy(u => u.Name, sv).ToList();
        }
        foreach (var m in Municipalities) m.JobCentres = m.JobCentres.OrderBy(j => j.Name, sv).ToList();
        Offers = (await db.Offers.AsNoTracking().ToListAsync(ct)).OrderBy(o => o.Name, sv).ToList();
        TargetGroups = await db.TargetGroups.AsNoTracking().OrderBy(g => g.Position).ThenBy(g => g.Key).ToListAsync(ct);
        Sets = (await db.TargetGroupSets.AsNoTracking().Include(s => s.Members).ToListAsync(ct)).OrderBy(s => Name(s.Names), sv).ToList();
        Variables = (await db.BackgroundVariables.AsNoTracking().ToListAsync(ct)).OrderBy(v => Name(v.Names), sv).ToList();
    }

    /// <summary>A name in the reader's language (Danish when there is none in it).</summary>
    public static string Name(LocalizedText names) => names.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Text;

    /// <summary>The refused form if it was this new-item form (kind and parent) or this item's change form (kind and id).</summary>
    public OrganisationForm? FailedNew(OrganisationKind kind, int? parent) => Failed is { Id: null } f && f.Kind == kind && f.Parent == parent ? f : null;

    public OrganisationForm? FailedChange(OrganisationKind kind, int id) => Failed is { } f && f.Kind == kind && f.Id == id ? f : null;

    public static string KindKey(OrganisationKind kind) => OrganisationKinds.ResourceKey(kind);

    public static string NewKey(OrganisationKind kind) => "Org.New." + kind;

    /// <summary>"Retired since 3. december 2026" in Danish local time.</summary>
    public string RetiredSince(DateTime at) => t["Org.RetiredSince", DanishTime.OfUtc(at).ToString("d. MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)];

    public bool MunicipalityOfOffer(Offer offer, Municipality m) => offer.MunicipalityId == m.Id;
}
