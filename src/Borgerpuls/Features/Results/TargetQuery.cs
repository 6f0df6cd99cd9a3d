using System.Globalization;
using Borgerpuls.Analysis;
using Borgerpuls.Data;
using Borgerpuls.Domain;
using Borgerpuls.Security;
using Borgerpuls.Security.Anonymity;
using Microsoft.EntityFrameworkCore;

namespace Borgerpuls.Features.Results;

/// <summary>Targets (måltal) evaluated on what they are about and nothing else: a target for 2026 on the selected months of
/// 2026, a target for a job centre on that centre, a target for a target group (or set) on its respondents, a target for no
/// group on the selection's total — each once, whatever the breakdown. The selection's other filters (site, team, channel …)
/// narrow every target alike; a filter that contradicts a target's own population leaves the target out, because the value
/// would describe somebody else (an all-citizens target is not judged on one target group).</summary>
public static class TargetQuery
{
    public static async Task<IReadOnlyList<TargetResult>> RunAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, ResultsRequest request, Viewer viewer, int k, CancellationToken ct)
    {
        var targets = await db.Targets.AsNoTracking().Where(t => t.Instrument!.Key == request.Instrument).OrderBy(t => t.Key).ToListAsync(ct);
        if (targets.Count == 0) return [];
        var index = await databases.Catalog.OrganisationAsync(ct);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var results = new List<TargetResult>();
        foreach (var t in targets)
        {
            if (await EvaluateAsync(db, databases, t, request, index, viewer, k, language, ct) is { } result) results.Add(result);
        }
        return results;
    }

    /// <summary>One target, saved or not (the target form's live preview), judged on the selection as the dashboard judges
    /// it; null when the target does not apply to the selection.</summary>
    internal static async Task<TargetResult?> EvaluateAsync(BorgerpulsDb db, BorgerpulsDbFactory databases, Target t, ResultsRequest request,
        OrganisationIndex index, Viewer viewer, int k, string language, CancellationToken ct)
    {
        if (Scope(t, request, index, viewer) is not { } scope) return null;
        // A guarded viewer's target is one more respondent set: first evaluated on a ledger of its own, then shown only
        // if it cannot be subtracted from what the same output shows, else hidden like a complementary cell.
        var trial = viewer.Ledger is null ? viewer : viewer with { Ledger = new DisclosureLedger() };
        var report = await ResultsQuery.FiguresAsync(db, databases, scope, trial, k, ct);
        var total = report.Groups.Single();
        if (viewer.Ledger is { } ledger && trial.Ledger!.Sets is [var (instrumentId, set)])
        {
            if (ledger.Sets.Any(s => s.InstrumentId == instrumentId && Suppression.IsDifferencingRisk(s.Set.Difference(set), k)))
            {
                total = total with { Suppressed = true, SuppressedReason = HiddenBecause.Complementary, Respondents = null };
            }
            else
            {
                ledger.Add(instrumentId, set);
            }
        }
        return Evaluate(t, total) with
        {
            Year = t.Year,
            JobCentre = t.JobCentreId is { } jc ? index.JobCentres[jc].Key : null,
            TargetGroupSet = SetKey(t, index),
            TargetGroup = t.TargetGroupId is { } tg ? index.TargetGroups[tg].Key : null,
            Population = Population(t, index, language),
            Period = report.Period,
            Respondents = total.Respondents,
            Suppressed = total.Suppressed,
            SuppressedReason = total.SuppressedReason,
        };
    }

    /// <summary>Whether a group of the results is the target's population: without a breakdown the one group is the
    /// selection, which every applicable target is about; by job centre, target-group set or target group, the group whose key
    /// is the target's on that dimension (and whose other two it shares); by anything else, no group.</summary>
    public static bool IsAbout(TargetResult t, ResultsRequest request, IReadOnlyDictionary<string, string> groupKey)
    {
        if (request.By is null) return true;
        if (request.By2 is not null || request.By is not (Dimension.JobCentre or Dimension.TargetGroupSet or Dimension.TargetGroup)) return false;
        string? Of(Dimension d) => groupKey.TryGetValue(ResultsRequest.Name(d), out var key) ? key : request.Where.GetValueOrDefault(d);
        return t.JobCentre == (request.By == Dimension.JobCentre || t.JobCentre is not null ? Of(Dimension.JobCentre) : null)
            && t.TargetGroupSet == Of(Dimension.TargetGroupSet) && t.TargetGroup == Of(Dimension.TargetGroup);
    }

    /// <summary>The selection narrowed to the target's year, centre and group; null when the two do not meet.</summary>
    internal static ResultsRequest? Scope(Target t, ResultsRequest request, OrganisationIndex index, Viewer viewer)
    {
        var where = new Dictionary<Dimension, string>(request.Where);
        if (t.JobCentreId is { } jc)
        {
            var key = index.JobCentres[jc].Key;
            if (!viewer.SeesCentre(key)) return null;
            if (!Agrees(where, Dimension.JobCentre, key)) return null;
        }
        var set = SetKey(t, index);
        var group = t.TargetGroupId is { } groupId ? index.TargetGroups[groupId].Key : null;
        // A filter on target groups selects a population; only the target about that same population applies.
        if (where.TryGetValue(Dimension.TargetGroupSet, out var selectedSet) && selectedSet != set) return null;
        if (where.TryGetValue(Dimension.TargetGroup, out var selectedGroup) && selectedGroup != group) return null;
        // The background cube holds no target groups: a target about one cannot be judged under a background filter.
        if ((set ?? group) is not null && where.ContainsKey(Dimension.Background)) return null;
        if (set is not null) where[Dimension.TargetGroupSet] = set;
        if (group is not null) where[Dimension.TargetGroup] = group;

        var (from, to) = (request.From, request.To);
        if (t.Year is { } year)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            from = from is { } f && f > first ? f : first;
            to = to is { } l && l < last ? l : last;
            if (from > to) return null;
        }
        return request with { By = null, By2 = null, From = from, To = to, Where = where };
    }

    private static bool Agrees(Dictionary<Dimension, string> where, Dimension dimension, string key)
    {
        if (where.TryGetValue(dimension, out var selected)) return selected == key;
        where[dimension] = key;
        return true;
    }

    private static string? SetKey(Target t, OrganisationIndex index) =>
        t.TargetGroupSetId is { } setId ? index.Sets.First(s => s.Value.Id == setId).Key : null;

    /// <summary>Whom the target is about, by name: its target group or set, and its job centre; null for all citizens.</summary>
    private static string? Population(Target t, OrganisationIndex index, string language) => Population(
        t.TargetGroupId is { } tg ? index.TargetGroups[tg].Names : t.TargetGroupSetId is { } setId ? index.Sets.First(s => s.Value.Id == setId).Value.Names : null,
        t.JobCentreId is { } jc ? index.JobCentres[jc].Name : null, language);

    private static string? Population(LocalizedText? group, string? centre, string language)
    {
        var name = group?.In(language).Text;
        return name is not null && centre is not null ? $"{name}, {centre}" : name ?? centre;
    }

    /// <summary>Whom a judged target is about in every language its group is named in (empty: all citizens), for texts
    /// kept beyond the request, such as a published transparency snapshot.</summary>
    internal static LocalizedText PopulationNames(TargetResult t, OrganisationIndex index)
    {
        var group = t.TargetGroup is { } g ? index.TargetGroups.Values.First(x => x.Key == g).Names : t.TargetGroupSet is { } set ? index.Sets[set].Names : null;
        var centre = t.JobCentre is { } jc ? index.JobCentres.Values.First(x => x.Key == jc).Name : null;
        var names = new LocalizedText();
        foreach (var language in group?.Keys.ToList() ?? [LocalizedText.Danish])
        {
            if (Population(group, centre, language) is { } text) names[language] = text;
        }
        return names;
    }

    /// <summary>The target's measure on the population's shown questions, judged on the unrounded value.</summary>
    private static TargetResult Evaluate(Target t, GroupResult total)
    {
        var metric = t.Metric.ToString().ToLowerInvariant();
        var direction = t.Direction == TargetDirection.AtLeast ? "atLeast" : "atMost";
        var (value, interval) = total.Suppressed ? (null, null) : Measure(t, total);
        if (value is not { } v) return new TargetResult(t.Key, t.Name, metric, direction, null, t.Threshold, null, null) { QuestionKey = t.QuestionKey };
        var status = TargetStatus.Evaluate(v, interval, t.Threshold, t.Direction);
        return new TargetResult(t.Key, t.Name, metric, direction, v, t.Threshold, status.Met, status.Significant) { QuestionKey = t.QuestionKey };
    }

    private static (double? Value, Interval? Interval) Measure(Target t, GroupResult total)
    {
        var averages = QuestionAverages.From(total.Questions.Where(q => !q.Suppressed && q.Figures is not null).Select(q => q.Figures!).ToList());
        switch (t.Aggregation, t.Metric)
        {
            case (TargetAggregation.MeanOfQuestions, TargetMetric.Positive): return (averages.PositiveMeanOfQuestions, averages.PositiveMeanOfQuestionsInterval);
            case (TargetAggregation.MeanOfQuestions, TargetMetric.Negative): return (averages.NegativeMeanOfQuestions, averages.NegativeMeanOfQuestionsInterval);
            case (TargetAggregation.Pooled, TargetMetric.Positive): return (averages.PositivePooled, averages.PositivePooledInterval);
            case (TargetAggregation.Pooled, TargetMetric.Negative): return (averages.NegativePooled, averages.NegativePooledInterval);
            case (TargetAggregation.Question, _):
                if (total.Questions.FirstOrDefault(q => q.Key == t.QuestionKey) is not { Suppressed: false, Figures: { } f }) return (null, null);
                return t.Metric switch
                {
                    TargetMetric.Positive => (f.PositiveShare, f.PositiveInterval),
                    TargetMetric.Negative => (f.NegativeShare, f.NegativeInterval),
                    _ => (f.Mean, f.MeanInterval),
                };
            default: return (null, null);
        }
    }
}
