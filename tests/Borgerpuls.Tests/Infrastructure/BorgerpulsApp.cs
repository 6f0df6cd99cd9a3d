using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Borgerpuls.Tests.Infrastructure;

/// <summary>The real web app, on a test database, served in memory.</summary>
public sealed class BorgerpulsApp(TestDatabase database, bool seedDemo = false) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", database.Value);
        builder.UseSetting("DemoData:SeedOnFirstStart", seedDemo ? "true" : "false");
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseEnvironment("Testing");
    }
}
