using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Borgerpuls.Features.Invitations;

/// <summary>The citizen's own phone: the questionnaire behind a one-time link. A plain form (works without JavaScript); the
/// response id is fixed when the page is shown, so a double submit stores one response.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebHardening.CitizenPolicy)]
public sealed class AnswerModel(BorgerpulsDb db, InstrumentCatalog instruments, OrganisationLookup organisation, IngestQueue queue, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Retention.RetentionOptions> retention) : PageModel
{
    public InstrumentDefinition? Instrument { get; private set; }
    public string Language { get; private set; } = "da";
    public Guid ResponseId { get; private set; }
    public string? Refusal { get; private set; }
    public bool Done { get; private set; }
    public IReadOnlyList<SubmissionError> Errors { get; private set; } = [];

    /// <summary>"Vil du kontaktes?" after a negative answer (<see cref="FollowUp.FollowUpOffer"/>); null otherwise.</summary>
    public FollowUp.FollowUpForm? FollowUpOffer { get; private set; }

    /// <param name="sent">Set by the redirect after a stored answer (post/redirect/get): a reload or Back then shows the thanks
    /// again instead of posting the form a second time.</param>
    /// <param name="contact">After a stored negative answer: the invitation's job centre (and <paramref name="contactSite"/>),
    /// where the offer to be contacted goes — never the response or the invitation.</param>
    public async Task<IActionResult> OnGetAsync(string? token, bool sent, string? contact, string? contactSite, CancellationToken ct)
    {
        var point = await ResolveAsync(token, ct);
        ResponseId = Guid.NewGuid();
        if (sent && Refusal == "Questionnaire.Used")
        {
            Refusal = null;
            Done = true;
            if (!string.IsNullOrEmpty(contact))
            {
                FollowUpOffer = new FollowUp.FollowUpForm(contact, contactSite, Guid.NewGuid(), retention.Value.FollowUpDays);
            }
            return Page();
        }
        return point is null ? Gone() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, Guid id, CancellationToken ct)
    {
        var point = await ResolveAsync(token, ct);
        if (point is null)
        {
            return Gone();
        }
        ResponseId = id;
        var submission = new ResponseSubmission
        {
            Id = id, Instrument = Instrument!.Key, AnsweredAt = clock.GetUtcNow(), Answers = QuestionnaireSubmit.Answers(Request.Form, Instrument),
            Context = new SubmissionContext { Language = Language },
        };
        var outcome = await QuestionnaireSubmit.SubmitAsync(submission, Instrument, point, organisation, queue, clock, ct);
        if (outcome.AlreadyAnswered)
        {
            Refusal = "Questionnaire.Used";
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        if (!outcome.Stored)
        {
            Errors = outcome.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (contact, contactSite) = FollowUp.FollowUpOffer.IsNegative(Instrument, submission.Answers)
            ? await FollowUp.FollowUpPlace.OfAsync(db, point, null, ct) : (null, null);
        // The language chosen by a ?culture= link stays with the thanks page.
        return RedirectToPage(new { token, sent = true, contact, contactSite, culture = Request.Query["culture"].FirstOrDefault() });
    }

    private async Task<CollectionPoint?> ResolveAsync(string? token, CancellationToken ct)
    {
        Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (string.IsNullOrWhiteSpace(token))
        {
            // A blank or whitespace link (e.g. /i/%20) is an unknown invitation, not a server error.
            Refusal = "Questionnaire.Unknown";
            return null;
        }
        var resolution = await InvitationPoint.ResolveAsync(db, token, DanishTime.Today(clock), ct);
        if (resolution.Point is null)
        {
            Refusal = resolution.Refusal;
            return null;
        }
        Instrument = await instruments.LatestAsync(resolution.InstrumentKey!, ct);
        return resolution.Point;
    }

    private PageResult Gone()
    {
        Response.StatusCode = Refusal == "Questionnaire.Unknown" ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }
}
