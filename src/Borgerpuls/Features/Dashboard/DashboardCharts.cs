using System.Globalization;
using Borgerpuls.Domain;
using Borgerpuls.Features.Charts;
using Borgerpuls.Features.Results;
using Borgerpuls.Localization;
using Microsoft.Extensions.Localization;

namespace Borgerpuls.Features.Dashboard;

/// <summary>Turns the dashboard's figures into charts with texts in the reader's language. The page shows each chart's table,
/// the download endpoints render the same chart as SVG, PNG or CSV.</summary>
public sealed class DashboardCharts(DashboardFigures figures, IStringLocalizer<SharedResource> t)
{
    public static readonly string[] Names = ["bars", "trend", "priority-map", "heat-map", "compare"];

    private readonly string _language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public Chart? Get(string name) => name switch
    {
        "bars" => Bars(),
        "trend" => Trend(),
        "priority-map" => figures.PriorityMap.Unavailable is null ? PriorityMap() : null,
        "heat-map" => figures.Heat is null ? null : HeatMap(),
        "compare" => Compare(),
        _ => null,
    };

    public string Suppressed => Hidden(null);

    public string Hidden(string? reason) => HiddenBecause.Text(reason, figures.Overall.K, CultureInfo.CurrentUICulture);

    public string QuestionLabel(string key)
    {
        var index = figures.Instrument.Questions.ToList().FindIndex(q => q.Key == key);
        return index < 0 ? key : $"{index + 1}. {figures.Instrument.Questions[index].Texts.In(_language).Text}";
    }

    public ShareBarsChart Bars() => new(t["Dashboard.Bars.Title"], t["Dashboard.Bars.Description"],
        ChartTexts.Bars(key => t[key], Suppressed, Hidden(HiddenBecause.Complementary)),
        QuestionKeys().SelectMany(key => figures.ByGroup.Groups.Select(g =>
        {
            var q = g.Questions.First(x => x.Key == key);
            return new ShareBar(QuestionLabel(key), g.Label, q.Positive, q.Neutral, q.Negative, q.PositiveCi?[0], q.PositiveCi?[1], q.Base, q.Suppressed || g.Suppressed)
            {
                Complementary = HiddenBecause.IsComplementary(g.Suppressed ? g.SuppressedReason : q.SuppressedReason),
                DiffersFromRest = q.VersusRest?.Significant == true,
            };
        })).ToList());

    public TrendChart Trend()
    {
        var periods = figures.Trends.SelectMany(s => s.Report.Groups.Select(g => g.Label)).Distinct().Order(StringComparer.Ordinal).ToList();
        var series = figures.Trends.Select(s => new TrendSeries(s.Name.Length == 0 ? t["Dashboard.Total"] : s.Name, periods.Select(p =>
        {
            var g = s.Report.Groups.FirstOrDefault(x => x.Label == p);
            return g is { Suppressed: false, Average.PositiveMeanOfQuestions: { } value }
                ? new TrendPoint(value, g.Average.PositiveMeanOfQuestionsCi?[0], g.Average.PositiveMeanOfQuestionsCi?[1], g.Respondents, g.Questions.Any(q => q.Change?.Significant == true))
                : null;
        }).ToList())).ToList();
        return new TrendChart(t["Dashboard.Trend.Title"], t["Dashboard.Trend.Description"],
            ChartTexts.Trend(key => t[key], Suppressed),
            periods, series);
    }

    public PriorityMapChart PriorityMap() => new(t["Dashboard.Map.Title"], t["Dashboard.Map.Description"],
        new PriorityMapText(t["Dashboard.Question"], t["Dashboard.Map.Satisfaction"], t["Dashboard.Map.Importance"], t["Dashboard.Map.N"], t["Dashboard.Map.Quadrant"],
            figures.PriorityMap.Suppressed ? Suppressed : t["Dashboard.Map.NotPlaced"],
            t["Dashboard.Map.Challenge"], t["Dashboard.Map.Strength"], t["Dashboard.Map.SecondaryStrength"], t["Dashboard.Map.SecondaryChallenge"]),
        figures.PriorityMap.Questions.Select(q => new PriorityPoint(QuestionLabel(q.Key), q.Satisfaction, q.Importance, q.N, q.Quadrant)).ToList());

    public HeatMapChart HeatMap() => new(t["Dashboard.Heat.Title"], t["Dashboard.Heat.Description", figures.Heat!.LeftOutRepeats],
        new HeatMapText(t["Dashboard.Heat.Weekday"], t["Dashboard.Heat.Hour"], t["Dashboard.Heat.Presses"], t["Dashboard.Positive"], t["Dashboard.Note"], Suppressed),
        Enumerable.Range(0, 7).Select(d => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)((d + 1) % 7))).ToList(),
        figures.Heat.Hours.Select(h => new HeatCell(h.Weekday, h.Hour, h.Presses, h.Positive, h.Suppressed)).ToList());

    public CompareChart Compare()
    {
        var (a, b) = figures.CompareKeys;
        return new CompareChart(t["Dashboard.Compare.Title"], t["Dashboard.Compare.Description"],
            new CompareText(t["Dashboard.Question"], t["Dashboard.Compare.Difference"], t["Dashboard.Compare.PValue"], t["Dashboard.Note"],
                t["Dashboard.Compare.Significant"], t["Dashboard.Compare.NotSignificant"], Suppressed, t["Dashboard.PositiveAxis"]),
            GroupLabel(figures.Filter.CompareBy, a), GroupLabel(figures.Filter.CompareBy, b),
            (figures.Compare?.Questions ?? []).Select(q => new CompareRow(QuestionLabel(q.Key), q.PositiveA, q.PositiveB, q.Difference, q.PValue, q.Significant, q.Suppressed)).ToList());
    }

    /// <summary>A group key's name from whichever report has it; periods as people say them ("2. kvt. 2025").</summary>
    public string GroupLabel(string dimension, string key)
    {
        if (dimension == "period")
        {
            return PeriodLabel.Of(key, t, System.Globalization.CultureInfo.CurrentCulture);
        }
        if (dimension == figures.Filter.CompareBy && figures.CompareChoices.FirstOrDefault(c => c.Key == key).Label is { } label)
        {
            return label;
        }
        foreach (var report in new[] { figures.ByGroup, figures.BySet, figures.Drill?.Report })
        {
            if (report?.Groups.FirstOrDefault(g => g.Key.GetValueOrDefault(dimension) == key) is { } g) return g.Label;
        }
        return key;
    }

    private IEnumerable<string> QuestionKeys() =>
        figures.Instrument.Questions.Where(q => q.Type is QuestionType.Scale or QuestionType.YesNo).Select(q => q.Key);
}
