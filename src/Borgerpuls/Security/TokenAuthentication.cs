using System.Security.Claims;
using System.Text.Encodings.Web;
using Borgerpuls.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Borgerpuls.Security;

/// <summary>Personal access tokens: <c>Authorization: Bearer bp_…</c>. The principal is the token's owner with their role and
/// centres, plus the token's scopes, which <see cref="TokenScopeRequirement"/> checks per policy.</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    BorgerpulsDb db, IUserClaimsPrincipalFactory<StaffUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header[Prefix.Length..].Trim();
        if (!token.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return AuthenticateResult.Fail("Malformed access token.");
        }
        var hash = SecretKeys.Hash(token);
        var entity = await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (entity is null || entity.RevokedAt is not null || entity.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired access token.");
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == entity.UserId, Context.RequestAborted);
        if (user is null || AccountLock.IsLockedByAdministrator(user, clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail("The token's owner is locked or gone.");
        }
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaims(entity.Scopes.Select(s => new Claim(BorgerpulsClaims.Scope, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
