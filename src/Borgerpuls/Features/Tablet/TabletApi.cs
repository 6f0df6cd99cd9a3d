using Borgerpuls.Security;

namespace Borgerpuls.Features.Tablet;

internal static class TabletApi
{
    public static IEndpointRouteBuilder MapTablet(this IEndpointRouteBuilder app)
    {
        app.MapDeviceGroup("/api/v1").MapPost("/declines", RecordDeclined.HandleAsync)
            .Accepts<DeclinedSubmission>("application/json")
            .Produces<DeclinedAcknowledgement>(StatusCodes.Status201Created)
            .Produces<DeclinedAcknowledgement>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("Responses")
            .WithSummary("Record hand-overs the citizen declined on a tablet (denominator of the response rate; idempotent by UUID)");
        return app;
    }
}
