using System.Text.Json;
using Borgerpuls.Analysis;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Insights;

/// <summary>Qualitative input (kvalitativt input): record what citizens said in a focus group, panel, borgerforetræde or
/// interview, and check it against the broader picture in the data — as Ballerup does, so that a single statement is neither
/// dismissed nor taken for the whole truth.</summary>
internal static class InsightsApi
{
    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/insights").RequireAuthorization(Policies.Staff).WithTags("Insights");
        group.MapPost("", CreateInsight.HandleAsync).WithSummary("Record an insight (themes, quotes redacted before storage)");
        group.MapGet("", ListAsync).WithSummary("Insights of the centres the caller may see, newest first");
        group.MapGet("/{id:int}/evidence", EvidenceAsync).WithDisclosureGuard().WithSummary("An insight's themes against the comments and linked questions of its segment");
        return app;
    }

    private static async Task<Ok<List<InsightView>>> ListAsync(HttpContext http, BorgerpulsDb db, CancellationToken ct)
    {
        var viewer = Viewer.From(http.User);
        var index = await OrganisationIndex.LoadAsync(db, ct);
        var insights = await db.Insights.AsNoTracking().OrderByDescending(i => i.Date).ThenByDescending(i => i.Id).ToListAsync(ct);
        return TypedResults.Ok(insights.Where(i => Visible(i, viewer, index)).Select(i => View(i, index)).ToList());
    }

    private static async Task<Results<Ok<InsightEvidence>, NotFound, ValidationProblem>> EvidenceAsync(
        int id, string instrument, DateOnly? from, DateOnly? to, HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases,
        AnonymityOptions anonymity, ThemeLexicon lexicon, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var viewer = Viewer.For(http);
        var insight = await db.Insights.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        // Outside the manager's centres the insight does not exist for them.
        var index = await OrganisationIndex.LoadAsync(db, ct);
        if (insight is null || !Visible(insight, viewer, index))
        {
            return TypedResults.NotFound();
        }
        try
        {
            return TypedResults.Ok(await InsightEvidenceQuery.RunAsync(db, databases, index, insight, instrument, from, to, viewer, lexicon,
                anonymity.K, anonymity.KComments, ct));
        }
        catch (ResultsException e)
        {
            return ResultsApi.Problem(e, t);
        }
    }

    /// <summary>A manager sees the insights of their own centres; the others see all.</summary>
    public static bool Visible(Insight insight, Viewer viewer, OrganisationIndex index) =>
        viewer.SeesAll || (insight.JobCentreId is { } centre && viewer.SeesCentre(index.JobCentres[centre].Key));

    private static InsightView View(Insight i, OrganisationIndex index) => new(i.Id, i.Date, JsonNamingPolicy.CamelCase.ConvertName(i.Source.ToString()),
        i.JobCentreId is { } c ? index.JobCentres[c].Key : null, i.TargetGroupId is { } g ? index.TargetGroups[g].Key : null,
        i.Title, i.Summary, i.Themes, i.Quotes);
}
