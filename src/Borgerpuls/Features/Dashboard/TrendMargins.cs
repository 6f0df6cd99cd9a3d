using Borgerpuls.Analysis;
using Borgerpuls.Features.Results;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Dashboard;

/// <summary>The trend chart draws the total and a few groups per period: a two-way table (group × period) with the total as
/// its margin. Each group's line is suppressed along its periods by the query; across the lines of one period, a group's
/// point is hidden too when the total minus it, or the total minus all shown points, would pin between one and k − 1
/// respondents — smallest point first, as in any complementary suppression. (Overlapping groups make the second rule hide
/// more than needed, never less.)</summary>
public static class TrendMargins
{
    public static List<(string Name, ResultsReport Report)> Apply(List<(string Name, ResultsReport Report)> trends, Viewer viewer, int k)
    {
        if (trends.Count < 2) return trends;
        var total = trends[0].Report;
        var lines = trends.Skip(1).Select(t => t.Report.Groups.ToList()).ToList();
        foreach (var period in total.Groups.Where(g => !g.Suppressed && g.Respondents is not null))
        {
            var points = lines.Select(line => line.FindIndex(g => g.Label == period.Label)).ToList();
            bool Shown(int line) => points[line] >= 0 && !lines[line][points[line]].Suppressed;
            long Count(int line) => lines[line][points[line]].Respondents ?? 0;
            while (true)
            {
                var shown = Enumerable.Range(0, lines.Count).Where(Shown).ToList();
                var pinned = shown.Where(l => period.Respondents - Count(l) is > 0 and var rest && rest < k).ToList();
                var remainder = period.Respondents!.Value - shown.Sum(Count);
                if (pinned.Count == 0 && (remainder <= 0 || remainder >= k)) break;
                var hide = (pinned.Count > 0 ? pinned : shown).OrderBy(Count).First();
                var point = lines[hide][points[hide]];
                if (point.Disclosed is { } set) viewer.Ledger?.Withdraw(set);
                lines[hide][points[hide]] = point with
                {
                    Suppressed = true, SuppressedReason = HiddenBecause.Complementary, Respondents = null, Average = null, ResponseRate = null, Disclosed = null,
                    Questions = point.Questions.Select(q => new QuestionResult(q.Key, null, null, null, null, null, null, null, null, null, true) { SuppressedReason = HiddenBecause.Complementary }).ToList(),
                };
            }
        }
        return [trends[0], .. trends.Skip(1).Select((t, i) => (t.Name, t.Report with { Groups = lines[i] }))];
    }
}
