using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Borgerpuls.Localization;

internal static class LocalizationSetup
{
    /// <summary>Staff pages: Danish first, English available.</summary>
    public static readonly string[] StaffCultures = ["da", "en"];

    /// <summary>Citizen pages add the languages most used by the job centres' citizens; Arabic is right-to-left.</summary>
    public static readonly string[] CitizenCultures = ["da", "en", "ar", "uk", "so", "tr", "pl"];

    public static IServiceCollection AddBorgerpulsLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = CitizenCultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("da");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentUICultures = true;
            // Query string (for shareable links) and cookie (the language picker); never the browser's Accept-Language on a
            // page, so a job centre's shared kiosk or tablet always starts in Danish. API clients may ask for their messages'
            // language with Accept-Language.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CustomRequestCultureProvider(ApiAcceptLanguage), new CookieRequestCultureProvider()];
        });
        return services;
    }

    private static Task<ProviderCultureResult?> ApiAcceptLanguage(HttpContext http)
    {
        var languages = http.Request.Path.StartsWithSegments("/api")
            ? http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value).ToList()
            : [];
        return Task.FromResult(languages.Count == 0 ? null : new ProviderCultureResult(languages));
    }

    public static bool IsRightToLeft(string culture) => CultureInfo.GetCultureInfo(culture).TextInfo.IsRightToLeft;
}
