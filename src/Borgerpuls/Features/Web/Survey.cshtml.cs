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
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Web;

/// <summary>The open web questionnaire (<c>/s/{campaign}</c>) for the full instruments: a plain form that works without
/// JavaScript, paged one question per screen on phones by a small script. Posts go through the same validator and ingest
/// queue as the API, as channel <c>web</c>; the response id is fixed when the page is shown, so a double submit stores one.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebHardening.CitizenPolicy)]
public sealed class SurveyModel(BorgerpulsDb db, InstrumentCatalog instruments, OrganisationLookup organisation, IngestQueue queue, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Retention.RetentionOptions> retention) : PageModel
{
    public WebCampaignState State { get; private set; }
    public InstrumentDefinition? Instrument { get; private set; }
    public string Language { get; private set; } = "da";
    public Guid ResponseId { get; private set; }
    public bool Done { get; private set; }
    public bool AlreadyAnswered { get; private set; }
    public IReadOnlyList<SubmissionError> Errors { get; private set; } = [];
    public List<(string Key, string Name, bool Danish)> TargetGroups { get; private set; } = [];
    public List<(string Key, string Name)> JobCentres { get; private set; } = [];

    /// <summary>A mirror instrument's campaign is answered by staff: their expectation of how citizens in a target group
    /// experience it (docs/decisions/0018-staff-answer-the-mirror-through-a-web-campaign.md). Same submit path, other texts,
    /// a required target group and no offer to be contacted.</summary>
    public bool IsMirror => Instrument?.Kind == Domain.InstrumentKind.Mirror;

    /// <summary>"Vil du kontaktes?" after a negative answer (<see cref="FollowUp.FollowUpOffer"/>); null otherwise.</summary>
    public FollowUp.FollowUpForm? FollowUpOffer { get; private set; }

    /// <param name="sent">Set by the redirect after a post (post/redirect/get): 1 stored, 2 already stored earlier. A reload or
    /// Back then shows the thanks again instead of posting the form a second time.</param>
    /// <param name="contact">After a stored negative answer: the job centre (and <paramref name="contactSite"/>) the offer to be
    /// contacted goes to — what the campaign or the citizen's choice named, never the response.</param>
    public async Task<IActionResult> OnGetAsync(string? campaign, int? sent, string? contact, string? contactSite, CancellationToken ct)
    {
        var found = await ResolveAsync(campaign, ct);
        ResponseId = Guid.NewGuid();
        if (found.Point is not null && sent is 1 or 2)
        {
            Done = sent == 1;
            AlreadyAnswered = sent == 2;
            if (Done && !string.IsNullOrEmpty(contact))
            {
                FollowUpOffer = new FollowUp.FollowUpForm(contact, contactSite, Guid.NewGuid(), retention.Value.FollowUpDays);
            }
        }
        return Respond(found);
    }

    public async Task<IActionResult> OnPostAsync(string? campaign, Guid id, string? targetGroup, string? jobcentre, CancellationToken ct)
    {
        var found = await ResolveAsync(campaign, ct);
        if (found.Point is null)
        {
            return Respond(found);
        }
        ResponseId = id;
        if (!string.IsNullOrEmpty(targetGroup) && !found.TargetGroupKeys.Contains(targetGroup))
        {
            Errors = [new SubmissionError("context.targetGroup", "Submission.TargetGroupNotAsked")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var submission = new ResponseSubmission
        {
            Id = id, Instrument = Instrument!.Key, AnsweredAt = clock.GetUtcNow(), Campaign = campaign,
            Answers = QuestionnaireSubmit.Answers(Request.Form, Instrument),
            Context = new SubmissionContext
            {
                Language = Language, TargetGroup = string.IsNullOrEmpty(targetGroup) ? null : targetGroup,
                Jobcentre = found.Point.ClientSetsOrganisation ? jobcentre : null,
            },
        };
        var outcome = await QuestionnaireSubmit.SubmitAsync(submission, Instrument, found.Point, organisation, queue, clock, ct);
        if (outcome.Stored || outcome.AlreadyAnswered)
        {
            var (contact, contactSite) = outcome.Stored && !IsMirror && FollowUp.FollowUpOffer.IsNegative(Instrument, submission.Answers)
                ? await FollowUp.FollowUpPlace.OfAsync(db, found.Point, jobcentre, ct) : (null, null);
            // The language chosen by a ?culture= link stays with the thanks page.
            return RedirectToPage(new { campaign, sent = outcome.Stored ? 1 : 2, contact, contactSite, culture = Request.Query["culture"].FirstOrDefault() });
        }
        Errors = outcome.Errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<WebCampaign> ResolveAsync(string? key, CancellationToken ct)
    {
        Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var found = await WebCampaign.FindAsync(db, key, DanishTime.Today(clock), ct);
        State = found.State;
        if (found.Point is null)
        {
            return found;
        }
        Instrument = await instruments.LatestAsync(found.InstrumentKey!, ct);
        if (Instrument is null)
        {
            State = WebCampaignState.Unknown;
            return found with { Point = null };
        }
        var names = await db.TargetGroups.AsNoTracking().Where(t => found.TargetGroupKeys.Contains(t.Key)).OrderBy(t => t.Position).ToListAsync(ct);
        TargetGroups = names.Select(t =>
        {
            var (name, danish) = t.Names.In(Language);
            return (t.Key, name, danish);
        }).ToList();
        if (found.Point.ClientSetsOrganisation)
        {
            JobCentres = (await db.JobCentres.AsNoTracking().OrderBy(j => j.Name).Select(j => new { j.Key, j.Name }).ToListAsync(ct)).Select(j => (j.Key, j.Name)).ToList();
        }
        return found;
    }

    private PageResult Respond(WebCampaign found)
    {
        Response.StatusCode = found.Point is not null ? StatusCodes.Status200OK : State switch
        {
            WebCampaignState.Unknown => StatusCodes.Status404NotFound,
            WebCampaignState.Closed => StatusCodes.Status410Gone,
            _ => StatusCodes.Status403Forbidden,
        };
        return Page();
    }
}
