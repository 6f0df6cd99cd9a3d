using Borgerpuls.Data;
using Borgerpuls.Features.DeviceHealth;
using Borgerpuls.Security.Anonymity;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Features.Alerts;

/// <summary>Runs an alert round every <see cref="AlertOptions.IntervalMinutes"/> minutes on every instance; the rounds
/// agree through the maintenance lock and the mails' claims (<see cref="AlertRun"/>). Nothing a round meets stops the
/// service: it is logged and the next round tries again.</summary>
internal sealed class AlertJob(BorgerpulsDbFactory databases, IOptions<AlertOptions> options, AnonymityOptions anonymity, OpeningHours hours,
    IServiceProvider services, TimeProvider clock, ILogger<AlertJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sender = services.GetService<IMailSender>();
        if (sender is null) logger.LogWarning("Mail is not configured (Mail:Smtp:Host or Mail:PickupDirectory): alerts are raised but their mails wait");
        var settings = new AlertSettings(anonymity.K, hours, options.Value, sender);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await AlertRun.RunAsync(databases, settings, clock.GetUtcNow(), logger, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Alert round failed; it is tried again next round");
            }
        }
    }
}

public static class AlertsSetup
{
    /// <summary>The mail sender (pickup directory, else SMTP, else none) and, unless <c>Alerts:Enabled</c> is false, the
    /// evaluation service.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration, bool withService = true)
    {
        services.Configure<AlertOptions>(configuration.GetSection(AlertOptions.Section));
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton(mail);
        if (!string.IsNullOrWhiteSpace(mail.PickupDirectory)) services.AddSingleton<IMailSender, PickupDirectoryMailSender>();
        else if (!string.IsNullOrWhiteSpace(mail.Smtp.Host)) services.AddSingleton<IMailSender, SmtpMailSender>();
        if (withService && configuration.GetValue("Alerts:Enabled", true)) services.AddHostedService<AlertJob>();
        return services;
    }
}
