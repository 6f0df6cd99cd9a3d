using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Export;

internal static class ExportApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/export").WithTags("Export");
        group.MapGet("/responses", ResponsesAsync).RequireAuthorization(Policies.Analyst)
            .WithSummary("Anonymised respondent-level data as CSV or XLSX (analysts and admins; audited)");
        group.MapGet("/results", ResultsAsync).RequireAuthorization(Policies.Aggregates).WithDisclosureGuard()
            .WithSummary("The results table as CSV or XLSX, with the same suppression as the results API");
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> ResponsesAsync(
        BorgerpulsDb db, AuditLog audit, AnonymityOptions anonymity, string instrument, DateOnly? from, DateOnly? to, string[]? where,
        string? format, string? delimiter, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        // Refused before anything is read or audited.
        if (Format(format) is not { } chosen) return UnknownFormat(format!, t);
        try
        {
            var request = ResultsApi.Parse(instrument, null, null, from, to, where);
            var rows = await RespondentExport.OpenAsync(db, request, anonymity.K, ct);
            if (chosen == "xlsx" && rows.Count >= TableWriter.SpreadsheetRows)
            {
                throw new ResultsException("Results.Error.TooManyRowsForSpreadsheet", rows.Count, TableWriter.SpreadsheetRows - 1);
            }
            await audit.WriteAsync(AuditActions.ExportResponses, $"{instrument} {string.Join(" ", where ?? [])} {from}–{to}: {rows.Count} rows ({chosen})", ct: ct);
            // Written as it is read: a national export is millions of rows.
            return Write(chosen, $"borgerpuls-{instrument}-besvarelser", rows.Header, rows.Values, delimiter, ct);
        }
        catch (ResultsException e)
        {
            return ResultsApi.Problem(e, t);
        }
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> ResultsAsync(
        HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AuditLog audit, AnonymityOptions anonymity, string instrument, string? by, string? by2, string? period,
        DateOnly? from, DateOnly? to, string[]? where, string? format, string? delimiter, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (Format(format) is not { } chosen) return UnknownFormat(format!, t);
        try
        {
            var request = ResultsApi.Parse(instrument, by, period, from, to, where, by2);
            var report = await ResultsQuery.RunAsync(db, databases, request, Viewer.For(http), anonymity.K, ct);
            await http.AuditShownAsync(audit, AuditActions.ExportResults, $"{instrument} by {by}{(by2 is null ? "" : $" × {by2}")} {string.Join(" ", where ?? [])}", ct);
            var table = ResultsTable(report);
            return Write(chosen, $"borgerpuls-{instrument}-resultater", table.Header, table.Rows.ToAsyncEnumerable(), delimiter, ct);
        }
        catch (ResultsException e)
        {
            return ResultsApi.Problem(e, t);
        }
    }

    public static Table ResultsTable(ResultsReport report)
    {
        static string? N(double? v) => v?.ToString("0.####", CultureInfo.InvariantCulture);
        // A two-way table's rows carry both keys first, so that it can be pivoted without parsing labels.
        string?[] Keys(GroupResult g) => report.By2 is { } by2 ? [g.Key.GetValueOrDefault(report.By!), g.Key.GetValueOrDefault(by2)] : [];
        var rows = report.Groups.SelectMany(g => g.Questions.Select(q => (IReadOnlyList<string?>)
        [
            .. Keys(g), g.Label, q.Key, q.Suppressed ? HiddenBecause.Text(q.SuppressedReason, report.K, CultureInfo.CurrentUICulture) : q.Base?.ToString(CultureInfo.InvariantCulture),
            N(q.Positive), N(q.Neutral), N(q.Negative), q.Excluded?.ToString(CultureInfo.InvariantCulture), N(q.Mean), N(q.PositiveCi?[0]), N(q.PositiveCi?[1]),
        ])).ToList();
        return new Table([.. report.By2 is { } second ? new[] { report.By!, second } : [], "group", "question", "base", "positive", "neutral", "negative", "excluded", "mean", "positive_ci_low", "positive_ci_high"], rows);
    }

    /// <summary>csv (the default) or xlsx; null for any other format.</summary>
    private static string? Format(string? format) => format?.ToLowerInvariant() switch
    {
        null or "csv" => "csv",
        "xlsx" => "xlsx",
        _ => null,
    };

    private static PushStreamHttpResult Write(string format, string name, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows, string? delimiter,
        CancellationToken ct) => format == "xlsx"
        ? TypedResults.Stream(body => TableWriter.XlsxAsync(body, "Borgerpuls", header, rows, ct), XlsxType, name + ".xlsx")
        : TypedResults.Stream(body => TableWriter.CsvAsync(body, header, rows, delimiter == "," ? ',' : ';', ct), "text/csv; charset=utf-8", name + ".csv");

    private static ValidationProblem UnknownFormat(string format, IStringLocalizer<SharedResource> t) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [t["Export.Error.UnknownFormat", format]] });
}
