using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Borgerpuls.Features.Culture;

/// <summary>The large-text toggle on the citizen pages posts here when JavaScript is off: a cookie remembers the choice and
/// the layout puts a class on the page; the text grows by CSS alone. With JavaScript the toggle sets the same cookie itself.</summary>
[AllowAnonymous]
public sealed class TextSizeModel : PageModel
{
    public const string CookieName = "bp-text";

    public static bool IsLarge(HttpRequest request) => request.Cookies[CookieName] == "large";

    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? returnUrl)
    {
        if (IsLarge(Request))
        {
            Response.Cookies.Delete(CookieName);
        }
        else
        {
            Response.Cookies.Append(CookieName, "large", new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Lax, IsEssential = true, HttpOnly = false, Path = "/",
            });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
