using System.Security.Claims;
using Borgerpuls.Data;
using Borgerpuls.Features.Shared;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Admin;

/// <summary>Staff accounts: create, change role and centres, lock and unlock. Every change is audited and confirmed in
/// words; the last active administrator cannot be locked or demoted, so the municipality never locks itself out.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(UserManager<StaffUser> users, BorgerpulsDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>A new account gets the role that sees least (aggregated figures only) unless the administrator chooses
    /// another: least privilege by default.</summary>
    public const string DefaultRole = Roles.Committee;

    public sealed record Row(string Id, string Email, string Role, List<string> JobCentres, bool Locked, bool IsMe);

    public List<Row> Rows { get; } = [];
    public List<Choice> JobCentres { get; private set; } = [];

    /// <summary>The centres a new user can be given: none that is retired.</summary>
    public List<Choice> OfferedCentres { get; private set; } = [];
    public List<string> Messages { get; } = [];

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string email, string password, string role, List<string>? jobCentres)
    {
        var keys = Keys(jobCentres);
        if (!await ValidAsync(role, keys))
        {
            return await PageAsync();
        }
        var result = await StaffBootstrap.CreateAsync(users, email, password, role, keys);
        if (!result.Succeeded)
        {
            Messages.AddRange(result.Errors.Select(e => e.Description));
            return await PageAsync();
        }
        await audit.WriteAsync(AuditActions.UserCreate, $"{email} as {role} ({string.Join(",", keys)})");
        Done = t["Users.Created", email, t["Role." + role]];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, List<string>? jobCentres)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var keys = Keys(jobCentres);
        var had = (await users.GetClaimsAsync(user)).Where(c => c.Type == BorgerpulsClaims.JobCentre).Select(c => c.Value).ToList();
        if (!await ValidAsync(role, keys, had))
        {
            return await PageAsync();
        }
        if (role != Roles.Admin && await IsLastAdministratorAsync(user))
        {
            Messages.Add(t["Users.LastAdministrator"]);
            return await PageAsync();
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.RemoveClaimsAsync(user, (await users.GetClaimsAsync(user)).Where(c => c.Type == BorgerpulsClaims.JobCentre));
        await users.AddClaimsAsync(user, keys.Select(k => new Claim(BorgerpulsClaims.JobCentre, k)));
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditActions.UserRole, $"{user.Email}: {role} ({string.Join(",", keys)})");
        Done = t["Users.RoleSaved", user.Email ?? "", t["Role." + role]];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (user.Id == users.GetUserId(User))
        {
            Messages.Add(t["Users.NotYourself"]);
            return await PageAsync();
        }
        if (await IsLastAdministratorAsync(user))
        {
            Messages.Add(t["Users.LastAdministrator"]);
            return await PageAsync();
        }
        await users.SetLockoutEndDateAsync(user, AccountLock.Indefinite);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditActions.UserLock, user.Email);
        Done = t["Users.LockedDone", user.Email ?? ""];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditActions.UserUnlock, user.Email);
        Done = t["Users.UnlockedDone", user.Email ?? ""];
        return RedirectToPage();
    }

    /// <param name="had">The user's centres before the change: a centre retired since stays theirs, a retired one is never added.</param>
    private async Task<bool> ValidAsync(string role, List<string> keys, IReadOnlyCollection<string>? had = null)
    {
        if (!Roles.Staff.Contains(role))
        {
            Messages.Add(t["Users.UnknownRole", role]);
        }
        var known = await db.JobCentres.Where(j => keys.Contains(j.Key)).Select(j => new { j.Key, j.Name, j.RetiredAt }).ToListAsync();
        Messages.AddRange(keys.Except(known.Select(j => j.Key)).Select(k => t["Users.UnknownCentre", k].Value));
        Messages.AddRange(known.Where(j => j.RetiredAt is not null && !(had ?? []).Contains(j.Key)).Select(j => t["Users.RetiredCentre", j.Name].Value));
        if (role == Roles.Manager && keys.Count == 0)
        {
            Messages.Add(t["Users.ManagerNeedsCentre"]);
        }
        return Messages.Count == 0;
    }

    /// <summary>True when <paramref name="user"/> is an administrator and no other unlocked administrator exists.</summary>
    private async Task<bool> IsLastAdministratorAsync(StaffUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        return !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(a => a.Id != user.Id && !(a.LockoutEnd is { } end && end > now));
    }

    private async Task<PageResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>The checked job centres; a comma-separated list is read too, as scripts and older forms send it.</summary>
    private static List<string> Keys(List<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();

    private async Task LoadAsync()
    {
        var me = users.GetUserId(User);
        var now = clock.GetUtcNow();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            var roles = await users.GetRolesAsync(user);
            var claims = await users.GetClaimsAsync(user);
            Rows.Add(new Row(user.Id, user.Email ?? "", roles.FirstOrDefault() ?? "", claims.Where(c => c.Type == BorgerpulsClaims.JobCentre).Select(c => c.Value).ToList(),
                user.LockoutEnd is { } end && end > now, user.Id == me));
        }
        // A centre since retired stays ticked for the users who have it, so saving their row does not take it from them.
        JobCentres = await Choices.JobCentresAsync(db, Rows.SelectMany(r => r.JobCentres).Distinct().ToList<string?>(), HttpContext.RequestAborted);
        OfferedCentres = await Choices.JobCentresAsync(db, HttpContext.RequestAborted);
    }

    /// <summary>A centre's name for the list, or its key if it has since been removed.</summary>
    public string CentreName(string key) => JobCentres.FirstOrDefault(j => j.Value == key)?.Label ?? key;
}
