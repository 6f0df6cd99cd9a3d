using OpenTelemetry.Metrics;

namespace Borgerpuls.Features.Metrics;

/// <summary>OpenTelemetry metrics with a Prometheus scrape endpoint at <c>/metrics</c>, when <c>Metrics:Prometheus</c> is
/// true: the application's own measurements (<see cref="BorgerpulsMetrics"/>), ASP.NET Core's request durations and the .NET
/// runtime's. Off by default; the endpoint needs no sign-in (Prometheus scrapes each instance directly), so the proxy in
/// front must not pass <c>/metrics</c> on (docs/operations.md).</summary>
internal static class MetricsSetup
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Metrics:Prometheus", false);

    public static IServiceCollection AddBorgerpulsMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Enabled(configuration)) return services;
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BorgerpulsMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            // Each scrape answers with the counts of that moment; the exporter's default keeps an answer for 300 ms.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static IEndpointRouteBuilder MapBorgerpulsMetrics(this WebApplication app)
    {
        if (Enabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }
        return app;
    }
}
