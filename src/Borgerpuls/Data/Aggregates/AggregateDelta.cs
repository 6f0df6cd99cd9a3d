using Borgerpuls.Analysis;
using Borgerpuls.Domain;
using Borgerpuls.Features.Questionnaire;

namespace Borgerpuls.Data.Aggregates;

/// <summary>What a batch of responses adds to the aggregates, merged in memory first so that each touched cell, option and
/// pair is written once per batch.</summary>
public sealed class AggregateDelta
{
    public Dictionary<CellKey, CellCounts> Cells { get; } = [];

    /// <summary>The batch's comments by theme, written in the same transaction as the cells.</summary>
    public ThemeCounts Themes { get; } = new();

    public void Add(Response response, InstrumentDefinition instrument)
    {
        var counts = Count(response, instrument);
        foreach (var key in CellKey.For(response))
        {
            if (!Cells.TryGetValue(key, out var cell))
            {
                Cells[key] = cell = new CellCounts();
            }
            cell.Add(counts);
        }
    }

    /// <summary>One respondent's contribution: each chosen option, and for each scale question in the base the pair
    /// (its value, the overall question's value — or, without an overall question, the mean of the other scale questions).</summary>
    public static CellCounts Count(Response response, InstrumentDefinition instrument)
    {
        var counts = new CellCounts { Respondents = 1 };
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, codes) in response.Answers)
        {
            var question = instrument.Question(key);
            foreach (var code in codes)
            {
                counts.Options[(key, code)] = counts.Options.GetValueOrDefault((key, code)) + 1;
                if (question?.Type == QuestionType.Scale && question.Options.FirstOrDefault(o => o.Code == code) is { Value: { } v, Polarity: Polarity.Positive or Polarity.Neutral or Polarity.Negative })
                {
                    values[key] = v;
                }
            }
        }
        var overall = instrument.Overall?.Key;
        foreach (var (key, x) in values)
        {
            if (key == overall)
            {
                continue;
            }
            double? y = overall is not null
                ? (values.TryGetValue(overall, out var o) ? o : null)
                : values.Count > 1 ? values.Where(kv => kv.Key != key).Average(kv => kv.Value) : null;
            if (y is { } partner)
            {
                counts.Pairs[key] = PairSums.Of(x, partner);
            }
        }
        return counts;
    }
}
