using Borgerpuls.Security;

namespace Borgerpuls.Features.DeviceHealth;

internal static class DevicesApi
{
    public static IServiceCollection AddDeviceStatus(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(OpeningHours.FromConfiguration(configuration));
        return services;
    }

    public static IEndpointRouteBuilder MapDevices(this IEndpointRouteBuilder app)
    {
        // Anonymous at the framework level like ingest: the handlers authenticate the device key, and the citizen rate limit is
        // partitioned by it. No antiforgery: a device header is not sent by browsers on their own.
        app.MapGet("/api/v1/devices/self", DeviceSelf.HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(WebHardening.CitizenPolicy)
            .Produces<DeviceIdentity>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithTags("Devices")
            .WithSummary("The registration of the device whose key is sent (Authorization: Device …)")
            .WithDescription("Kiosk and tablet setup call it before saving a typed key. 401: the key is missing, malformed, unknown or revoked; the detail says which.");
        app.MapPost("/api/v1/devices/heartbeat", DeviceHeartbeat.HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(WebHardening.CitizenPolicy)
            .Accepts<Heartbeat>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithTags("Devices")
            .WithSummary("A device's heartbeat: its queue, refused answers, deliveries today and last error")
            .WithDescription("Sent every 60 s and after a delivery outcome changes. Stored on the device with the server time of contact; shown on /admin/devices and by device list.");
        return app;
    }
}
