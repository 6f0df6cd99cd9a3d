using Borgerpuls.Security.Input;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Borgerpuls.Features.Error;

/// <summary>What a person sees instead of a bare status code or a problem+json body when a page (not the API) is not found
/// or fails: a short text in their language. The API keeps its problem+json.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public bool PageMissing { get; private set; }

    /// <summary>The form field or query parameter refused for holding a control character (see InputTextGuard).</summary>
    public string? RefusedField { get; private set; }

    public void OnGet(int? status) => Respond(status);

    // The exception handler re-executes the failed request with its own method, so a failed form post lands here too.
    public void OnPost(int? status) => Respond(status);

    private void Respond(int? status)
    {
        PageMissing = status == StatusCodes.Status404NotFound;
        RefusedField = HttpContext.Items[InputTextGuard.RefusedField] as string;
        // Without a status in the address the handler already chose one (503 while the database cannot be reached): keep it.
        Response.StatusCode = status is >= 400 and < 600 ? status.Value
            : Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
    }
}
