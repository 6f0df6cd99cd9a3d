using System.Text.Encodings.Web;
using System.Text.Unicode;
using Borgerpuls.Data;
using Borgerpuls.Features.Alerts;
using Borgerpuls.Features.Metrics;
using Borgerpuls.Features.Benchmark;
using Borgerpuls.Features.Home;
using Borgerpuls.Features.Health;
using Borgerpuls.Features.DeviceHealth;
using Borgerpuls.Features.FollowUp;
using Borgerpuls.Features.Ingest;
using Borgerpuls.Features.Results;
using Borgerpuls.Features.Comments;
using Borgerpuls.Features.Export;
using Borgerpuls.Features.Invitations;
using Borgerpuls.Features.Insights;
using Borgerpuls.Features.Reports;
using Borgerpuls.Features.Dashboard;
using Borgerpuls.Features.Paper;
using Borgerpuls.Features.Tablet;
using Borgerpuls.Features.Transparency;
using Borgerpuls.Features.Import;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Input;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace Borgerpuls;

/// <summary>Composition of the web app: services, middleware and the explicit endpoint maps.</summary>
internal static class WebApp
{
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        // Started from anywhere (a service, a test, a script): serve the static files that came with the build.
        var here = Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = here ? null : AppContext.BaseDirectory });
        var target = DatabaseSetup.Resolve(builder.Configuration["db"] ?? builder.Configuration["Database"]);

        if (builder.Configuration.GetValue("Logging:Json", false))
        {
            // One JSON object per line for the municipality's log collector.
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
        }
        builder.Services.AddBorgerpulsDb(target);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddBorgerpulsSecurity(builder.Configuration);
        builder.Services.AddKeyRing();
        builder.Services.AddWebHardening(builder.Configuration);
        builder.Services.AddIngest();
        builder.Services.AddScoped<Features.Questionnaires.DraftStore>();
        builder.Services.AddDeviceStatus(builder.Configuration);
        builder.Services.AddAnonymity(builder.Configuration);
        builder.Services.AddHostedService<Data.Aggregates.AggregateWarmUp>();
        builder.Services.AddHostedService<Security.Redaction.StoredContentUpgrade>();
        builder.Services.AddComments(builder.Configuration);
        builder.Services.AddTransparency(builder.Configuration);
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddMemoryCache();
        builder.Services.AddBorgerpulsMetrics(builder.Configuration);
        builder.Services.AddSingleton<Features.FollowUp.OpenRequestCount>();
        builder.Services.AddScoped<Features.Import.WizardUploadStore>();
        builder.Services.Configure<Features.Retention.RetentionOptions>(builder.Configuration.GetSection("Retention"));
        if (builder.Configuration.GetValue("Retention:Enabled", true))
        {
            builder.Services.AddHostedService<Features.Retention.RetentionJob>();
        }
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1");
        builder.Services.AddBorgerpulsHealthChecks();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddBorgerpulsLocalization();
        // Danish letters as themselves in HTML, not as numeric entities.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.ConfigureFilter(new InputTextPageFilter());
        }).AddViewLocalization();

        var app = builder.Build();
        app.Services.CheckAnonymitySettings();
        TrustedProxies.Parse(app.Configuration["Proxy:Trusted"]);

        await DatabaseStartup.InitialiseAsync(app.Services, app.Configuration, app.Logger);
        await StaffBootstrap.RunAsync(app.Services, app.Configuration, app.Logger, Features.Invitations.InvitationLink.Origin(app.Configuration));

        app.UseWebHardening();
        // Before the error pages, so that a re-executed error page keeps the language of the request that failed.
        app.UseRequestLocalization(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLocalizationOptions>>().Value);
        // People get a page in their language; API clients keep RFC 7807 problem+json.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = DatabaseUnavailableHandler.StatusFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(http => !IsApi(http), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = DatabaseUnavailableHandler.StatusFor });
            pages.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        });
        app.UseStaticFiles();
        app.UseRouting();
        // Rate limits after authentication: they are partitioned by the verified device, not by whatever header was sent.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseSignedInApiAntiforgery();
        app.UseInputTextGuard();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealth();
        app.MapBorgerpulsMetrics();
        app.MapIngest();
        app.MapDevices();
        app.MapResults();
        app.MapBenchmark();
        app.MapComments();
        app.MapExport();
        app.MapReports();
        app.MapInvitations();
        app.MapInsights();
        app.MapDashboard();
        app.MapTablet();
        app.MapFollowUp();
        app.MapPaper();
        app.MapImports();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");
}
