using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Comments;

public sealed record ThemeCount(string Key, string Name, int Count, double Share, IReadOnlyList<Quote> Quotes);

public sealed record Quote(long Id, string Text, string Month);

public sealed record CommentThemesReport(string Instrument, long? Respondents, int Comments, bool QuotesShown, string? QuotesHiddenReason, IReadOnlyList<ThemeCount> Themes);

/// <summary>Comment themes per segment (SPEC §5): count and share of the segment's comments per theme, and the quotes behind
/// them. Theme counts follow the anonymity threshold k; quotes are shown to managers only for segments of at least
/// kComments respondents, to committee members never, to analysts always.</summary>
public static class CommentThemesQuery
{
    public const int QuotesPerTheme = 5;

    public static async Task<CommentThemesReport> RunAsync(BorgerpulsDb db, DatabaseSetup.Target target, ResultsRequest request, Viewer viewer, ThemeLexicon lexicon,
        int k, int kComments, CancellationToken ct)
    {
        var results = await ResultsQuery.RunAsync(db, target, request with { By = null }, viewer, k, ct);
        var segment = results.Groups.Single();
        if (segment.Suppressed)
        {
            return new CommentThemesReport(request.Instrument, null, 0, false, $"færre end {k} svar", []);
        }
        var index = await OrganisationIndex.LoadAsync(db, ct);
        var instrumentId = await db.Instruments.Where(i => i.Key == request.Instrument).Select(i => i.Id).SingleAsync(ct);
        var query = db.Comments.AsNoTracking().Where(c => c.InstrumentId == instrumentId && !c.Hidden);
        if (request.From is { } from) { var f = new DateTime(from.Year, from.Month, 1, 0, 0, 0, DateTimeKind.Utc); query = query.Where(c => c.SubmittedHour >= f); }
        if (request.To is { } to) { var t = new DateTime(to.Year, to.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1); query = query.Where(c => c.SubmittedHour < t); }
        if (viewer.JobCentreKeys is { } allowed)
        {
            var ids = index.JobCentres.Where(j => allowed.Contains(j.Value.Key)).Select(j => j.Key).ToList();
            query = query.Where(c => ids.Contains(c.JobCentreId));
        }
        foreach (var (dimension, value) in request.Where)
        {
            query = dimension switch
            {
                Dimension.JobCentre => query.Where(c => c.JobCentreId == index.IdOf(index.JobCentres, value, "job centre")),
                Dimension.Site => query.Where(c => c.SiteId == index.IdOf(index.Sites, value, "site")),
                Dimension.Unit => query.Where(c => c.UnitId == index.IdOf(index.Units, value, "unit")),
                Dimension.TargetGroup => query.Where(c => c.TargetGroupId == index.TargetGroupId(value)),
                Dimension.TargetGroupSet => index.Sets.TryGetValue(value, out var set)
                    ? query.Where(c => c.TargetGroupId != null && set.Members.ToList().Contains(c.TargetGroupId.Value))
                    : throw new ResultsException($"Unknown target-group set '{value}'."),
                Dimension.Channel => Enum.TryParse<Channel>(value, true, out var channel) ? query.Where(c => c.Channel == channel) : throw new ResultsException($"Unknown channel '{value}'."),
                _ => throw new ResultsException($"Comments cannot be filtered by {ResultsRequest.Name(dimension)}."),
            };
        }
        var comments = await query.OrderByDescending(c => c.SubmittedHour).ThenByDescending(c => c.Id).Select(c => new { c.Id, c.Text, c.SubmittedHour }).ToListAsync(ct);

        var (showQuotes, reason) = viewer.Role switch
        {
            Roles.Committee => (false, "Udvalget ser kun samlede tal."),
            _ when viewer.IsAnalystOrAdmin => (true, (string?)null),
            _ when segment.Respondents < kComments => (false, $"Citater vises kun for udsnit med mindst {kComments} svar."),
            _ => (true, null),
        };
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var byTheme = lexicon.Themes.ToDictionary(t => t.Key, _ => new List<(long Id, string Text, DateTime Hour)>());
        foreach (var c in comments)
        {
            foreach (var theme in lexicon.Classify(c.Text))
            {
                byTheme[theme].Add((c.Id, c.Text, c.SubmittedHour));
            }
        }
        var themes = lexicon.Themes.Select(t =>
        {
            var hits = byTheme[t.Key];
            // Theme counts are aggregates of comments: below k they are withheld from roles below analyst.
            var count = hits.Count >= k || viewer.IsAnalystOrAdmin ? hits.Count : 0;
            return new ThemeCount(t.Key, language == "en" ? t.NameEn : t.NameDa, count, comments.Count == 0 ? 0 : (double)count / comments.Count,
                showQuotes ? hits.Take(QuotesPerTheme).Select(h => new Quote(h.Id, h.Text, h.Hour.ToString("yyyy-MM", CultureInfo.InvariantCulture))).ToList() : []);
        }).ToList();
        return new CommentThemesReport(request.Instrument, segment.Respondents, comments.Count, showQuotes, reason, themes);
    }
}
