using Microsoft.AspNetCore.Authorization;
using Borgerpuls.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Borgerpuls.Features.Culture;

/// <summary>The language picker posts here: a plain form, so it works without JavaScript.</summary>
[AllowAnonymous]
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        if (!LocalizationSetup.CitizenCultures.Contains(culture))
        {
            return BadRequest(new ProblemDetails
            {
                Status = 400, Title = "Unknown language", Detail = $"'{culture}' is not one of: {string.Join(", ", LocalizationSetup.CitizenCultures)}.",
            });
        }
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
