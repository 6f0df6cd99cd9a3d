using System.Reflection;
using Borgerpuls.Domain;

namespace Borgerpuls.Security;

/// <summary>The kiosk or tablet whose key the request carries, as verified by <see cref="DeviceAuthenticationHandler"/>.
/// A handler behind <see cref="Policies.Device"/> takes it as a parameter (like TodoApi's <c>CurrentUser</c>), so no
/// endpoint reads the header or looks a key up itself.</summary>
public sealed record CurrentDevice(int Id, Channel Channel, int JobCentreId, int SiteId, int? UnitId, int RepeatWindowSeconds, string InstrumentKey)
{
    /// <summary>The device authenticated on this request, or null when none was (no key, or a refused one).</summary>
    public static CurrentDevice? Of(HttpContext http) => http.Features.Get<CurrentDevice>();

    /// <summary>Minimal API binding. Only endpoints behind the device policy take this parameter, so a missing device is a
    /// mistake in the endpoint's mapping, not a client error.</summary>
    public static ValueTask<CurrentDevice?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<CurrentDevice?>(Of(http)
            ?? throw new InvalidOperationException($"{parameter.Member.Name} takes the current device but is not behind the {Policies.Device} policy."));
}
