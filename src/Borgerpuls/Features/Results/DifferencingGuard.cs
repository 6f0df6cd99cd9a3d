using Borgerpuls.Analysis;
using Borgerpuls.Data.Aggregates;
using Borgerpuls.Security;

namespace Borgerpuls.Features.Results;

/// <summary>Differencing protection (SPEC §5): for roles below analyst, an output whose respondents differ by at least one
/// but fewer than k from another output the same user asked for within the last hour is refused — otherwise subtracting
/// the two would reveal those few. Respondent sets are compared at cell level, the unit aggregates are kept in. The same
/// question asked again is always answered.</summary>
public sealed class DifferencingGuard(TimeProvider clock)
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private const int PerUser = 50;

    private sealed record Entry(string Instrument, string Signature, IReadOnlyDictionary<CellKey, long> Cells, DateTimeOffset At);

    private readonly Dictionary<string, List<Entry>> _recent = new(StringComparer.Ordinal);

    /// <summary>Null when the output may be shown, else the reason it is refused.</summary>
    public string? Check(string user, Viewer viewer, string instrument, string signature, IReadOnlyDictionary<CellKey, long> cells, int k)
    {
        if (viewer.IsAnalystOrAdmin)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        lock (_recent)
        {
            if (!_recent.TryGetValue(user, out var entries))
            {
                _recent[user] = entries = [];
            }
            entries.RemoveAll(e => now - e.At > Memory);
            foreach (var earlier in entries.Where(e => e.Instrument == instrument && e.Signature != signature))
            {
                var difference = earlier.Cells.Keys.Union(cells.Keys).Sum(c => Math.Abs(earlier.Cells.GetValueOrDefault(c) - cells.GetValueOrDefault(c)));
                if (Suppression.IsDifferencingRisk(difference, k))
                {
                    return $"This selection differs from one you viewed recently by fewer than {k} respondents, so together they could reveal individual answers. Choose a broader selection.";
                }
            }
            entries.Add(new Entry(instrument, signature, cells, now));
            if (entries.Count > PerUser) entries.RemoveAt(0);
            return null;
        }
    }
}
