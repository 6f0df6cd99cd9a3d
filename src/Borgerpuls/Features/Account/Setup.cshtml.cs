using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Borgerpuls.Features.Account;

/// <summary>Creates the first administrator through the one-time link printed at first start (by any instance).</summary>
[AllowAnonymous]
public sealed class SetupModel(SetupToken setup, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit) : PageModel
{
    public bool Valid { get; private set; }
    public string? Token { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? token)
    {
        Token = token;
        Valid = await setup.MatchesAsync(token) && !users.Users.Any();
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, string email, string password)
    {
        Token = token;
        Valid = !users.Users.Any() && await setup.TryTakeAsync(token);
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var result = await StaffBootstrap.CreateAsync(users, email, password, Roles.Admin, []);
        if (!result.Succeeded)
        {
            await setup.ReturnAsync(token!);
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }
        await audit.WriteAsync(AuditActions.UserSetup, email, actor: email);
        await signIn.SignInAsync((await users.FindByEmailAsync(email))!, isPersistent: false);
        return LocalRedirect("/");
    }
}
