using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>The real web app, on a test database, served in memory.</summary>
public sealed class BorgerpulsApp(TestDatabase database, bool seedDemo = false) : WebApplicationFactory<Program>
{
    /// <summary>The server's clock, when a test needs to set the time (null: the system clock).</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Configuration for this server only, as appsettings.json would give it (e.g. <c>Anonymity:K</c>).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
        builder.UseSetting("db", database.Value);
        builder.UseSetting("DemoData:SeedOnFirstStart", seedDemo ? "true" : "false");
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
