using Borgerpuls.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Security;

/// <summary>Every state change through the HTTP API by a person signed in with the session cookie must carry the antiforgery
/// token (form field or <c>RequestVerificationToken</c> header), whatever the endpoint: one rule here instead of a check in
/// each handler, so a new endpoint cannot forget it. API tokens, device keys and invitation tokens are sent explicitly by their
/// clients, never attached by a browser, so they need none.</summary>
internal static class SignedInApiAntiforgery
{
    public static IApplicationBuilder UseSignedInApiAntiforgery(this IApplicationBuilder app) =>
        app.UseWhen(NeedsToken, guarded => guarded.Use(async (http, next) =>
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["__RequestVerificationToken"] = [t["Api.AntiforgeryMissing"]] },
                    title: t["Api.AntiforgeryTitle"]).ExecuteAsync(http);
                return;
            }
            await next(http);
        }));

    private static bool NeedsToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        && http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthSetup.SignedInPerson);
}
