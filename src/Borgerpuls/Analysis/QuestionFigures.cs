using Borgerpuls.Domain;

namespace Borgerpuls.Analysis;

/// <summary>The figures of one question in one segment (SPEC §5). Shares are fractions 0–1 over the base
/// (positive + neutral + negative answers); excluded answers ("ved ikke") are counted but not in the base.</summary>
public sealed record QuestionFigures(long Base, long Positive, long Neutral, long Negative, long Excluded, double SumValues, double SumSquares)
{
    public static QuestionFigures From(IEnumerable<OptionTally> tallies)
    {
        long positive = 0, neutral = 0, negative = 0, excluded = 0;
        double sum = 0, squares = 0;
        foreach (var t in tallies)
        {
            switch (t.Polarity)
            {
                case Polarity.Positive: positive += t.Count; break;
                case Polarity.Neutral: neutral += t.Count; break;
                case Polarity.Negative: negative += t.Count; break;
                case Polarity.Excluded: excluded += t.Count; continue;
                default: continue;
            }
            var v = t.Value ?? 0;
            sum += v * t.Count;
            squares += v * v * t.Count;
        }
        return new QuestionFigures(positive + neutral + negative, positive, neutral, negative, excluded, sum, squares);
    }

    public double? PositiveShare => Base == 0 ? null : (double)Positive / Base;
    public double? NeutralShare => Base == 0 ? null : (double)Neutral / Base;
    public double? NegativeShare => Base == 0 ? null : (double)Negative / Base;
    public double? Mean => Base == 0 ? null : SumValues / Base;
    public Interval? PositiveInterval => Base == 0 ? null : Proportion.Wilson(Positive, Base);
    public Interval? NegativeInterval => Base == 0 ? null : Proportion.Wilson(Negative, Base);
    public Interval? MeanInterval => Base < 2 ? null : Proportion.Mean(Base, SumValues, SumSquares);
}
