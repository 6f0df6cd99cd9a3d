namespace Borgerpuls.Features.Health;

internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health").WithSummary("Liveness and database reachability").AllowAnonymous();
        return app;
    }
}
