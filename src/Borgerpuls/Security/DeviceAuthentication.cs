using System.Security.Claims;
using System.Text.Encodings.Web;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Security;

/// <summary>Kiosks and tablets send <c>Authorization: Device &lt;key&gt;</c>. The key's SHA-256 is looked up among active
/// devices; a revoked or unknown key is refused. The principal carries the device id, never anything about a citizen, and the
/// request carries the <see cref="CurrentDevice"/> for the handlers. A refusal answers 401 problem+json whose detail says
/// why (missing, malformed, unknown or revoked) in the request's language: a kiosk's setup screen shows it to staff.
/// Lookups go through the <see cref="DeviceDirectory"/>: the authentication middleware runs on every request, and a kiosk
/// posting thousands of presses must not cost a database query (and a DbContext) for each.</summary>
internal sealed class DeviceAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, DeviceDirectory devices, IStringLocalizer<SharedResource> t)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Device";
    public const string Prefix = "Device ";
    private const string Missing = "DeviceKey.Missing";

    public static bool Sent(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Sent(Request))
        {
            return AuthenticateResult.NoResult();
        }
        var (device, refusal) = await devices.FindAsync(Request.Headers.Authorization.ToString()[Prefix.Length..].Trim(), Context.RequestAborted);
        if (device is null)
        {
            return AuthenticateResult.Fail(refusal!);
        }
        Context.Features.Set(device);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"device:{device.Id}"), new Claim(ClaimTypes.Role, Roles.Device), new Claim(BorgerpulsClaims.DeviceId, device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The refusal is the resource key the authentication failed with; no result at all means no device key was sent.
        var result = await HandleAuthenticateOnceSafeAsync();
        var refusal = result.Failure?.Message is { } key && key.StartsWith("DeviceKey.", StringComparison.Ordinal) ? key : Missing;
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["DeviceKey.Title"], detail: t[refusal]).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["DeviceKey.Title"]).ExecuteAsync(Context);

    public static int? DeviceId(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(BorgerpulsClaims.DeviceId), out var id) ? id : null;
}
