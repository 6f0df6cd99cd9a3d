using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Borgerpuls.Security;

/// <summary>Security headers with a strict CSP (no inline script or style), HTTPS/HSTS when behind TLS, rate limits on the
/// anonymous citizen endpoints, request size limits.</summary>
internal static class WebHardening
{
    /// <summary>Rate-limit policy for anonymous submissions: partitioned by device key or invitation token, so one broken kiosk
    /// cannot starve the others. The client address is used only in memory as a last resort and never stored.</summary>
    public const string CitizenPolicy = "citizen";

    public const long MaxRequestBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddWebHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBytes;
            o.AddServerHeader = false;
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = configuration.GetValue("Limits:UploadBytes", 200L * 1024 * 1024));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "borgerpuls.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        var permitPerMinute = configuration.GetValue("RateLimits:CitizenPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(CitizenPolicy, http => RateLimitPartition.GetFixedWindowLimiter(PartitionKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        });
        return services;
    }

    public static string PartitionKey(HttpContext http)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Device ", StringComparison.Ordinal))
        {
            return "device:" + SecretKeys.Hash(auth);
        }
        if (http.Request.RouteValues.TryGetValue("token", out var token) && token is string t)
        {
            return "invitation:" + SecretKeys.Hash(t);
        }
        return "ip:" + http.Connection.RemoteIpAddress;
    }

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
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
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
