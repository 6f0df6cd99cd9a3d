using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Borgerpuls.Data;

namespace Borgerpuls.Security;

/// <summary>Authentication (staff cookies, personal access tokens, device keys, optional OpenID Connect) and the policies, in one place.</summary>
internal static class AuthSetup
{
    private const string Selector = "Borgerpuls";

    /// <summary>Identity's sign-in cookie scheme (<c>IdentityConstants.ApplicationScheme</c>, which is not a constant and so
    /// cannot stand in an attribute): pages that only a signed-in person may use, never a token.</summary>
    public const string SignedInPerson = "Identity.Application";

    public static IServiceCollection AddBorgerpulsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                // Length over composition rules (NIST SP 800-63B); lockout against guessing.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<BorgerpulsDb>()
            .AddDefaultTokenProviders();

        // A role change, a lock or a removed job centre takes effect on the very next request, not after Identity's default
        // 30 minutes: every cookie request compares the account's security stamp (one indexed read).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "borgerpuls.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // APIs answer 401/403 as problem+json; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        var authentication = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, DeviceAuthenticationHandler>(DeviceAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = ctx =>
            {
                var header = ctx.Request.Headers.Authorization.ToString();
                return header.StartsWith(DeviceAuthenticationHandler.Prefix, StringComparison.Ordinal) ? DeviceAuthenticationHandler.SchemeName
                    : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme;
            });
        OpenIdConnectSetup.AddIfConfigured(authentication, configuration);
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = Selector;
            o.DefaultAuthenticateScheme = Selector;
            o.DefaultChallengeScheme = Selector;
            o.DefaultForbidScheme = Selector;
        });

        services.AddSingleton<IAuthorizationHandler, TokenScopeHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => Staff(p, Policies.Admin, Roles.Admin))
            .AddPolicy(Policies.Analyst, p => Staff(p, Policies.Analyst, Roles.Admin, Roles.Analyst))
            .AddPolicy(Policies.Staff, p => Staff(p, Policies.Staff, Roles.Admin, Roles.Analyst, Roles.Manager))
            .AddPolicy(Policies.Aggregates, p => Staff(p, Policies.Aggregates, Roles.Admin, Roles.Analyst, Roles.Manager, Roles.Committee))
            .AddPolicy(Policies.Device, p => p.AddAuthenticationSchemes(DeviceAuthenticationHandler.SchemeName).RequireRole(Roles.Device))
            // Defence in depth: anything that forgets to declare a policy still needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddScoped<AuditLog>();
        services.AddSingleton<SetupToken>();
        return services;
    }

    private static void Staff(AuthorizationPolicyBuilder policy, string name, params string[] roles) =>
        policy.RequireAuthenticatedUser().RequireRole(roles).AddRequirements(new TokenScopeRequirement(PersonalAccessToken.ScopeForPolicy[name]));

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
