namespace Borgerpuls.Tests.Infrastructure;

/// <summary>Registers a device through the real CLI verb and returns its key.</summary>
public static class Devices
{
    public static async Task<string> AddAsync(TestDatabase database, string site, string instrument, string channel = "kiosk", string? unit = null)
    {
        var args = new List<string> { "device", "add", "--site", site, "--instrument", instrument, "--name", "Test " + channel, "--channel", channel, "--db", database.Value };
        if (unit is not null)
        {
            args.AddRange(["--unit", unit]);
        }
        var result = await CliRunner.RunAsync([.. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output.Trim().Split('\n')[^1].Trim();
    }
}
