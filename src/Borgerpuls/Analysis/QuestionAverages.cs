namespace Borgerpuls.Analysis;

/// <summary>The two averages over questions, both shown and labelled (SPEC §5).</summary>
public sealed record QuestionAverages(
    double? PositiveMeanOfQuestions, double? NegativeMeanOfQuestions, double? PositivePooled, double? NegativePooled,
    Interval? PositiveMeanOfQuestionsInterval, Interval? NegativeMeanOfQuestionsInterval, Interval? PositivePooledInterval, Interval? NegativePooledInterval,
    int Questions, long PooledBase)
{
    /// <summary>Mean of question shares: each question with a base weighs the same (seed 004's 79 % is this). Its interval
    /// treats the questions as independent proportions: SE = √(Σ pᵢ(1−pᵢ)/nᵢ) / k. Pooled: Σ positive / Σ base, where
    /// questions with fewer valid answers weigh less, with a Wilson interval over the pooled answers.</summary>
    public static QuestionAverages From(IReadOnlyCollection<QuestionFigures> questions)
    {
        var used = questions.Where(q => q.Base > 0).ToList();
        if (used.Count == 0)
        {
            return new QuestionAverages(null, null, null, null, null, null, null, null, 0, 0);
        }
        var k = used.Count;
        double MeanOf(Func<QuestionFigures, long> pick) => used.Average(q => (double)pick(q) / q.Base);
        Interval IntervalOf(Func<QuestionFigures, long> pick)
        {
            var mean = MeanOf(pick);
            var se = Math.Sqrt(used.Sum(q => { var p = (double)pick(q) / q.Base; return p * (1 - p) / q.Base; })) / k;
            return new Interval(Math.Max(0, mean - Proportion.Z95 * se), Math.Min(1, mean + Proportion.Z95 * se));
        }
        var pooledBase = used.Sum(q => q.Base);
        var positive = used.Sum(q => q.Positive);
        var negative = used.Sum(q => q.Negative);
        return new QuestionAverages(
            MeanOf(q => q.Positive), MeanOf(q => q.Negative), (double)positive / pooledBase, (double)negative / pooledBase,
            IntervalOf(q => q.Positive), IntervalOf(q => q.Negative), Proportion.Wilson(positive, pooledBase), Proportion.Wilson(negative, pooledBase),
            k, pooledBase);
    }
}
