using Borgerpuls.Security;

namespace Borgerpuls.Features.Ingest;

internal static class IngestApi
{
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.AddSingleton<Questionnaire.InstrumentCatalog>();
        services.AddSingleton<OrganisationLookup>();
        services.AddSingleton<DeviceDirectory>();
        services.AddSingleton<IngestQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestQueue>());
        return services;
    }

    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        // Citizens are anonymous, and one address takes answers from kiosks and tablets (device key), invitations (their token)
        // and web campaigns, as devices in the field already send them: so it cannot sit in the device group. A device key is
        // still verified by the device scheme alone (the handler takes the CurrentDevice it set, or challenges with it), and the
        // citizen rate limit is partitioned by the verified device.
        app.MapPost("/api/v1/responses", SubmitResponses.HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(WebHardening.CitizenPolicy)
            .Accepts<ResponseSubmission>("application/json")
            .Produces<Acknowledgement>(StatusCodes.Status201Created)
            .Produces<Acknowledgement>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Responses")
            .WithSummary("Submit one response or a batch (idempotent by UUID)")
            .WithDescription("201 = stored now, 200 = already stored with the same content. Anything else: keep the response queued and retry. " +
                "Kiosks send previousPressAt (the time of their previous press); the kiosk-repeat flag follows from it alone.");
        return app;
    }
}
