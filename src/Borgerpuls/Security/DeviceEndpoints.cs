namespace Borgerpuls.Security;

/// <summary>The route group every kiosk and tablet endpoint is mapped in: the device policy (a 401 problem saying why the key
/// was refused), the citizen rate limit partitioned by the verified device, and no antiforgery — browsers never send a device
/// header on their own.</summary>
internal static class DeviceEndpoints
{
    public static RouteGroupBuilder MapDeviceGroup(this IEndpointRouteBuilder app, string prefix) =>
        app.MapGroup(prefix)
            .RequireAuthorization(Policies.Device)
            .RequireRateLimiting(WebHardening.CitizenPolicy)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
