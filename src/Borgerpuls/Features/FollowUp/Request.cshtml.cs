using Borgerpuls.Data;
using Borgerpuls.Features.Retention;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Features.FollowUp;

/// <summary>Where the offer on the web and invitation thank-you pages posts to (<c>/follow-up/request</c>). It knows the job
/// centre and site the offer named and nothing of the response; no address or time of day is stored. A refused form comes
/// back with what was typed and every problem in the citizen's language.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebHardening.CitizenPolicy)]
public sealed class RequestModel(BorgerpulsDb db, IOptions<RetentionOptions> retention, TimeProvider clock, OpenRequestCount openRequests) : PageModel
{
    public bool Sent { get; private set; }
    public FollowUpForm? Form { get; private set; }

    public IActionResult OnGet(bool sent)
    {
        if (!sent) return NotFound();
        Sent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid token, string? centre, string? site, string? name, string? phone, string? message, bool consent, CancellationToken ct)
    {
        var where = string.IsNullOrEmpty(centre) ? null : await db.JobCentres.AsNoTracking().Where(j => j.Key == centre).Select(j => new { j.Id }).SingleOrDefaultAsync(ct);
        int? siteId = null;
        if (where is not null && !string.IsNullOrEmpty(site))
        {
            siteId = await db.Sites.AsNoTracking().Where(s => s.Key == site && s.JobCentreId == where.Id).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        }
        var input = new FollowUpInput(token, where?.Id ?? 0, siteId, name, phone, message, consent);
        var errors = where is null || (site is not null && siteId is null)
            ? [.. FollowUpIntake.Validate(input), new FollowUpError("centre", "Citizen.FollowUp.NotSent")]
            : await FollowUpIntake.SubmitAsync(db, input, clock, ct);
        if (errors.Count == 0)
        {
            openRequests.Changed();
            return Redirect($"/follow-up/request?sent=true&culture={Uri.EscapeDataString(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)}");
        }
        Form = new FollowUpForm(centre ?? "", site, token.Version == 4 ? token : Guid.NewGuid(), retention.Value.FollowUpDays)
        {
            Name = name, Phone = phone, Message = message, Consent = consent, Errors = errors,
        };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
