using Borgerpuls.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Borgerpuls.Features.Account;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(WebHardening.SignInPolicy)]
public sealed class LoginModel(SignInManager<StaffUser> signIn, AuditLog audit, IAuthenticationSchemeProvider schemes) : PageModel
{
    public string? Error { get; private set; }
    public string? Email { get; private set; }
    public string? ReturnUrl { get; private set; }
    public bool OpenIdConnect { get; private set; }

    public async Task OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        OpenIdConnect = await schemes.GetSchemeAsync(OpenIdConnectSetup.Scheme) is not null;
    }

    public async Task<IActionResult> OnPostAsync(string email, string password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = returnUrl;
        var result = await signIn.PasswordSignInAsync(email ?? "", password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, null, actor: email);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }
        await audit.WriteAsync(result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, null, actor: email);
        // One message for a wrong password, an unknown address and a lockout: the answer must not tell which addresses have an
        // account (the audit log keeps the difference for the administrator).
        Error = "Login.Failed";
        OpenIdConnect = await schemes.GetSchemeAsync(OpenIdConnectSetup.Scheme) is not null;
        return Page();
    }

    public IActionResult OnPostExternal(string? returnUrl) =>
        Challenge(signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectSetup.Scheme, Url.Page("/Account/ExternalCallback", new { returnUrl })), OpenIdConnectSetup.Scheme);
}
