using Borgerpuls.Tests.Infrastructure;

namespace Borgerpuls.Tests.Security;

/// <summary>Behind nginx the app listens on 127.0.0.1; the one-time setup link it prints must name the address staff
/// actually reach (<c>PublicUrl</c>), or the person installing it opens a link that leads nowhere.</summary>
public sealed class SetupLinkAddressTests
{
    [Fact]
    public async Task The_setup_link_names_the_public_address_when_one_is_configured()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var server = await ServerProcess.StartAsync(database.Value, "--PublicUrl", "https://borgerpuls.aabaek.dk/");

        var line = await LinkLineAsync(server);

        Assert.Matches(@"https://borgerpuls\.aabaek\.dk/setup\?token=\S+", line);
        Assert.DoesNotContain("127.0.0.1", line);
    }

    [Fact]
    public async Task Without_a_public_address_the_setup_link_names_the_listening_address()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var server = await ServerProcess.StartAsync(database.Value);

        var line = await LinkLineAsync(server);

        Assert.Contains($"{server.Address.ToString().TrimEnd('/')}/setup?token=", line);
    }

    private static async Task<string> LinkLineAsync(ServerProcess server)
    {
        for (var i = 0; i < 100; i++)
        {
            if (server.Output.Split('\n').FirstOrDefault(l => l.Contains("/setup?token=", StringComparison.Ordinal)) is { } line) return line;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("no setup link in the server's output:\n" + server.Output);
    }
}
