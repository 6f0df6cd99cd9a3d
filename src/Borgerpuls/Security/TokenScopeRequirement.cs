using Microsoft.AspNetCore.Authorization;

namespace Borgerpuls.Security;

/// <summary>A token-authenticated caller also needs the policy's scope; cookie sign-ins are limited by role alone.</summary>
internal sealed record TokenScopeRequirement(string Scope) : IAuthorizationRequirement;

internal sealed class TokenScopeHandler : AuthorizationHandler<TokenScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenScopeRequirement requirement)
    {
        var viaToken = context.User.Identities.Any(i => i.AuthenticationType == TokenAuthenticationHandler.SchemeName);
        if (!viaToken || context.User.HasClaim(BorgerpulsClaims.Scope, requirement.Scope))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
