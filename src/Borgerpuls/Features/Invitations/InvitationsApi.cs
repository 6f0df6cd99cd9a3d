using Borgerpuls.Security;

namespace Borgerpuls.Features.Invitations;

internal static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/invitations", CreateInvitation.HandleAsync)
            .RequireAuthorization(Policies.Staff)
            .WithTags("Invitations")
            .WithSummary("Create a one-time invitation (QR code and short link) for a meeting's context");
        return app;
    }
}
