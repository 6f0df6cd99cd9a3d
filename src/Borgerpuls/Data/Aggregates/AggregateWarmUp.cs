namespace Borgerpuls.Data.Aggregates;

/// <summary>Loads the aggregates into memory as soon as the app serves, so that the first dashboard or results request after a
/// restart does not wait for a national database's cells to be read (seconds at 10 M responses).</summary>
internal sealed class AggregateWarmUp(BorgerpulsDbFactory databases, ILogger<AggregateWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await databases.Aggregates.Cells.EnsureCurrentAsync(stoppingToken);
            logger.LogInformation("Aggregates loaded into memory in {Milliseconds} ms", clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the first query loads them instead.
            logger.LogWarning(e, "Loading the aggregates at start failed");
        }
    }
}
