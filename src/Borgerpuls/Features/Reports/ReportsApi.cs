using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Http.HttpResults;

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
        HttpContext http, BorgerpulsDb db, DatabaseSetup.Target target, AnonymityOptions anonymity, ThemeLexicon lexicon, AuditLog audit, TimeProvider clock,
        string instrument, string? format, string? by, string? period, DateOnly? from, DateOnly? to, string[]? where, CancellationToken ct)
    {
        if (ReportFormats.Parse(format ?? "html") is not { } chosen)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"Unknown format '{format}'; use docx, xlsx or html."] });
        }
        try
        {
            var request = new ReportRequest(ResultsApi.Parse(instrument, by ?? "targetGroupSet", null, from, to, where), anonymity.K,
                anonymity.KComments)
            {
                TrendPeriod = ReportRequest.ParsePeriod(period),
            };
            var data = await ReportBuilder.BuildAsync(db, target, request, Viewer.For(http), lexicon, clock, ct);
            var bytes = ReportFormats.Write(data, chosen, new ReportText(CultureInfo.CurrentUICulture));
            await http.AuditShownAsync(audit, AuditActions.ReportDownload, $"{instrument} {ReportFormats.Extension(chosen)} by {request.Results.By} {string.Join(" ", where ?? [])} {from}–{to}", ct);
            if (chosen == ReportFormat.Html)
            {
                // The page carries its own stylesheet; allow exactly that one by hash, nothing else inline.
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src " + ReportStylesheet.CspSource + "; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
                return TypedResults.File(bytes, ReportFormats.ContentType(chosen));
            }
            return TypedResults.File(bytes, ReportFormats.ContentType(chosen), $"udvalgsrapport-{instrument}.{ReportFormats.Extension(chosen)}");
        }
        catch (ResultsException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [e.Message] });
        }
    }
}
