using Borgerpuls.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Borgerpuls.Features.Health;

/// <summary>The database answers a query. A query rather than opening a connection: a pooled connection that a restarted
/// server has ended opens without complaint and fails only when used.</summary>
internal sealed class DatabaseHealthCheck(BorgerpulsDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await DatabaseUnavailable.RetryingEndedConnectionsAsync(() => db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken));
        return HealthCheckResult.Healthy($"{db.Provider} reachable");
    }
}
