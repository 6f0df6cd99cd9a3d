using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Domain;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Borgerpuls.Features.Invitations;

public sealed record InvitationRequest(string Instrument, string JobCentre)
{
    public string? Site { get; init; }
    public string? Unit { get; init; }
    public string? TargetGroup { get; init; }
    public string? MeetingType { get; init; }
    public DateOnly? MeetingDate { get; init; }
    public int ValidDays { get; init; } = 14;
    /// <summary>Who referred the citizen (<see cref="ReferralSource"/>); a case system's call defaults to <c>sagssystem</c>.</summary>
    public string? ReferredBy { get; init; }
    public string? Campaign { get; init; }
}

public sealed record InvitationCreated(string Token, string Url, DateOnly ExpiresOn, string QrSvg);

/// <summary><c>POST /api/v1/invitations</c>: staff or a case system creates a one-time invitation for a meeting's context
/// (never a person). The token is returned once, with a short link and a QR code for a letter, an SMS or the screen.</summary>
internal static class CreateInvitation
{
    public static async Task<Results<Created<InvitationCreated>, ValidationProblem>> HandleAsync(
        InvitationRequest request, HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AuditLog audit, TimeProvider clock, IConfiguration configuration, CancellationToken ct)
    {
        // Case systems call with an access token; a person calling with a session states the source or leaves it unstated.
        if (request.ReferredBy is null && http.User.Identity?.AuthenticationType == TokenAuthenticationHandler.SchemeName)
        {
            request = request with { ReferredBy = ReferralSource.CaseSystem };
        }
        var (created, errors) = await CreateAsync(request, Viewer.From(http.User), InvitationLink.Origin(configuration), db, databases, audit, clock, ct);
        return created is null
            ? TypedResults.ValidationProblem(errors, title: SharedTexts.Current("Invite.Error.Title"))
            : TypedResults.Created(new Uri(created.Url).AbsolutePath, created);
    }

    /// <summary>Checks the request against the organisation and the viewer's job centres and stores the invitation; shared by
    /// the API and the staff page (<c>/invitations/new</c>).</summary>
    public static async Task<(InvitationCreated? Created, Dictionary<string, string[]> Errors)> CreateAsync(
        InvitationRequest request, Viewer viewer, string origin, BorgerpulsDb db, BorgerpulsDbFactory databases, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var instrument = await db.Instruments.SingleOrDefaultAsync(i => i.Key == request.Instrument, ct);
        if (instrument is null) errors["instrument"] = [SharedTexts.Current("Place.Error.UnknownInstrument", request.Instrument)];
        var centre = await db.JobCentres.SingleOrDefaultAsync(j => j.Key == request.JobCentre, ct);
        if (centre is null) errors["jobCentre"] = [SharedTexts.Current("Place.Error.UnknownJobCentre", request.JobCentre)];
        else if (!viewer.SeesCentre(centre.Key)) errors["jobCentre"] = [SharedTexts.Current("Invite.Error.NotYourJobCentre", request.JobCentre)];
        var site = request.Site is null ? null : await db.Sites.SingleOrDefaultAsync(s => s.Key == request.Site, ct);
        if (request.Site is not null && (site is null || site.JobCentreId != centre?.Id)) errors["site"] = [SharedTexts.Current("Place.Error.UnknownSite", request.Site)];
        var unit = request.Unit is null ? null : await db.Units.Include(u => u.Site).SingleOrDefaultAsync(u => u.Key == request.Unit, ct);
        // A unit belongs to the chosen site, and always to the chosen job centre, also when no site is given.
        if (request.Unit is not null && (unit is null || (site is not null && unit.SiteId != site.Id) || unit.Site!.JobCentreId != centre?.Id))
        {
            errors["unit"] = [SharedTexts.Current("Place.Error.UnknownUnit", request.Unit)];
        }
        var group = request.TargetGroup is null ? null : await db.TargetGroups.SingleOrDefaultAsync(t => t.Key == request.TargetGroup, ct);
        if (request.TargetGroup is not null && group is null) errors["targetGroup"] = [SharedTexts.Current("Place.Error.UnknownTargetGroup", request.TargetGroup)];
        var campaign = request.Campaign is null ? null : await db.Campaigns.SingleOrDefaultAsync(c => c.Key == request.Campaign, ct);
        if (request.Campaign is not null && campaign is null) errors["campaign"] = [SharedTexts.Current("Invite.Error.UnknownCampaign", request.Campaign)];
        if (request.ValidDays is < 1 or > 60) errors["validDays"] = [SharedTexts.Current("Invite.Error.ValidDays")];
        if (request.MeetingType is not null && !MeetingType.IsKnown(request.MeetingType))
        {
            errors["meetingType"] = [SharedTexts.Current("Invite.Error.UnknownMeetingType", string.Join(", ", MeetingType.All))];
        }
        if (request.ReferredBy is { } referral && !ReferralSource.IsKnown(referral))
        {
            errors["referredBy"] = [SharedTexts.Current("Invite.Error.UnknownReferral", referral, string.Join(", ", ReferralSource.All))];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var today = DanishTime.Today(clock);
        var token = SecretKeys.New(18);
        var invitation = new Invitation
        {
            TokenHash = SecretKeys.Hash(token), InstrumentId = instrument!.Id, CampaignId = campaign?.Id,
            MeetingType = request.MeetingType, MeetingDate = request.MeetingDate ?? today, ExpiresOn = today.AddDays(request.ValidDays),
            ReferredBy = request.ReferredBy,
        }.PlaceFrom(new Place(centre!.Id, site?.Id, unit?.Id, group?.Id));
        db.Invitations.Add(invitation);
        var issued = new DenominatorDelta();
        issued.Issued(invitation);
        // Audited as a count per person, day, job centre and questionnaire, in the invitation's own transaction: an entry per
        // invitation, with its time, would follow the invitations' order and tie each one, and the response it produced, to
        // the person who invited and when.
        await DenominatorTransaction.SaveChangesAsync(db, databases.Aggregates, issued, ct,
            alsoWrite: async c =>
            {
                await InvitationTallies.ScatterAsync(db, invitation.Id, c);
                await InvitationTallies.CountAsync(db, today, audit.CurrentActor, centre.Id, instrument.Id, c);
            });
        var url = $"{origin}/i/{token}";
        return (new InvitationCreated(token, url, invitation.ExpiresOn, QrSvg(url)), errors);
    }

    /// <summary>A QR code as SVG, generated on the server with QRCoder; no third-party service sees the link.</summary>
    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6);
    }
}
