using System.Security.Claims;
using System.Text.Encodings.Web;
using Borgerpuls.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Security;

/// <summary>Kiosks and tablets send <c>Authorization: Device &lt;key&gt;</c>. The key's SHA-256 is looked up among active
/// devices; a revoked or unknown key is refused. The principal carries the device id, never anything about a citizen.</summary>
internal sealed class DeviceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BorgerpulsDb db)
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
        var key = header[Prefix.Length..].Trim();
        if (key.Length is < 20 or > 200)
        {
            return AuthenticateResult.Fail("Malformed device key.");
        }
        var hash = SecretKeys.Hash(key);
        var device = await db.Devices.AsNoTracking()
            .Where(d => d.KeyHash == hash)
            .Select(d => new { d.Id, d.RevokedAt })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (device is null)
        {
            return AuthenticateResult.Fail("Unknown device key.");
        }
        if (device.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("This device key has been revoked.");
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"device:{device.Id}"), new Claim(ClaimTypes.Role, Roles.Device), new Claim(BorgerpulsClaims.DeviceId, device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static int? DeviceId(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(BorgerpulsClaims.DeviceId), out var id) ? id : null;
}
