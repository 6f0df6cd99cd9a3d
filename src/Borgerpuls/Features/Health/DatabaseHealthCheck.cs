using Borgerpuls.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Borgerpuls.Features.Health;

internal sealed class DatabaseHealthCheck(BorgerpulsDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Provider} reachable")
            : HealthCheckResult.Unhealthy($"{db.Provider} not reachable");
}
