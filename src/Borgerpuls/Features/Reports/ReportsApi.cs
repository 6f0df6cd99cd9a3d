using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Reports;

internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireAuthorization(Policies.Aggregates).WithTags("Reports").WithDisclosureGuard()
            .MapGet("/reports", GetReportAsync)
            .WithSummary("The committee report (udvalgsrapport) as docx, xlsx or a print-ready html page; audited");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetReportAsync(
        HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, ThemeLexicon lexicon, AuditLog audit, TimeProvider clock,
        string instrument, string? format, string? by, string? period, DateOnly? from, DateOnly? to, string[]? where, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ReportFormats.Parse(format ?? "html") is not { } chosen)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [t["Report.Error.UnknownFormat", format ?? ""]] });
        }
        try
        {
            var request = new ReportRequest(ResultsApi.Parse(instrument, by ?? "targetGroupSet", null, from, to, where), anonymity.K,
                anonymity.KComments)
            {
                TrendPeriod = ReportRequest.ParsePeriod(period),
            };
            return await ReportDownload.CreateAsync(http, db, databases, lexicon, audit, clock, request, chosen, Viewer.For(http), ct);
        }
        catch (ResultsException e)
        {
            return ResultsApi.Problem(e, t);
        }
    }
}
