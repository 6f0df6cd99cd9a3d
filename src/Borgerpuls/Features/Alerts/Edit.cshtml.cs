using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Alerts;

/// <summary>Creates or changes one alert rule: what it watches, its window and level, who is mailed and how. Every problem
/// is named at once; nothing is saved until there is none; every save is audited.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class EditModel(BorgerpulsDb db, AnonymityOptions anonymity, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxName = 200, MaxHours = 168;

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public AlertKind Kind { get; set; }
    [BindProperty] public string? Scope { get; set; }
    [BindProperty] public string? WindowHours { get; set; } = "3";

    /// <summary>In per cent, as typed ("40", "40,5 %").</summary>
    [BindProperty] public string? Level { get; set; } = "40";
    [BindProperty] public string? MinimumBase { get; set; } = "10";
    [BindProperty] public List<string> Users { get; set; } = [];

    /// <summary>E-mail addresses, one a line or separated by commas.</summary>
    [BindProperty] public string? Addresses { get; set; }
    [BindProperty] public bool Digest { get; set; }

    public List<Choice> Sites { get; private set; } = [];
    public List<Choice> Centres { get; private set; } = [];
    public List<Choice> Targets { get; private set; } = [];
    public List<Choice> StaffUsers { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public int K => anonymity.K;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var saved = await db.Set<AlertRule>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (saved is null) return NotFound();
            (Name, Kind, Scope, Digest) = (saved.Name, saved.Kind, saved.Scope, saved.Digest);
            WindowHours = saved.WindowHours.ToString(CultureInfo.InvariantCulture);
            Level = (saved.Level * 100).ToString("0.##", CultureInfo.CurrentCulture);
            MinimumBase = saved.MinimumBase.ToString(CultureInfo.InvariantCulture);
            Users = saved.Recipients.Where(r => r.StartsWith(RecipientAddresses.UserPrefix, StringComparison.Ordinal)).Select(r => r[RecipientAddresses.UserPrefix.Length..]).ToList();
            Addresses = string.Join('\n', saved.Recipients.Where(r => !r.StartsWith(RecipientAddresses.UserPrefix, StringComparison.Ordinal)));
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AlertRule? saved = null;
        if (Id is { } id && (saved = await db.Set<AlertRule>().SingleOrDefaultAsync(r => r.Id == id, ct)) is null) return NotFound();
        await LoadAsync(ct);
        if (Validate() is not { } candidate) return Page();
        var created = saved is null;
        saved ??= db.Set<AlertRule>().Add(new AlertRule { Name = "", CreatedAt = clock.GetUtcNow().UtcDateTime }).Entity;
        (saved.Name, saved.Kind, saved.Scope, saved.WindowHours, saved.Level, saved.MinimumBase, saved.Recipients, saved.Digest) =
            (candidate.Name, candidate.Kind, candidate.Scope, candidate.WindowHours, candidate.Level, candidate.MinimumBase, candidate.Recipients, candidate.Digest);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other copy took the name first and is the one kept.
            Errors.Add(t["Alerts.NameTaken", candidate.Name]);
            return Page();
        }
        await audit.WriteAsync(created ? AuditActions.AlertCreate : AuditActions.AlertUpdate,
            $"alert {saved.Id} \"{saved.Name}\" {saved.Kind} {saved.Scope} {saved.WindowHours} h {saved.Level.ToString(CultureInfo.InvariantCulture)} base {saved.MinimumBase} " +
            $"{(saved.Digest ? "digest" : "immediate")} {saved.Recipients.Count} recipients", ct: ct);
        TempData["Done"] = t[created ? "Alerts.Created" : "Alerts.Saved", saved.Name].Value;
        return Redirect("/alerts");
    }

    /// <summary>The form as a rule, or null with every problem in <see cref="Errors"/>.</summary>
    private AlertRule? Validate()
    {
        if (ModelState.TryGetValue(nameof(Kind), out var kindEntry) && kindEntry.Errors.Count > 0) Errors.Add(t["Alerts.BadKind", kindEntry.AttemptedValue ?? ""]);
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name) || Name.Length > MaxName) Errors.Add(t["Alerts.NameRequired", MaxName]);
        else if (db.Set<AlertRule>().Any(r => r.Name == Name && r.Id != (Id ?? 0))) Errors.Add(t["Alerts.NameTaken", Name]);

        var scope = Scope?.Trim() ?? "";
        var known = Sites.Concat(Centres).Concat(Targets).Any(c => c.Value == scope);
        var scopeOk = Kind switch
        {
            AlertKind.NegativeShare => known && !scope.StartsWith(AlertScope.Target, StringComparison.Ordinal),
            AlertKind.TargetBelow => known && scope.StartsWith(AlertScope.Target, StringComparison.Ordinal),
            _ => scope.Length == 0 || (known && !scope.StartsWith(AlertScope.Target, StringComparison.Ordinal)),
        };
        if (!scopeOk) Errors.Add(t[Kind == AlertKind.TargetBelow ? "Alerts.ScopeTarget" : Kind == AlertKind.NegativeShare ? "Alerts.ScopePlace" : "Alerts.ScopeDevices"]);

        var hours = 0;
        if (Kind is AlertKind.NegativeShare or AlertKind.SilentKiosk
            && (!int.TryParse(WindowHours?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out hours) || hours is < 1 or > MaxHours))
        {
            Errors.Add(t["Alerts.BadHours", WindowHours ?? "", MaxHours]);
        }
        double level = 0;
        var minimum = 0;
        if (Kind == AlertKind.NegativeShare)
        {
            var text = Level?.Trim().TrimEnd('%').Trim().Replace(',', '.');
            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out level) || level >= 100) Errors.Add(t["Alerts.BadLevel", Level ?? ""]);
            if (!int.TryParse(MinimumBase?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out minimum)) Errors.Add(t["Alerts.BadBase", MinimumBase ?? ""]);
        }

        var recipients = new List<string>();
        var userIds = StaffUsers.Select(u => u.Value).ToHashSet();
        foreach (var user in Users.Distinct())
        {
            if (userIds.Contains(user)) recipients.Add(RecipientAddresses.UserPrefix + user);
            else Errors.Add(t["Alerts.UnknownUser"]);
        }
        foreach (var address in (Addresses ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (MimeKit.MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address && address.Contains('@', StringComparison.Ordinal)) recipients.Add(address);
            else Errors.Add(t["Alerts.BadAddress", address]);
        }
        if (recipients.Count == 0) Errors.Add(t["Alerts.NoRecipients"]);
        if (Errors.Count > 0) return null;
        return new AlertRule
        {
            Name = Name!, Kind = Kind, Scope = scope, WindowHours = hours, Level = level / 100, MinimumBase = minimum, Recipients = recipients, Digest = Digest,
        };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sites = (await Choices.SitesAsync(db, null, [AlertScope.KeyOf(Scope ?? "", AlertScope.Site)], ct)).Select(c => c with { Value = AlertScope.Site + c.Value }).ToList();
        Centres = (await Choices.JobCentresAsync(db, [AlertScope.KeyOf(Scope ?? "", AlertScope.JobCentre)], ct)).Select(c => c with { Value = AlertScope.JobCentre + c.Value }).ToList();
        Targets = (await db.Targets.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Key, x.Name }).ToListAsync(ct))
            .Select(x => new Choice(AlertScope.Target + x.Key, x.Name)).ToList();
        StaffUsers = (await db.Users.AsNoTracking().Where(u => u.Email != null).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .Select(u => new Choice(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : $"{u.DisplayName} ({u.Email})"))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
    }

    public static string KindKey(AlertKind kind) => "Alerts.Kind." + kind;
}
