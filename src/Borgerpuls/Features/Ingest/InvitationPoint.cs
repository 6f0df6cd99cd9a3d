using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Ingest;

/// <summary>Turns an invitation token into the collection point it fixes, or a friendly refusal: a citizen text key, said
/// in the questionnaire's seven languages.</summary>
public static class InvitationPoint
{
    public sealed record Resolution(CollectionPoint? Point, int Status, string? Refusal, string? InstrumentKey);

    public static async Task<Resolution> ResolveAsync(BorgerpulsDb db, string token, DateOnly today, CancellationToken ct)
    {
        if (token.Length is < 10 or > 100)
        {
            return new(null, StatusCodes.Status404NotFound, "Questionnaire.Unknown", null);
        }
        var hash = SecretKeys.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null)
        {
            return new(null, StatusCodes.Status404NotFound, "Questionnaire.Unknown", null);
        }
        if (invitation.Used)
        {
            return new(null, StatusCodes.Status410Gone, "Questionnaire.Used", null);
        }
        if (invitation.ExpiresOn < today)
        {
            return new(null, StatusCodes.Status410Gone, "Questionnaire.Expired", null);
        }
        var instrument = await db.Instruments.Where(i => i.Id == invitation.InstrumentId).Select(i => i.Key).SingleAsync(ct);
        return new(new CollectionPoint(Channel.Link, instrument)
        {
            MeetingType = invitation.MeetingType, CampaignId = invitation.CampaignId, InvitationTokenHash = hash,
        }.At(invitation), StatusCodes.Status200OK, null, instrument);
    }
}
