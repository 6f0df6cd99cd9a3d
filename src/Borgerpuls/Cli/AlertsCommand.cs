using System.CommandLine;
using Borgerpuls.Data;
using Borgerpuls.Features.Alerts;
using Borgerpuls.Features.DeviceHealth;
using Borgerpuls.Security.Anonymity;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Cli;

internal static class AlertsCommand
{
    public static Command Create()
    {
        var run = new Command("run", CliText.Get("Cli.Help.AlertsRun"));
        run.SetAction((result, ct) => CommandLine.Guard(async () =>
        {
            var databases = CommandLine.Databases(result);
            await SchemaCheck.EnsureAsync(databases, ct);
            // As the web app reads it: appsettings.json in the working folder, then the environment (Mail__Smtp__Host …);
            // k, the opening hours and the mail settings through the same setup the web app uses.
            var configuration = new ConfigurationBuilder().SetBasePath(Directory.GetCurrentDirectory()).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            await using var services = new ServiceCollection().AddAnonymity(configuration).AddAlerts(configuration, withService: false).BuildServiceProvider();
            var sender = services.GetService<IMailSender>();
            if (sender is null) await Console.Error.WriteLineAsync(CliText.Get("Cli.Alerts.NoMail"));
            var settings = new AlertSettings(services.GetRequiredService<AnonymityOptions>().K, OpeningHours.FromConfiguration(configuration),
                services.GetRequiredService<IOptions<AlertOptions>>().Value, sender);
            using var logging = LoggerFactory.Create(b => b.AddSimpleConsole().AddFilter(_ => true));
            var done = await AlertRun.RunAsync(databases, settings, DateTimeOffset.UtcNow, logging.CreateLogger("alerts"), ct);
            Console.WriteLine(CliText.Get("Cli.Alerts.Done", done.Raised, done.Cleared, done.Sent, done.Failed));
            return 0;
        }));
        return new Command("alerts", CliText.Get("Cli.Help.Alerts")) { run };
    }
}
