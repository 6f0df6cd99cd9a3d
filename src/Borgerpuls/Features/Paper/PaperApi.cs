using Borgerpuls.Security;

namespace Borgerpuls.Features.Paper;

internal static class PaperApi
{
    public static IEndpointRouteBuilder MapPaper(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/paper-distributions", RecordPaperDistribution.HandleAsync)
            .RequireAuthorization(Policies.Staff)
            .WithTags("Responses")
            .WithSummary("Record how many paper forms were handed out (denominator of the paper response rate)");
        return app;
    }
}
