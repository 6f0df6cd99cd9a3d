using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Borgerpuls.Security;

/// <summary>Sign-in through the municipality's identity provider (Entra ID, AD FS), when configured:
/// <c>Authentication:OpenIdConnect:Authority</c>, <c>ClientId</c>, <c>ClientSecret</c>, and <c>GroupRoles</c> mapping the
/// provider's group ids to Borgerpuls roles (and <c>GroupJobCentres</c> mapping groups to job-centre keys).</summary>
internal static class OpenIdConnectSetup
{
    public const string Scheme = "oidc";

    public static void AddIfConfigured(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication:OpenIdConnect");
        if (string.IsNullOrEmpty(section["Authority"]))
        {
            return;
        }
        var groupRoles = section.GetSection("GroupRoles").Get<Dictionary<string, string>>() ?? [];
        var groupCentres = section.GetSection("GroupJobCentres").Get<Dictionary<string, string>>() ?? [];
        authentication.AddOpenIdConnect(Scheme, "Kommunens login", o =>
        {
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SaveTokens = false;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Add("email");
            o.Events.OnTokenValidated = ctx =>
            {
                var identity = (ClaimsIdentity)ctx.Principal!.Identity!;
                foreach (var group in ctx.Principal.FindAll("groups").Select(c => c.Value).ToList())
                {
                    if (groupRoles.TryGetValue(group, out var role)) identity.AddClaim(new Claim(ClaimTypes.Role, role));
                    if (groupCentres.TryGetValue(group, out var centre)) identity.AddClaim(new Claim(BorgerpulsClaims.JobCentre, centre));
                }
                return Task.CompletedTask;
            };
        });
    }

    public static IReadOnlyDictionary<string, string> GroupRoles(IConfiguration configuration) =>
        configuration.GetSection("Authentication:OpenIdConnect:GroupRoles").Get<Dictionary<string, string>>() ?? [];
}
