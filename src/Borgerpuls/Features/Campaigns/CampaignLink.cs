using Borgerpuls.Domain;
using Borgerpuls.Features.Invitations;

namespace Borgerpuls.Features.Campaigns;

/// <summary>The citizen's address of a web campaign (<c>/s/{key}</c>) on the configured public address, the same origin
/// invitation links use, so a printed QR code never points where a request header said.</summary>
public static class CampaignLink
{
    public static string Url(IConfiguration configuration, string key) => $"{InvitationLink.Origin(configuration)}/s/{Uri.EscapeDataString(key)}";

    /// <summary>The QR code (SVG) in base64, for a <c>data:</c> image the page shows and prints without another request.</summary>
    public static string QrBase64(string url) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(CreateInvitation.QrSvg(url)));

    /// <summary>The resource key of a channel's name, as the dashboard names it.</summary>
    public static string ChannelKey(Channel channel) => Dashboard.DashboardTextKeys.Channel(channel.ToString().ToLowerInvariant());

    public static string StatusKey(CampaignStatus status) => "Campaigns.Status." + status;
}
