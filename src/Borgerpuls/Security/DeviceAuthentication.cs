using System.Security.Claims;
using System.Text.Encodings.Web;
using Borgerpuls.Features.Ingest;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Security;

/// <summary>Kiosks and tablets send <c>Authorization: Device &lt;key&gt;</c>. The key's SHA-256 is looked up among active
/// devices; a revoked or unknown key is refused. The principal carries the device id, never anything about a citizen.
/// Lookups go through the <see cref="DeviceDirectory"/>: the authentication middleware runs on every request, and a kiosk
/// posting thousands of presses must not cost a database query (and a DbContext) for each.</summary>
internal sealed class DeviceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DeviceDirectory devices)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Device";
    private const string Prefix = "Device ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }
        var (device, refusal) = await devices.FindAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        if (device is null)
        {
            return AuthenticateResult.Fail(refusal!);
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"device:{device.Id}"), new Claim(ClaimTypes.Role, Roles.Device), new Claim(BorgerpulsClaims.DeviceId, device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static int? DeviceId(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(BorgerpulsClaims.DeviceId), out var id) ? id : null;
}
