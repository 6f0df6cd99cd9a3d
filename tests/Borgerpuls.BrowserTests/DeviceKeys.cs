namespace Borgerpuls.BrowserTests;

/// <summary>Kiosk and tablet keys made and revoked with the real command line, as staff do.</summary>
public static class DeviceKeys
{
    public static async Task<string> AddAsync(RunningServer server, string site, string instrument, string name, string channel) =>
        (await RunningServer.CliAsync("device", "add", "--site", site, "--instrument", instrument, "--name", name, "--channel", channel, "--db", server.Database))
            .Trim().Split('\n')[^1].Trim();

    public static async Task RevokeAsync(RunningServer server, string name)
    {
        var line = (await RunningServer.CliAsync("device", "list", "--db", server.Database)).Split('\n').Single(l => l.Split('\t') is [_, var n, ..] && n == name);
        await RunningServer.CliAsync("device", "revoke", line.Split('\t')[0], "--db", server.Database);
    }
}
