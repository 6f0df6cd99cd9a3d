using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Comments;

public sealed record ThemeCount(string Key, string Name, int Count, double Share, IReadOnlyList<Quote> Quotes);

/// <param name="Id">The comment's public id (random), for hiding it; never the stored row's counter.</param>
public sealed record Quote(Guid Id, string Text, string Month);

public sealed record CommentThemesReport(string Instrument, long? Respondents, int Comments, bool QuotesShown, string? QuotesHiddenReason, IReadOnlyList<ThemeCount> Themes);

/// <summary>Comment themes per segment (SPEC §5): count and share of the segment's comments per theme, and the quotes behind
/// them. Counts come from the theme cells kept at write time, so their cost does not grow with the comments stored. Theme
/// counts follow the anonymity threshold k; quotes are shown to managers only for segments of at least kComments
/// respondents, to committee members never, to analysts always.</summary>
public static class CommentThemesQuery
{
    public const int QuotesPerTheme = 5;
    private const int QuotePage = 500;
    private const int QuoteScanLimit = 5_000;

    public static async Task<CommentThemesReport> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, Viewer viewer, ThemeLexicon lexicon,
        int k, int kComments, CancellationToken ct)
    {
        var results = await ResultsQuery.FiguresAsync(db, databases, request with { By = null }, viewer, k, ct);
        var segment = results.Groups.Single();
        if (segment.Suppressed)
        {
            return new CommentThemesReport(request.Instrument, null, 0, false, HiddenBecause.Text(null, k, CultureInfo.CurrentUICulture), []);
        }
        var index = await databases.Catalog.OrganisationAsync(ct);
        var instrumentId = await db.Instruments.Where(i => i.Key == request.Instrument).Select(i => i.Id).SingleAsync(ct);
        var scope = CommentScope.Of(request, viewer, index);
        var cells = await scope.Apply(db.ThemeCells.AsNoTracking().Where(c => c.InstrumentId == instrumentId))
            .GroupBy(c => c.Theme).Select(g => new { Theme = g.Key, Comments = g.Sum(c => c.Comments) }).ToListAsync(ct);
        var counted = cells.ToDictionary(c => c.Theme, c => (int)c.Comments, StringComparer.Ordinal);
        var total = counted.GetValueOrDefault("");

        var (showQuotes, reason) = viewer.Role switch
        {
            Roles.Committee => (false, SharedTexts.Get("Comments.Quotes.CommitteeOnlyTotals", CultureInfo.CurrentUICulture)),
            _ when viewer.IsAnalystOrAdmin => (true, (string?)null),
            _ when segment.Respondents < kComments => (false, SharedTexts.Current("Comments.Quotes.TooFew", kComments)),
            _ => (true, null),
        };
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var quotes = showQuotes
            ? await QuotesAsync(scope.Apply(db.Comments.AsNoTracking().Where(c => c.InstrumentId == instrumentId && !c.Hidden)), lexicon, counted, ct)
            : [];
        var themes = lexicon.Themes.Select(t =>
        {
            var found = counted.GetValueOrDefault(t.Key);
            // Theme counts are aggregates of comments: below k they are withheld from roles below analyst.
            var count = found >= k || viewer.IsAnalystOrAdmin ? found : 0;
            return new ThemeCount(t.Key, language == "en" ? t.NameEn : t.NameDa, count, total == 0 ? 0 : (double)count / total,
                quotes.GetValueOrDefault(t.Key) ?? []);
        }).ToList();
        return new CommentThemesReport(request.Instrument, segment.Respondents, total, showQuotes, reason, themes);
    }

    /// <summary>The latest quotes per theme from the stored themes, reading the segment's newest comments page by page until
    /// every theme that has comments has its quotes, or <see cref="QuoteScanLimit"/> comments were read: bounded work however
    /// many comments are stored; a theme whose newest comment lies further back gets no quotes.</summary>
    private static async Task<Dictionary<string, List<Quote>>> QuotesAsync(IQueryable<Comment> comments, ThemeLexicon lexicon, Dictionary<string, int> counted,
        CancellationToken ct)
    {
        var quotes = new Dictionary<string, List<Quote>>(StringComparer.Ordinal);
        var wanted = lexicon.Themes.Count(t => counted.GetValueOrDefault(t.Key) > 0);
        var full = 0;
        for (var skip = 0; full < wanted && skip < QuoteScanLimit; skip += QuotePage)
        {
            // Within an hour by the random public id, not by the stored order: the order in which citizens wrote must not
            // show below the hour that is kept.
            var page = await comments.OrderByDescending(c => c.SubmittedHour).ThenBy(c => c.PublicId).Skip(skip).Take(QuotePage)
                .Select(c => new { c.PublicId, c.Text, c.SubmittedHour, c.Themes }).ToListAsync(ct);
            foreach (var c in page)
            {
                foreach (var theme in c.Themes)
                {
                    if (!quotes.TryGetValue(theme, out var list))
                    {
                        quotes[theme] = list = [];
                    }
                    if (list.Count < QuotesPerTheme)
                    {
                        list.Add(new Quote(c.PublicId, c.Text, c.SubmittedHour.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
                        full += list.Count == QuotesPerTheme ? 1 : 0;
                    }
                }
            }
            if (page.Count < QuotePage)
            {
                break;
            }
        }
        return quotes;
    }
}
