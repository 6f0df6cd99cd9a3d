using Borgerpuls.Data;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Borgerpuls.Features.Results;

internal static class ResultsApi
{
    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").RequireAuthorization(Policies.Aggregates).WithTags("Results").WithDisclosureGuard();
        group.MapGet("/results", GetResultsAsync).WithSummary("Shares, means, intervals, averages and targets per group (SPEC §6)");
        group.MapGet("/priority-map", GetPriorityMapAsync).WithSummary("Satisfaction and derived importance per question, with quadrants");
        group.MapGet("/compare", GetCompareAsync).WithSummary("Two groups or periods per question, with the significance of the difference");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> GetResultsAsync(
        HttpContext http, BorgerpulsDb db, DatabaseSetup.Target target, AnonymityOptions anonymity, string instrument,
        string? by, string? period, DateOnly? from, DateOnly? to, string[]? where, string? format, CancellationToken ct)
    {
        try
        {
            var request = Parse(instrument, by, period, from, to, where);
            var report = await ResultsQuery.RunAsync(db, target, request, Viewer.For(http), anonymity.K, ct);
            return format?.ToLowerInvariant() switch
            {
                "csv" => TypedResults.Content("\uFEFF" + ResultsFormat.ToCsv(report, ';'), "text/csv; charset=utf-8"),
                _ => TypedResults.Content(ResultsFormat.ToJson(report), "application/json; charset=utf-8"),
            };
        }
        catch (ResultsException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [e.Message] });
        }
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> GetPriorityMapAsync(
        HttpContext http, BorgerpulsDb db, DatabaseSetup.Target target, AnonymityOptions anonymity, string instrument,
        DateOnly? from, DateOnly? to, string[]? where, CancellationToken ct)
    {
        try
        {
            var request = Parse(instrument, null, null, from, to, where);
            var report = await PriorityMapQuery.RunAsync(db, target, request, Viewer.For(http), anonymity.K, ct);
            return TypedResults.Content(ResultsFormat.ToJson(report), "application/json; charset=utf-8");
        }
        catch (ResultsException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [e.Message] });
        }
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> GetCompareAsync(
        HttpContext http, BorgerpulsDb db, DatabaseSetup.Target target, AnonymityOptions anonymity, string instrument, string by, string a, string b,
        string? period, DateOnly? from, DateOnly? to, string[]? where, CancellationToken ct)
    {
        try
        {
            var request = Parse(instrument, by, period, from, to, where);
            var report = await CompareQuery.RunAsync(db, target, request, a, b, Viewer.For(http), anonymity.K, ct);
            return TypedResults.Content(ResultsFormat.ToJson(report), "application/json; charset=utf-8");
        }
        catch (ResultsException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [e.Message] });
        }
    }

    /// <summary>Shared by the API and the command line: <c>where</c> items are <c>dimension=key</c>.</summary>
    public static ResultsRequest Parse(string instrument, string? by, string? period, DateOnly? from, DateOnly? to, IEnumerable<string>? where)
    {
        var filters = new Dictionary<Dimension, string>();
        foreach (var item in where ?? [])
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new ResultsException($"'{item}' is not a filter; write dimension=key, e.g. targetGroupSet=udsatte.");
            }
            filters[ResultsRequest.ParseDimension(parts[0])] = parts[1];
        }
        if (from is { } f && to is { } t && t < f)
        {
            throw new ResultsException("--to is before --from.");
        }
        return new ResultsRequest(instrument)
        {
            By = by is null ? null : ResultsRequest.ParseDimension(by),
            Period = period?.ToLowerInvariant() switch
            {
                null or "month" => PeriodGranularity.Month,
                "quarter" => PeriodGranularity.Quarter,
                "year" => PeriodGranularity.Year,
                _ => throw new ResultsException($"Unknown period '{period}'; use month, quarter or year."),
            },
            From = from,
            To = to,
            Where = filters,
        };
    }
}
