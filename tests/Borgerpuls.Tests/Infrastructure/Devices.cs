using Borgerpuls.Domain;
using Borgerpuls.Features.DeviceHealth;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>Registers a device as <c>device add</c> and the admin page do (<see cref="DeviceRegistration"/>, in this process:
/// the verb itself is tested in DeviceCommandTests) and returns its key.</summary>
public static class Devices
{
    public static async Task<string> AddAsync(TestDatabase database, string site, string instrument, string channel = "kiosk", string? unit = null, string? name = null)
    {
        await using var db = database.Open();
        var kind = channel == "tablet" ? Channel.Tablet : Channel.Kiosk;
        var (done, problems) = await DeviceRegistration.AddAsync(db, new(name ?? "Test " + channel, kind, site, instrument, unit), "test", DateTime.UtcNow);
        Assert.True(done is not null, string.Join("; ", problems.Select(p => p.ResourceKey)));
        return done.Key;
    }
}
