using Borgerpuls.Analysis;

namespace Borgerpuls.Data.Aggregates;

/// <summary>The counts of one cell: respondents, answers per (question, option), and correlation sums per question.
/// Used both for a write's delta and for the in-memory mirror; counts only ever add up.</summary>
public sealed class CellCounts
{
    public long Respondents { get; set; }
    public Dictionary<(string Question, string Option), long> Options { get; } = [];
    public Dictionary<string, PairSums> Pairs { get; } = new(StringComparer.Ordinal);

    public void Add(CellCounts other)
    {
        Respondents += other.Respondents;
        foreach (var (key, count) in other.Options)
        {
            Options[key] = Options.GetValueOrDefault(key) + count;
        }
        foreach (var (key, sums) in other.Pairs)
        {
            Pairs[key] = Pairs.GetValueOrDefault(key) + sums;
        }
    }
}
