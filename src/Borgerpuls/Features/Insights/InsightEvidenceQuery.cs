using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Comments;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Insights;

/// <summary>Puts an insight next to the figures (SPEC §5): per theme, the share of comments with it in the insight's segment and
/// overall, and the linked questions' shares in the segment against the rest, with the same tests as any comparison. Every
/// figure comes from the results and comment queries, so the anonymity threshold and the viewer's scope apply unchanged.</summary>
internal static class InsightEvidenceQuery
{
    /// <param name="index">The organisation as the caller loaded it to decide that the insight is visible.</param>
    public static async Task<InsightEvidence> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, OrganisationIndex index, Insight insight, string instrument,
        DateOnly? from, DateOnly? to, Viewer viewer, ThemeLexicon lexicon, int k, int kComments, CancellationToken ct)
    {
        var segment = new Dictionary<Dimension, string>();
        if (insight.JobCentreId is { } centre) segment[Dimension.JobCentre] = index.JobCentres[centre].Key;
        if (insight.TargetGroupId is { } group) segment[Dimension.TargetGroup] = index.TargetGroups[group].Key;
        var last = to ?? insight.Date;
        var first = from ?? new DateOnly(last.Year, last.Month, 1).AddMonths(-11);
        var reference = new ResultsRequest(instrument) { From = first, To = last };
        var inSegment = reference with { Where = segment };

        var segmentResults = (await ResultsQuery.FiguresAsync(db, databases, inSegment, viewer, k, ct)).Groups.Single();
        var referenceResults = (await ResultsQuery.FiguresAsync(db, databases, reference, viewer, k, ct)).Groups.Single();
        var segmentThemes = await CommentThemesQuery.RunAsync(db, databases, inSegment, viewer, lexicon, k, kComments, ct);
        var referenceThemes = await CommentThemesQuery.RunAsync(db, databases, reference, viewer, lexicon, k, kComments, ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

        var themes = new List<ThemeEvidence>();
        foreach (var key in insight.Themes)
        {
            var definition = lexicon.Themes.FirstOrDefault(t => t.Key == key);
            var linked = (definition?.Questions ?? []).ToHashSet(StringComparer.Ordinal);
            var questions = segmentResults.Questions.Where(q => linked.Contains(q.Key))
                .Select(q => Compare(q, referenceResults.Questions.Single(r => r.Key == q.Key), k)).ToList();
            themes.Add(new ThemeEvidence(key, definition is null ? key : english ? definition.NameEn : definition.NameDa,
                Share(segmentThemes, key), Share(referenceThemes, key), questions, Verdict(questions)));
        }
        return new InsightEvidence(insight.Id, insight.Title, instrument,
            new PeriodInfo(first.ToString("yyyy-MM-01", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            segment.ToDictionary(s => ResultsRequest.Name(s.Key), s => s.Value), segmentResults.Respondents, themes);
    }

    private static double? Share(CommentThemesReport report, string theme) =>
        report.Respondents is null || report.Comments == 0 ? null : report.Themes.FirstOrDefault(t => t.Key == theme)?.Share;

    private static QuestionEvidence Compare(QuestionResult segment, QuestionResult reference, int k)
    {
        if (segment.Suppressed || reference.Suppressed)
        {
            return new QuestionEvidence(segment.Key, null, null, null, reference.Positive, reference.Negative, null, null, null, null, segment.Suppressed);
        }
        var segmentNegative = Count(segment.Negative, segment.Base);
        var restBase = reference.Base!.Value - segment.Base!.Value;
        var restNegative = Count(reference.Negative, reference.Base) - segmentNegative;
        // The rest is never shown; it is only tested, and only when it is itself at least k answers.
        if (restBase < k || segment.Base == 0)
        {
            return new QuestionEvidence(segment.Key, segment.Base, segment.Positive, segment.Negative, reference.Positive, reference.Negative, null, null, null, null, false);
        }
        var test = Comparison.Proportions(segmentNegative, segment.Base.Value, restNegative, restBase);
        return new QuestionEvidence(segment.Key, segment.Base, segment.Positive, segment.Negative, reference.Positive, reference.Negative,
            test.Difference, test.Test == ComparisonTest.FisherExact ? "fisher" : "z", test.PValue, test.Significant, false);
    }

    // Shares are exact fractions of the base, so the count comes back exactly.
    private static long Count(double? share, long? total) => (long)Math.Round((share ?? 0) * (total ?? 0));

    private static string Verdict(IReadOnlyList<QuestionEvidence> questions)
    {
        var tested = questions.Where(q => q.Significant is not null).ToList();
        if (tested.Count == 0) return "no-data";
        if (tested.Any(q => q.Significant == true && q.NegativeDifference > 0)) return "supported";
        if (tested.Any(q => q.Significant == true && q.NegativeDifference < 0)) return "contradicted";
        return "not-significant";
    }
}
