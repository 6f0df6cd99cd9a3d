using Borgerpuls.Data;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

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
        HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, string instrument,
        string? by, string? by2, string? period, DateOnly? from, DateOnly? to, string[]? where, string? format, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        try
        {
            var request = Parse(instrument, by, period, from, to, where, by2);
            var report = await ResultsQuery.RunAsync(db, databases, request, Viewer.For(http), anonymity.K, ct);
            return format?.ToLowerInvariant() switch
            {
                "csv" => TypedResults.Content("\uFEFF" + ResultsFormat.ToCsv(report, ';'), "text/csv; charset=utf-8"),
                _ => TypedResults.Content(ResultsFormat.ToJson(report), "application/json; charset=utf-8"),
            };
        }
        catch (ResultsException e)
        {
            return Problem(e, t);
        }
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> GetPriorityMapAsync(
        HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, string instrument,
        DateOnly? from, DateOnly? to, string[]? where, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        try
        {
            var request = Parse(instrument, null, null, from, to, where);
            var report = await PriorityMapQuery.RunAsync(db, databases, request, Viewer.For(http), anonymity.K, ct);
            return TypedResults.Content(ResultsFormat.ToJson(report), "application/json; charset=utf-8");
        }
        catch (ResultsException e)
        {
            return Problem(e, t);
        }
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> GetCompareAsync(
        HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, string instrument, string by, string a, string b,
        string? period, DateOnly? from, DateOnly? to, string[]? where, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        try
        {
            var request = Parse(instrument, by, period, from, to, where);
            var report = await CompareQuery.RunAsync(db, databases, request, a, b, Viewer.For(http), anonymity.K, ct);
            return TypedResults.Content(ResultsFormat.ToJson(report), "application/json; charset=utf-8");
        }
        catch (ResultsException e)
        {
            return Problem(e, t);
        }
    }

    /// <summary>A question the API cannot answer as asked, said in the request's language (Danish unless the client asks for
    /// another with <c>culture</c> or Accept-Language).</summary>
    public static ValidationProblem Problem(ResultsException e, IStringLocalizer t) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [e.Text(t)] });

    /// <summary>Shared by the API and the command line: <c>where</c> items are <c>dimension=key</c>; <paramref name="by2"/> makes
    /// the breakdown a two-way table.</summary>
    public static ResultsRequest Parse(string instrument, string? by, string? period, DateOnly? from, DateOnly? to, IEnumerable<string>? where, string? by2 = null)
    {
        string? background = null;
        Dimension Read(string text)
        {
            if (text.Contains(','))
            {
                throw new ResultsException("Results.Error.MoreThanOneDimension", text);
            }
            var dimension = ResultsRequest.ParseDimension(text, out var key);
            if (key is not null && background is not null && key != background)
            {
                throw new ResultsException("Results.Error.OneBackgroundVariable", background, key);
            }
            background ??= key;
            return dimension;
        }
        var filters = new Dictionary<Dimension, string>();
        foreach (var item in where ?? [])
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new ResultsException("Results.Error.NotAFilter", item);
            }
            filters[Read(parts[0])] = parts[1];
        }
        if (from is { } f && to is { } t && t < f)
        {
            throw new ResultsException("Results.Error.ToBeforeFrom");
        }
        var first = by is null ? (Dimension?)null : Read(by);
        var second = by2 is null ? (Dimension?)null : Read(by2);
        if (second is not null && first is null)
        {
            throw new ResultsException("Results.Error.By2WithoutBy");
        }
        if (second is not null && second == first)
        {
            throw new ResultsException("Results.Error.SameDimensionTwice", by);
        }
        return new ResultsRequest(instrument)
        {
            By = first,
            By2 = second,
            Background = background,
            Period = period?.ToLowerInvariant() switch
            {
                null or "month" => PeriodGranularity.Month,
                "quarter" => PeriodGranularity.Quarter,
                "year" => PeriodGranularity.Year,
                _ => throw new ResultsException("Results.Error.UnknownPeriod", period),
            },
            From = from,
            To = to,
            Where = filters,
        };
    }
}
