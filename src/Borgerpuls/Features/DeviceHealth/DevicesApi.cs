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
        var devices = app.MapDeviceGroup("/api/v1/devices").WithTags("Devices");
        devices.MapGet("/self", DeviceSelf.HandleAsync)
            .Produces<DeviceIdentity>()
            .WithSummary("The registration of the device whose key is sent (Authorization: Device …)")
            .WithDescription("Kiosk and tablet setup call it before saving a typed key. 401: the key is missing, malformed, unknown or revoked; the detail says which.");
        devices.MapPost("/heartbeat", DeviceHeartbeat.HandleAsync)
            .Accepts<Heartbeat>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .WithSummary("A device's heartbeat: its queue, refused answers, deliveries today and last error")
            .WithDescription("Sent every 60 s and after a delivery outcome changes. Stored on the device with the server time of contact; shown on /admin/devices and by device list.");
        return app;
    }
}
