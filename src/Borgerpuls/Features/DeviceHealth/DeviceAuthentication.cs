using Borgerpuls.Features.Ingest;
using Borgerpuls.Localization;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.DeviceHealth;

/// <summary>Kiosks and tablets authenticate with <c>Authorization: Device &lt;key&gt;</c>; a refused key gets a 401 that
/// says why (missing, malformed, unknown or revoked) in the request's language.</summary>
public static class DeviceAuthentication
{
    public const string Scheme = "Device ";

    public static async Task<(DeviceDirectory.DeviceInfo? Device, IResult? Refusal)> AuthenticateAsync(HttpContext http, CancellationToken ct)
    {
        var header = http.Request.Headers.Authorization.ToString();
        string? refusal = "DeviceKey.Missing";
        DeviceDirectory.DeviceInfo? device = null;
        if (header.StartsWith(Scheme, StringComparison.Ordinal))
        {
            (device, refusal) = await http.RequestServices.GetRequiredService<DeviceDirectory>().FindAsync(header[Scheme.Length..].Trim(), ct);
        }
        return device is not null ? (device, null) : (null, Unauthorized(http, refusal!));
    }

    public static IResult Unauthorized(HttpContext http, string refusalKey)
    {
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["DeviceKey.Title"], detail: t[refusalKey]);
    }
}
