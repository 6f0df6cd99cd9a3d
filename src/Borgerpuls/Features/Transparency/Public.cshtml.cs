using Borgerpuls.Data;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Features.Transparency;

/// <summary>The public transparency page of the municipality or a job centre, without sign-in: the published snapshots
/// only (404 before anything is published, 410 once everything is withdrawn). <c>/indlejret</c> is the same page for a
/// frame on the municipality's own site, allowed only to the configured origins.</summary>
[AllowAnonymous]
public sealed class PublicModel(BorgerpulsDb db, PublicSnapshots snapshots, IOptions<TransparencyOptions> options) : PageModel
{
    public const string EmbedSegment = "indlejret";

    public IReadOnlyList<PublishedSnapshot> Shown { get; private set; } = [];
    public bool Embedded { get; private set; }
    public bool Withdrawn { get; private set; }

    public static string Address(string scope) => "/offentlig/" + Uri.EscapeDataString(scope);

    public async Task<IActionResult> OnGetAsync(string scope, string? view, CancellationToken ct)
    {
        if (view is not null && view != EmbedSegment) return NotFound();
        Embedded = view == EmbedSegment;
        if (Embedded)
        {
            // The only page another site may frame, and only the configured sites.
            Response.Headers.ContentSecurityPolicy = WebHardening.ContentSecurityPolicy(options.Value.FrameAncestorsSource);
            // Antiforgery adds "SAMEORIGIN" when the page's forms (language, text size) get their token: taken off last.
            Response.OnStarting(() =>
            {
                Response.Headers.Remove("X-Frame-Options");
                return Task.CompletedTask;
            });
        }
        Shown = await snapshots.LiveAsync(db, scope, ct);
        if (Shown.Count > 0) return Page();
        if (!await db.TransparencySnapshots.AnyAsync(s => s.ScopeKey == scope, ct)) return NotFound();
        Withdrawn = true;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
