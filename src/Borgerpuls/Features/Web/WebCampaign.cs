using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Ingest;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Web;

public enum WebCampaignState
{
    Unknown,
    NotYetOpen,
    Closed,
    Open,
}

/// <summary>An open web campaign (channel <c>web</c>) as the citizen page sees it: whether it takes answers today, which
/// instrument it asks, and which target groups the citizen may say they belong to. The rule for "open" is the one the API
/// applies to submissions that name a campaign: status open, started, not ended.</summary>
public sealed record WebCampaign(WebCampaignState State, string? InstrumentKey, CollectionPoint? Point, IReadOnlyList<string> TargetGroupKeys)
{
    public static async Task<WebCampaign> FindAsync(BorgerpulsDb db, string? key, DateOnly today, CancellationToken ct)
    {
        // A blank, whitespace or overlong key (e.g. /s/%20) is an unknown campaign, not a server error.
        var campaign = string.IsNullOrWhiteSpace(key) || key.Length > 100 ? null : await db.Campaigns.AsNoTracking().Include(c => c.Instrument).SingleOrDefaultAsync(c => c.Key == key, ct);
        if (campaign is null || campaign.Channel != Channel.Web)
        {
            return new(WebCampaignState.Unknown, null, null, []);
        }
        var state = StateOf(campaign, today);
        if (state != WebCampaignState.Open)
        {
            return new(state, campaign.Instrument!.Key, null, []);
        }
        var centre = campaign.JobCentreId ?? (campaign.SiteId is { } s ? await db.Sites.Where(x => x.Id == s).Select(x => (int?)x.JobCentreId).SingleAsync(ct) : null);
        // One target group: the campaign fixes it. Several (or all, when none are listed): the citizen may say which.
        var groups = campaign.TargetGroupKeys.Count > 0 ? campaign.TargetGroupKeys
            : await db.TargetGroups.AsNoTracking().OrderBy(t => t.Position).Select(t => t.Key).ToListAsync(ct);
        int? fixedGroup = campaign.TargetGroupKeys.Count == 1
            ? await db.TargetGroups.Where(t => t.Key == campaign.TargetGroupKeys[0]).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct) : null;
        var point = new CollectionPoint(Channel.Web, campaign.Instrument!.Key)
        {
            CampaignId = campaign.Id, JobCentreId = centre, SiteId = campaign.SiteId, UnitId = campaign.UnitId, TargetGroupId = fixedGroup,
            ClientSetsTargetGroup = fixedGroup is null, ClientSetsOrganisation = centre is null,
        };
        return new(state, campaign.Instrument.Key, point, fixedGroup is null ? groups : []);
    }

    /// <summary>Whether a web campaign takes answers on <paramref name="today"/>; also what the campaigns page shows.</summary>
    public static WebCampaignState StateOf(Campaign campaign, DateOnly today) => campaign.Status switch
    {
        CampaignStatus.Closed => WebCampaignState.Closed,
        _ when campaign.EndsOn < today => WebCampaignState.Closed,
        CampaignStatus.Draft => WebCampaignState.NotYetOpen,
        _ when campaign.StartsOn > today => WebCampaignState.NotYetOpen,
        _ => WebCampaignState.Open,
    };
}
