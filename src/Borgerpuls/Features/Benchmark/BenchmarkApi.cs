using Borgerpuls.Data;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Benchmark;

internal static class BenchmarkApi
{
    public static IEndpointRouteBuilder MapBenchmark(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireAuthorization(Policies.Aggregates).WithTags("Benchmark").WithDisclosureGuard()
            .MapGet("/benchmark", GetAsync)
            .WithSummary("Per question the own municipality beside the unweighted average of at least three other opted-in municipalities");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> GetAsync(HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases,
        AnonymityOptions anonymity, string instrument, DateOnly? from, DateOnly? to, string? municipality, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        try
        {
            var report = await BenchmarkQuery.RunAsync(db, databases, new BenchmarkRequest(instrument, from, to, municipality), Viewer.For(http), anonymity.K, ct);
            return TypedResults.Content(ResultsFormat.ToJson(ToJson(report, t)), "application/json; charset=utf-8");
        }
        catch (ResultsException e)
        {
            return ResultsApi.Problem(e, t);
        }
    }

    /// <summary>The report as the API writes it: refusals as a code and a sentence in the request's language; the others only
    /// as an average and a count.</summary>
    private static object ToJson(BenchmarkReport report, IStringLocalizer t) => new
    {
        report.Instrument,
        report.Period,
        report.K,
        Municipality = report.MunicipalityKey,
        Refused = Refusal(report.Refused, t),
        Questions = report.Questions.Select(q => new
        {
            q.Key,
            Own = q.Own is { } own ? new { Base = q.Base, own.PositiveShare, own.Mean } : null,
            Others = q.Others is { } others ? new { Municipalities = q.Contributing, others.PositiveShare, others.Mean } : null,
            Refused = Refusal(q.Refused, t),
        }),
    };

    private static object? Refusal(BenchmarkRefusal? refusal, IStringLocalizer t) =>
        refusal is { } r ? new { Code = r.ToString(), Text = t[BenchmarkQuery.ReasonKey(r)].Value } : null;
}
