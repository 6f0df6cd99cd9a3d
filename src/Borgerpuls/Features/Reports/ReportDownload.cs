using System.Globalization;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Borgerpuls.Features.Reports;

/// <summary>The committee report as a download, for the API and the dashboard's "Hent udvalgsrapport" alike: built for the
/// signed-in viewer (scope, suppression and the differencing guard's ledger), written in the reader's language, audited once
/// it is certain to be sent.</summary>
public static class ReportDownload
{
    /// <summary>Throws <see cref="Results.ResultsException"/> for a selection the query refuses. The caller runs the
    /// differencing guard on the viewer's ledger before sending.</summary>
    public static async Task<FileContentHttpResult> CreateAsync(HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, ThemeLexicon lexicon,
        AuditLog audit, TimeProvider clock, ReportRequest request, ReportFormat format, Viewer viewer, CancellationToken ct)
    {
        var data = await ReportBuilder.BuildAsync(db, databases, request, viewer, lexicon, clock, ct);
        var bytes = ReportFormats.Write(data, format, new ReportText(CultureInfo.CurrentUICulture));
        var r = request.Results;
        var where = string.Join(" ", r.Where.Select(w => $"{Results.ResultsRequest.Name(w.Key)}={w.Value}"));
        await http.AuditShownAsync(audit, AuditActions.ReportDownload, $"{r.Instrument} {ReportFormats.Extension(format)} by {r.By} {where} {Day(r.From)}–{Day(r.To)}", ct);
        if (format == ReportFormat.Html)
        {
            // The page carries its own stylesheet; allow exactly that one by hash, nothing else inline.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src " + ReportStylesheet.CspSource + "; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            return TypedResults.File(bytes, ReportFormats.ContentType(format));
        }
        return TypedResults.File(bytes, ReportFormats.ContentType(format), $"udvalgsrapport-{r.Instrument}.{ReportFormats.Extension(format)}");
    }

    // ISO dates in the audit log, whatever the reader's language.
    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
