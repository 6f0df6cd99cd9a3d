using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Borgerpuls.Features.Health;

/// <summary><c>/health</c>: liveness — the process answers; it does not touch the database, so a database outage does not
/// make a supervisor restart every instance. <c>/health/ready</c>: readiness for a load balancer — the database is reachable
/// and carries this version's migrations; 503 otherwise.</summary>
internal static class HealthApi
{
    public const string Ready = "ready";

    public static IHealthChecksBuilder AddBorgerpulsHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready]);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).WithSummary("Liveness: the process answers").AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) })
            .WithSummary("Readiness: database reachable and migrated").AllowAnonymous();
        return app;
    }
}
