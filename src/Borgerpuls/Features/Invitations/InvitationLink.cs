namespace Borgerpuls.Features.Invitations;

/// <summary>Where the citizen's link points: the configured public address (<c>PublicUrl</c>, e.g.
/// <c>https://borgerpuls.kommune.dk</c>), else the first address the server listens on. Never the request's <c>Host</c> or
/// <c>X-Forwarded-*</c> headers: whoever sends those would choose where a printed QR code sends citizens.</summary>
public static class InvitationLink
{
    public static string Origin(IConfiguration configuration)
    {
        var configured = configuration["PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }
        return (string.IsNullOrWhiteSpace(configured) ? "http://127.0.0.1:5080" : configured).TrimEnd('/');
    }
}
