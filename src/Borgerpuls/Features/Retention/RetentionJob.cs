using Microsoft.Extensions.Options;
using Borgerpuls.Data;

namespace Borgerpuls.Features.Retention;

/// <summary>Applies the retention rules at start and then once a day.</summary>
internal sealed class RetentionJob(BorgerpulsDbFactory databases, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
        do
        {
            try
            {
                var result = await RetentionRun.RunAsync(databases, options.Value, clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (result.Responses + result.Comments + result.AuditEntries + result.FollowUps + result.Denominators > 0)
                {
                    logger.LogInformation("Retention deleted {Responses} responses, {Comments} comments, {Audit} audit entries, {FollowUps} follow-up requests, {Denominators} response-rate rows",
                        result.Responses, result.Comments, result.AuditEntries, result.FollowUps, result.Denominators);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention run failed; it is tried again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
