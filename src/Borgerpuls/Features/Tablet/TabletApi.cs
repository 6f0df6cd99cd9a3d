using Borgerpuls.Security;

namespace Borgerpuls.Features.Tablet;

internal static class TabletApi
{
    public static IEndpointRouteBuilder MapTablet(this IEndpointRouteBuilder app)
    {
        // Like responses: anonymous at the framework level, the handler authenticates the tablet's device key itself.
        app.MapPost("/api/v1/declines", RecordDeclined.HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(WebHardening.CitizenPolicy)
            .Accepts<DeclinedSubmission>("application/json")
            .Produces<DeclinedAcknowledgement>(StatusCodes.Status201Created)
            .Produces<DeclinedAcknowledgement>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithTags("Responses")
            .WithSummary("Record hand-overs the citizen declined on a tablet (denominator of the response rate; idempotent by UUID)");
        return app;
    }
}
