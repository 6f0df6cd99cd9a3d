using System.Security.Claims;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Borgerpuls.Features.Account;

/// <summary>After the identity provider: the account is created or updated from the provider's groups on every sign-in, so
/// role changes made in the municipality's directory take effect at the next sign-in.</summary>
[AllowAnonymous]
public sealed class ExternalCallbackModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return RedirectToPage("/Account/Login");
        }
        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("preferred_username");
        var role = info.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Intersect(Roles.Staff).FirstOrDefault();
        if (email is null || role is null)
        {
            await audit.WriteAsync(AuditActions.SignInExternalRefused, "no e-mail or no mapped group", actor: email ?? info.ProviderKey);
            return RedirectToPage("/Account/AccessDenied");
        }
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) ?? await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
            await users.CreateAsync(user);
            await users.AddLoginAsync(user, info);
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.RemoveClaimsAsync(user, (await users.GetClaimsAsync(user)).Where(c => c.Type == BorgerpulsClaims.JobCentre));
        await users.AddClaimsAsync(user, info.Principal.FindAll(BorgerpulsClaims.JobCentre));
        await signIn.SignInAsync(user, isPersistent: false);
        await audit.WriteAsync(AuditActions.SignInExternal, role, actor: email);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
