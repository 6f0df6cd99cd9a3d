using Borgerpuls.Features.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Borgerpuls.Tests.Features.Alerts;

/// <summary>Which mail sender the settings give, and when the evaluation service runs.</summary>
public sealed class AlertsSetupTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings) =>
        new ServiceCollection().AddAlerts(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build()).BuildServiceProvider();

    [Fact]
    public void A_pickup_directory_wins_over_smtp_and_without_either_there_is_no_sender()
    {
        using var pickup = Services(("Mail:PickupDirectory", "/tmp/x"), ("Mail:Smtp:Host", "smtp.kommune.dk"));
        Assert.IsType<PickupDirectoryMailSender>(pickup.GetService<IMailSender>());
        using var smtp = Services(("Mail:Smtp:Host", "smtp.kommune.dk"), ("Mail:Smtp:Port", "465"), ("Mail:Smtp:Security", "SslOnConnect"));
        Assert.IsType<SmtpMailSender>(smtp.GetService<IMailSender>());
        Assert.Equal((465, "SslOnConnect"), (smtp.GetRequiredService<MailOptions>().Smtp.Port, smtp.GetRequiredService<MailOptions>().Smtp.Security));
        using var none = Services();
        Assert.Null(none.GetService<IMailSender>());
    }

    [Fact]
    public void The_service_runs_unless_switched_off()
    {
        static bool Runs(ServiceCollection services) => services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "AlertJob");
        Assert.True(Runs((ServiceCollection)new ServiceCollection().AddAlerts(new ConfigurationBuilder().Build())));
        var off = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Alerts:Enabled"] = "false" }).Build();
        Assert.False(Runs((ServiceCollection)new ServiceCollection().AddAlerts(off)));
    }
}
