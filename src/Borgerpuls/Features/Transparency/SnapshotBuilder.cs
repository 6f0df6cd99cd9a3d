using System.Globalization;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;
using Borgerpuls.Features.Reports;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Transparency;

/// <summary>Computes a snapshot through the same results and target queries as the dashboard and the report, so the
/// anonymity threshold and complementary suppression are the same rules; what they hide is kept only as the reason.</summary>
internal static class SnapshotBuilder
{
    /// <summary>Languages the action effects are written in; other languages read the Danish words.</summary>
    private static readonly string[] EffectLanguages = ["da", "en"];

    /// <param name="viewer">The public as a reader below analyst, with a ledger: see the caller.</param>
    public static async Task<TransparencyContent> BuildAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, Viewer viewer, string scopeName, string? jobCentreKey,
        InstrumentDefinition instrument, DateOnly from, DateOnly to, IReadOnlyList<ActionItem> actions, int k, DateTime nowUtc, CancellationToken ct)
    {
        var request = Request(instrument.Key, jobCentreKey, from, to);
        var total = await ResultsQuery.RunAsync(db, databases, request, viewer, k, ct);
        var all = total.Groups.Single();
        var byGroup = await ResultsQuery.FiguresAsync(db, databases, request with { By = Dimension.TargetGroup }, viewer, k, ct);
        var index = await databases.Catalog.OrganisationAsync(ct);

        var questions = all.Questions.Select(q => new PublicQuestion(instrument.NumberOf(q.Key) ?? 0, instrument.Question(q.Key)?.Texts ?? LocalizedText.Of(q.Key),
            q.Suppressed ? null : q.Base, q.Suppressed ? null : q.Positive, q.PositiveCi?[0], q.PositiveCi?[1], Reason(all.Suppressed ? all.SuppressedReason : q.SuppressedReason, q.Suppressed)))
            .Where(q => q.HiddenReason is not null || q.Base > 0).ToList();
        var groups = byGroup.Groups.Select(g =>
        {
            var key = g.Key.GetValueOrDefault(ResultsRequest.Name(Dimension.TargetGroup)) ?? "";
            var name = index.TargetGroups.Values.FirstOrDefault(t => t.Key == key).Names ?? LocalizedText.Of(g.Label);
            return g.Suppressed || g.Average?.PositiveMeanOfQuestions is not { } share
                ? new PublicGroup(name, null, null, null, null, Reason(g.SuppressedReason, true))
                : new PublicGroup(name, g.Respondents, share, g.Average.PositiveMeanOfQuestionsCi?[0], g.Average.PositiveMeanOfQuestionsCi?[1], null);
        }).ToList();
        var targets = total.Targets.Select(t => new PublicTarget(t.Name, TargetQuery.PopulationNames(t, index), t.Metric, t.Direction,
            t.Suppressed ? null : t.Value, t.Threshold, t.Suppressed ? null : t.Met, t.Suppressed ? null : t.Significant, t.Period,
            t.Suppressed ? Reason(t.SuppressedReason, true) : null)).ToList();

        var effects = await ActionEffects.ForAsync(db, databases, request, actions, viewer, k, ct);
        var publicActions = actions.Select(a => new PublicAction(a.Title, a.Description, a.Status, a.Deadline,
            a.QuestionKeys.Select(key => instrument.NumberOf(key)).OfType<int>().ToList(),
            effects.TryGetValue(a.Id, out var e) ? Effects(e, instrument, k) : [])).ToList();

        return new TransparencyContent(scopeName, instrument.Names, total.Period, k, all.Suppressed ? null : all.Respondents,
            all.Suppressed ? Reason(all.SuppressedReason, true) : null, questions, groups, targets, publicActions)
        {
            ServiceGoals = await ServiceGoals.ServiceGoalCompliance.PublishedAsync(db, jobCentreKey, from, to, nowUtc, ct),
        };
    }

    /// <summary>The scope's question: one questionnaire, whole months, the municipality or one job centre.</summary>
    public static ResultsRequest Request(string instrument, string? jobCentreKey, DateOnly from, DateOnly to) => new(instrument)
    {
        From = from, To = to,
        Where = jobCentreKey is null ? new Dictionary<Dimension, string>() : new Dictionary<Dimension, string> { [Dimension.JobCentre] = jobCentreKey },
    };

    private static string? Reason(string? reason, bool hidden) => hidden ? reason ?? HiddenBecause.FewerThanK : null;

    private static LocalizedText Effects(IReadOnlyList<ActionEffect> effects, InstrumentDefinition instrument, int k)
    {
        var text = new LocalizedText();
        foreach (var language in EffectLanguages)
        {
            text[language] = ActionEffects.Describe(effects, instrument.NumberOf, k, new ReportText(CultureInfo.GetCultureInfo(language)));
        }
        return text;
    }
}
