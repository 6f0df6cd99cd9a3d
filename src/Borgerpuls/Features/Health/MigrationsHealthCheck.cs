using Borgerpuls.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Borgerpuls.Features.Health;

/// <summary>Ready only on the schema this version expects: during an upgrade an instance of the other version is taken out
/// of the load balancer's rotation instead of answering on a schema it does not know.</summary>
internal sealed class MigrationsHealthCheck(DatabaseSetup.Target target) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var expected = SchemaCheck.NewestShipped(target.Provider);
        var applied = await DatabaseUnavailable.RetryingEndedConnectionsAsync(() => SchemaCheck.NewestAppliedAsync(target, cancellationToken));
        return applied == expected
            ? HealthCheckResult.Healthy("migrations applied")
            : HealthCheckResult.Unhealthy($"schema {applied ?? "none"}, this version expects {expected}");
    }
}
