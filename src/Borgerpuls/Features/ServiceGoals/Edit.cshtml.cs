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

namespace Borgerpuls.Features.ServiceGoals;

/// <summary>Creates or changes one service goal: its name and description in Danish and English, the kind of event it
/// covers, within how many hours, the share of events that must keep it (typed in per cent) and whether it is published on
/// the transparency page. Every problem is named at once; nothing is saved until there is none; every save is audited.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class EditModel(BorgerpulsDb db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxName = 200, MaxDescription = 2000;

    [BindProperty] public string? NameDa { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? DescriptionDa { get; set; }
    [BindProperty] public string? DescriptionEn { get; set; }
    [BindProperty] public string? Kind { get; set; }

    /// <summary>As typed: "24", "2,5".</summary>
    [BindProperty] public string? WithinHours { get; set; }

    /// <summary>As typed, in per cent: "95", "92,5", "95 %".</summary>
    [BindProperty] public string? TargetShare { get; set; }
    [BindProperty] public bool Published { get; set; }

    [FromRoute] public int? Id { get; set; }

    public List<string> Errors { get; } = [];

    /// <summary>The kinds already in the event log, offered as suggestions.</summary>
    public List<string> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var saved = await db.ServiceGoals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
            if (saved is null) return NotFound();
            NameDa = saved.Names.GetValueOrDefault("da");
            NameEn = saved.Names.GetValueOrDefault("en");
            DescriptionDa = saved.Descriptions.GetValueOrDefault("da");
            DescriptionEn = saved.Descriptions.GetValueOrDefault("en");
            Kind = saved.Kind;
            WithinHours = saved.WithinHours.ToString("0.##", CultureInfo.CurrentCulture);
            TargetShare = (saved.TargetShare * 100).ToString("0.###", CultureInfo.CurrentCulture);
            Published = saved.Published;
        }
        else
        {
            Kind = "henvendelse";
            WithinHours = "24";
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ServiceGoal? saved = null;
        if (Id is { } id)
        {
            saved = await db.ServiceGoals.SingleOrDefaultAsync(g => g.Id == id, ct);
            if (saved is null) return NotFound();
        }
        var (hours, share) = await ValidateAsync(ct);
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        var created = saved is null;
        if (saved is null)
        {
            if (await FreeKeyAsync(NameDa!, ct) is not { } key)
            {
                // The same form sent twice at once: the other copy stored the goal.
                return Saved(NameDa!, true);
            }
            saved = db.ServiceGoals.Add(new ServiceGoal { Key = key }).Entity;
        }
        saved.Names = Texts(NameDa, NameEn);
        saved.Descriptions = Texts(DescriptionDa, DescriptionEn);
        (saved.Kind, saved.WithinHours, saved.TargetShare, saved.Published) = (Kind!, hours, share, Published);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (created)
        {
            // Two copies of the form arrived together and the other took the key first: that one is kept.
            return Saved(NameDa!, true);
        }
        await audit.WriteAsync(created ? AuditActions.ServiceGoalCreate : AuditActions.ServiceGoalUpdate,
            $"servicegoal {saved.Key} \"{NameDa}\" kind {saved.Kind} within {saved.WithinHours.ToString(CultureInfo.InvariantCulture)} h " +
            $"target {saved.TargetShare.ToString(CultureInfo.InvariantCulture)} {(saved.Published ? "published" : "not published")}", ct: ct);
        return Saved(NameDa!, created);
    }

    private RedirectResult Saved(string name, bool created)
    {
        TempData["Done"] = t[created ? "ServiceGoals.Created" : "ServiceGoals.Saved", name].Value;
        return Redirect("/service-goals");
    }

    /// <summary>Every problem of the form in <see cref="Errors"/>; the hours and the share (a fraction) when they could be read.</summary>
    private async Task<(double Hours, double Share)> ValidateAsync(CancellationToken ct)
    {
        NameDa = NameDa?.Trim();
        NameEn = string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim();
        DescriptionDa = string.IsNullOrWhiteSpace(DescriptionDa) ? null : DescriptionDa.Trim();
        DescriptionEn = string.IsNullOrWhiteSpace(DescriptionEn) ? null : DescriptionEn.Trim();
        Kind = Kind?.Trim();
        if (string.IsNullOrEmpty(NameDa) || NameDa.Length > MaxName) Errors.Add(t["ServiceGoals.NameRequired", MaxName]);
        else if ((await db.ServiceGoals.Where(g => g.Id != (Id ?? 0)).Select(g => g.Names).ToListAsync(ct)).Any(n => n.GetValueOrDefault("da") == NameDa))
        {
            // Two goals of one name could not be told apart on the public page; it is also how a form sent again is caught.
            Errors.Add(t["ServiceGoals.NameTaken", NameDa]);
        }
        if (NameEn?.Length > MaxName) Errors.Add(t["ServiceGoals.NameTooLong", MaxName]);
        if (DescriptionDa?.Length > MaxDescription || DescriptionEn?.Length > MaxDescription) Errors.Add(t["ServiceGoals.DescriptionTooLong", MaxDescription]);
        if (string.IsNullOrEmpty(Kind)) Errors.Add(t["ServiceGoals.KindRequired"]);
        else if (Kind.Length > ServiceEvent.MaxKind) Errors.Add(t["ServiceGoals.KindTooLong", ServiceEvent.MaxKind]);
        var hours = Number(WithinHours);
        if (hours is null || hours <= 0 || hours > 24 * 365) Errors.Add(t["ServiceGoals.BadHours", WithinHours ?? ""]);
        var percent = Number(TargetShare?.Trim().TrimEnd('%').Trim());
        if (percent is null || percent <= 0 || percent > 100) Errors.Add(t["ServiceGoals.BadShare", TargetShare ?? ""]);
        return (hours ?? 0, (percent ?? 0) / 100);
    }

    /// <summary>A number as typed with a Danish decimal comma or a point.</summary>
    private static double? Number(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static LocalizedText Texts(string? da, string? en)
    {
        var texts = new LocalizedText();
        if (da is not null) texts["da"] = da;
        if (en is not null) texts["en"] = en;
        return texts;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Kinds = await db.ServiceEvents.Select(e => e.Kind).Distinct().OrderBy(k => k).Take(50).ToListAsync(ct);

    /// <summary>A key made from the Danish name; null when a goal of that very name already holds a key in the row (the
    /// same form sent again).</summary>
    private Task<string?> FreeKeyAsync(string name, CancellationToken ct) => FreeKey.FromNameAsync(db.ServiceGoals.Select(g => g.Key), name, "servicemaal",
        async key => (await db.ServiceGoals.Where(g => g.Key == key).Select(g => g.Names).SingleOrDefaultAsync(ct))?.GetValueOrDefault("da") == name, ct);
}
