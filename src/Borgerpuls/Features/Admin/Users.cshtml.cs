using System.Security.Claims;
using Borgerpuls.Data;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Admin;

/// <summary>Staff accounts: create, change role and centres, lock. Every change is audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(UserManager<StaffUser> users, BorgerpulsDb db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(string Id, string Email, string Role, List<string> JobCentres, bool Locked);

    public List<Row> Rows { get; } = [];
    public List<string> Messages { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string email, string password, string role, string? jobCentres)
    {
        if (!await ValidAsync(role, jobCentres))
        {
            return await PageAsync();
        }
        var result = await StaffBootstrap.CreateAsync(users, email, password, role, Keys(jobCentres));
        if (!result.Succeeded)
        {
            Messages.AddRange(result.Errors.Select(e => e.Description));
            return await PageAsync();
        }
        await audit.WriteAsync("user.create", $"{email} as {role} ({jobCentres})");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, string? jobCentres)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (!await ValidAsync(role, jobCentres))
        {
            return await PageAsync();
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.RemoveClaimsAsync(user, (await users.GetClaimsAsync(user)).Where(c => c.Type == BorgerpulsClaims.JobCentre));
        await users.AddClaimsAsync(user, Keys(jobCentres).Select(k => new Claim(BorgerpulsClaims.JobCentre, k)));
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync("user.role", $"{user.Email}: {role} ({jobCentres})");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(user, locked ? AccountLock.Indefinite : null);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(locked ? "user.lock" : "user.unlock", user.Email);
        return RedirectToPage();
    }

    private async Task<bool> ValidAsync(string role, string? jobCentres)
    {
        if (!Roles.Staff.Contains(role))
        {
            Messages.Add(t["Users.UnknownRole", role]);
        }
        var keys = Keys(jobCentres);
        var known = await db.JobCentres.Where(j => keys.Contains(j.Key)).Select(j => j.Key).ToListAsync();
        Messages.AddRange(keys.Except(known).Select(k => t["Users.UnknownCentre", k].Value));
        if (role == Roles.Manager && keys.Count == 0)
        {
            Messages.Add(t["Users.ManagerNeedsCentre"]);
        }
        return Messages.Count == 0;
    }

    private async Task<PageResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    private static List<string> Keys(string? csv) =>
        (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private async Task LoadAsync()
    {
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            var roles = await users.GetRolesAsync(user);
            var claims = await users.GetClaimsAsync(user);
            Rows.Add(new Row(user.Id, user.Email ?? "", roles.FirstOrDefault() ?? "", claims.Where(c => c.Type == BorgerpulsClaims.JobCentre).Select(c => c.Value).ToList(),
                user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow));
        }
    }
}
