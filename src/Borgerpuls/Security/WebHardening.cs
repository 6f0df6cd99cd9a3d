using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Borgerpuls.Security;

/// <summary>Security headers with a strict CSP (no inline script or style), HTTPS/HSTS when behind TLS, rate limits on the
/// anonymous citizen endpoints, request size limits.</summary>
internal static class WebHardening
{
    /// <summary>Rate-limit policy for citizen submissions: a verified kiosk or tablet gets a partition of its own, so one broken
    /// kiosk cannot starve the others; everything unverified (web answers, invitation pages, a made-up device key) shares the
    /// client address's partition, so inventing keys buys no extra quota. The address is used only in memory, never stored.</summary>
    public const string CitizenPolicy = "citizen";

    /// <summary>Rate-limit policy for sign-in attempts, per client address: against password spraying across many accounts,
    /// which the per-account lockout does not see.</summary>
    public const string SignInPolicy = "signin";

    public const long MaxRequestBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddWebHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBytes;
            o.AddServerHeader = false;
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = configuration.GetValue("Limits:UploadBytes", 200L * 1024 * 1024));
        services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, configuration));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "borgerpuls.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        var permitPerMinute = configuration.GetValue("RateLimits:CitizenPerMinute", 600);
        var signInsPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(CitizenPolicy, http => RateLimitPartition.GetFixedWindowLimiter(PartitionKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
            // Only the attempts count: showing the sign-in page is free.
            o.AddPolicy(SignInPolicy, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("page")
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = signInsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    /// <summary>Runs after authentication (see WebApp), so a device partition exists only for a key that was verified.</summary>
    public static string PartitionKey(HttpContext http) =>
        DeviceAuthenticationHandler.DeviceId(http.User) is { } device
            ? "device:" + device.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "ip:" + http.Connection.RemoteIpAddress;

    /// <summary>The policy of every page; only the embeddable transparency page names other <paramref name="frameAncestors"/>.</summary>
    public static string ContentSecurityPolicy(string frameAncestors) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'; frame-ancestors {frameAncestors}; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static WebApplication UseWebHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Configuration.GetValue("Https:Enabled", false))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy("'none'");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
        return app;
    }
}
