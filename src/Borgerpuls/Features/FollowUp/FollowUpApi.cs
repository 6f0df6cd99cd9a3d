using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.FollowUp;

/// <summary>What the tablet's thank-you screen sends when the citizen asks to be contacted: the token the screen made when
/// it offered, and what the citizen typed. No answer, no response id, no time.</summary>
public sealed record FollowUpSubmission(Guid Id, string? Name, string? Phone, string? Message, bool Consent);

internal static class FollowUpApi
{
    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        app.MapDeviceGroup("/api/v1").MapPost("/follow-up", HandleAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("Responses")
            .WithSummary("A citizen on a tablet asks to be contacted (stored apart from responses; idempotent by the offer's UUID)");
        return app;
    }

    /// <summary>The request goes to the tablet's own job centre and site. A kiosk is refused: it stands in a public room and
    /// is anonymous. Errors are the citizen text keys, which the tablet shows in the language on screen.</summary>
    private static async Task<IResult> HandleAsync(FollowUpSubmission body, CurrentDevice device, BorgerpulsDb db, TimeProvider clock, OpenRequestCount openRequests, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (device.Channel != Channel.Tablet)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["FollowUp.Error.Forbidden"], detail: t["FollowUp.Error.NotTablet"]);
        }
        var errors = await FollowUpIntake.SubmitAsync(db, new FollowUpInput(body.Id, device.JobCentreId, device.SiteId, body.Name, body.Phone, body.Message, body.Consent), clock, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Key).ToArray()), title: t["FollowUp.Error.Title"]);
        }
        openRequests.Changed();
        return TypedResults.NoContent();
    }
}
