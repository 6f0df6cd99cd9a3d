using Borgerpuls.Analysis;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Borgerpuls.Features.Comments;

internal static class CommentsApi
{
    public static IServiceCollection AddComments(this IServiceCollection services, IConfiguration configuration)
    {
        // The preset lexicon, extended or overridden by the municipality's own themes in configuration (section Themes).
        // At start it is stored in the database (StoredThemeLexicon), re-deriving the stored themes when it changed.
        var configured = configuration.GetSection("Themes").Get<List<ThemeDefinition>>() ?? [];
        var themes = ThemePresets.All.Where(p => configured.All(c => c.Key != p.Key)).Concat(configured).ToList();
        services.AddSingleton(new ThemeLexicon(themes));
        return services;
    }

    public static IEndpointRouteBuilder MapComments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/comments").WithTags("Comments");
        group.MapGet("/themes", ThemesAsync).RequireAuthorization(Policies.Aggregates).WithDisclosureGuard().WithSummary("Comment themes with counts, shares and quotes for a segment");
        group.MapPost("/{id:guid}/hide", (Guid id, HttpContext http, BorgerpulsDb db, AuditLog audit, CancellationToken ct) => SetHiddenAsync(id, true, http, db, audit, ct))
            .RequireAuthorization(Policies.Staff).WithSummary("Hide an abusive or irrelevant comment (kept, audited, reversible)");
        group.MapPost("/{id:guid}/unhide", (Guid id, HttpContext http, BorgerpulsDb db, AuditLog audit, CancellationToken ct) => SetHiddenAsync(id, false, http, db, audit, ct))
            .RequireAuthorization(Policies.Staff).WithSummary("Show a hidden comment again");
        return app;
    }

    private static async Task<Results<Ok<CommentThemesReport>, ValidationProblem>> ThemesAsync(
        HttpContext http, BorgerpulsDb db, BorgerpulsDbFactory databases, AnonymityOptions anonymity, ThemeLexicon lexicon, AuditLog audit,
        string instrument, DateOnly? from, DateOnly? to, string[]? where, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        try
        {
            var request = ResultsApi.Parse(instrument, null, null, from, to, where);
            var report = await CommentThemesQuery.RunAsync(db, databases, request, Viewer.For(http), lexicon, anonymity.K,
                anonymity.KComments, ct);
            if (report.QuotesShown)
            {
                await http.AuditShownAsync(audit, AuditActions.CommentsView, $"{instrument} {string.Join(" ", where ?? [])} {from}–{to}", ct);
            }
            return TypedResults.Ok(report);
        }
        catch (ResultsException e)
        {
            return ResultsApi.Problem(e, t);
        }
    }

    private static async Task<Results<NoContent, NotFound>> SetHiddenAsync(Guid id, bool hidden, HttpContext http, BorgerpulsDb db, AuditLog audit, CancellationToken ct)
    {
        var viewer = Viewer.From(http.User);
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.PublicId == id, ct);
        var centre = comment is null ? null : await db.JobCentres.Where(j => j.Id == comment.JobCentreId).Select(j => j.Key).SingleAsync(ct);
        // Outside the manager's centres the comment does not exist for them.
        if (comment is null || !viewer.SeesCentre(centre!))
        {
            return TypedResults.NotFound();
        }
        if (comment.Hidden != hidden)
        {
            // The theme cells count visible comments only: they change with the flag, in the same transaction.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await MaintenanceLock.SharedAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), ct);
            comment.Hidden = hidden;
            await db.SaveChangesAsync(ct);
            var counts = new ThemeCounts();
            counts.Add(comment, hidden ? -1 : 1);
            await ThemeCellWriter.WriteAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), counts, ct);
            await tx.CommitAsync(ct);
        }
        await audit.WriteAsync(hidden ? AuditActions.CommentHide : AuditActions.CommentUnhide, $"comment {id}", ct: ct);
        return TypedResults.NoContent();
    }
}
