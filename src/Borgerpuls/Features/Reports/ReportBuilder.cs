using System.Globalization;
using Borgerpuls.Analysis.Themes;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Comments;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Reports;

/// <summary>Builds the report's data from the same queries as the results API, so the viewer's scope, the anonymity
/// threshold and complementary suppression hold in the report exactly as everywhere else.</summary>
public static class ReportBuilder
{
    public static async Task<ReportData> BuildAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ReportRequest request, Viewer viewer,
        ThemeLexicon lexicon, TimeProvider clock, CancellationToken ct)
    {
        var results = request.Results;
        if (results.By == Dimension.Period)
        {
            throw new ResultsException("Results.Error.ReportByPeriod");
        }
        var groups = await ResultsQuery.FiguresAsync(db, databases, results with { By = results.By ?? Dimension.TargetGroupSet }, viewer, request.K, ct);
        var total = await ResultsQuery.RunAsync(db, databases, results with { By = null }, viewer, request.K, ct);
        var trend = await ResultsQuery.FiguresAsync(db, databases, results with { By = Dimension.Period, Period = request.TrendPeriod }, viewer, request.K, ct);
        var map = await PriorityMapQuery.RunAsync(db, databases, results with { By = null }, viewer, request.K, ct);

        CommentThemesReport? themes = null;
        string? unavailable = null;
        try
        {
            themes = await CommentThemesQuery.RunAsync(db, databases, results with { By = null }, viewer, lexicon, request.K, request.KComments, ct);
        }
        catch (ResultsException e)
        {
            // Comments carry fewer context fields than the aggregates (no meeting type, language or offer): say so, report the rest.
            unavailable = e.Text(CultureInfo.CurrentUICulture);
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var versionId = await db.InstrumentVersions.LatestPublished(results.Instrument).Select(v => v.Id).FirstAsync(ct);
        var instrument = await databases.Catalog.VersionAsync(versionId, ct);
        var questions = instrument.Questions.Select((q, i) => new ReportQuestion(q.Key, i + 1, q.Texts.In(language).Text,
            Labels(q, Polarity.Positive, language), Labels(q, Polarity.Negative, language), q.Type is QuestionType.Scale or QuestionType.YesNo)).ToList();

        var actions = await ActionEffects.InScopeAsync(db, databases, results, viewer, ct);
        var effects = await ActionEffects.ForAsync(db, databases, results, actions, viewer, request.K, ct);
        return new ReportData(request, instrument.Names.In(language).Text, questions, groups, total, trend, map, themes, unavailable,
            actions, effects, clock.GetUtcNow())
        {
            ServiceGoals = await ServiceGoals.ServiceGoalCompliance.ForReportAsync(db, results, viewer, clock, ct),
            Benchmark = await Benchmark.BenchmarkPanel.ForAsync(db, databases, instrument, results.From, results.To, results.Where.GetValueOrDefault(Dimension.JobCentre), viewer, request.K, ct),
            Mirror = await MirrorAsync(db, databases, request, viewer, ct),
        };
    }

    /// <summary>The mirror comparison for the report's months, job centre and target groups, when staff answered the mirror
    /// there; a report without staff answers, or narrowed to a site, team or channel that staff do not answer about, has none.</summary>
    private static async Task<Mirror.MirrorReport?> MirrorAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ReportRequest request, Viewer viewer, CancellationToken ct)
    {
        var results = request.Results;
        var mirror = await Mirror.MirrorComparison.RunAsync(db, databases, results.Instrument, results.From, results.To, results.Where, viewer, request.K, ct);
        return mirror is { StaffAnswered: true } ? mirror : null;
    }

    private static List<string> Labels(QuestionDefinition question, Polarity polarity, string language) =>
        question.Options.Where(o => o.Polarity == polarity).OrderByDescending(o => o.Value).Select(o => o.Labels.In(language).Text.ToLower(CultureInfo.GetCultureInfo("da"))).ToList();
}
